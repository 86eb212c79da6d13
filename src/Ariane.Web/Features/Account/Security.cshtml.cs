using Ariane.Core.Audit;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Account;

/// <summary>The user's own security: second factor, recovery codes, password, and "log out everywhere".</summary>
[NoChildData]
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signInManager, AuthAudit audit, IOptions<SecurityOptions> security) : PageModel
{
    public bool TwoFactorRequired => security.Value.RequireTwoFactor;

    public AppUser? Account { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return RedirectToPage("Login");
        }

        RecoveryCodesLeft = Account.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(Account) : 0;
        return Page();
    }

    /// <summary>Invalidates every session of this account (stamp change), then signs this one out too.</summary>
    public async Task<IActionResult> OnPostLogoutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        await users.UpdateSecurityStampAsync(user);
        await signInManager.SignOutAsync();
        await audit.RecordAsync(AuditEventType.LogoutEverywhere, user);
        TempData["Message"] = "Toutes vos sessions ont été fermées.";
        return RedirectToPage("Login");
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditEventType.TwoFactorReset, user, details: "{\"recoveryCodes\":\"regenerated\"}");
        TempData["RecoveryCodes"] = string.Join(' ', codes ?? []);
        return RedirectToPage("RecoveryCodes");
    }
}
