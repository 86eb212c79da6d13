using System.ComponentModel.DataAnnotations;
using Ariane.Core.Audit;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Account;

[AllowAnonymous]
[NoChildData]
[AllowedBeforeEnrolment]
public sealed class LoginModel(SignInManager<AppUser> signInManager, UserManager<AppUser> users, AuthAudit audit, SignInRefusal refusal) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre identifiant.")]
    [StringLength(256)]
    [Display(Name = "Identifiant")]
    public string? UserName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(UserName!.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Identity would answer without hashing: same delay as a wrong password.
            refusal.SpendHashTime(Password!);
        }

        var result = await signInManager.PasswordSignInAsync(UserName.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEventType.LoginSucceeded, user);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditEventType.LockedOut, user, UserName, AuditOutcome.Denied);
            ModelState.AddModelError(string.Empty, refusal.Message);
            return Page();
        }

        if (result.IsNotAllowed)
        {
            await audit.RecordAsync(user?.IsDemoAccount == true ? AuditEventType.DemoAccountRefused : AuditEventType.LoginFailed, user, UserName, AuditOutcome.Denied);
        }
        else
        {
            await audit.RecordAsync(AuditEventType.LoginFailed, user, UserName, AuditOutcome.Denied);
        }

        // Same message whatever the cause (unknown, wrong password, locked, deactivated): nobody learns which accounts exist.
        ModelState.AddModelError(string.Empty, refusal.Message);
        return Page();
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
