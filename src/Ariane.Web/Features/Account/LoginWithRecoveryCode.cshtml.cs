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
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signInManager, AuthAudit audit, SignInRefusal refusal) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez un code de secours.")]
    [StringLength(20)]
    [Display(Name = "Code de secours")]
    public string? RecoveryCode { get; set; }

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

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(RecoveryCode!.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEventType.RecoveryCodeUsed, user);
            await audit.RecordAsync(AuditEventType.LoginSucceeded, user, details: "{\"secondFactor\":\"recovery\"}");
            TempData["Message"] = "Code de secours utilisé : il n'est plus valable. Pensez à en générer de nouveaux.";
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditEventType.LockedOut : AuditEventType.TwoFactorFailed, user, outcome: AuditOutcome.Denied);
        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut ? refusal.LockedMessage : "Code de secours invalide.");
        return Page();
    }
}
