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
public sealed class LogoutModel(SignInManager<AppUser> signInManager, UserManager<AppUser> users, AuthAudit audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Login");

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        await signInManager.SignOutAsync();
        if (user is not null)
        {
            await audit.RecordAsync(AuditEventType.Logout, user);
        }

        TempData["Message"] = "Vous êtes déconnecté.";
        return RedirectToPage("Login");
    }
}
