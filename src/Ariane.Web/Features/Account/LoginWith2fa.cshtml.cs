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
public sealed class LoginWith2faModel(SignInManager<AppUser> signInManager, AuthAudit audit, SignInRefusal refusal) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres de votre application.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Le code compte 6 chiffres.")]
    [Display(Name = "Code de vérification")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code!.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEventType.LoginSucceeded, user, details: "{\"secondFactor\":\"totp\"}");
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditEventType.LockedOut, user, outcome: AuditOutcome.Denied);
            ModelState.AddModelError(string.Empty, refusal.LockedMessage);
            return Page();
        }

        await audit.RecordAsync(AuditEventType.TwoFactorFailed, user, outcome: AuditOutcome.Denied);
        ModelState.AddModelError(nameof(Code), "Code incorrect ou expiré.");
        return Page();
    }
}
