using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Ariane.Core.Audit;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Ariane.Web.Features.Account;

/// <summary>TOTP enrolment: QR code and key, confirmation by a first code, then recovery codes.</summary>
[NoChildData]
[AllowedBeforeEnrolment]
public sealed class EnableAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signInManager, AuthAudit audit, IOptions<SecurityOptions> security) : PageModel
{
    /// <summary>Whether every account must have a second factor (false only in demo mode): the page must not say « obligatoire » otherwise.</summary>
    public bool Required => security.Value.RequireTwoFactor;

    public string SharedKey { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code affiché par l'application.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Le code compte 6 chiffres.")]
    [Display(Name = "Code de vérification")]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = Code!.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Code incorrect. Vérifiez l'heure de votre téléphone et réessayez.");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await audit.RecordAsync(AuditEventType.TwoFactorEnabled, user);
        // The session now counts as strongly authenticated.
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", "mfa")]);
        TempData["RecoveryCodes"] = string.Join(' ', codes ?? []);
        return RedirectToPage("RecoveryCodes");
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: re-issue this session's cookie so it is not ended mid-enrolment.
            await signInManager.RefreshSignInAsync(user);
        }

        SharedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("Ariane")}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Ariane&digits=6");
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
