using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// First steps of a new account, in order: a temporary password given by an administrator must be
/// replaced; then, when the second factor is required, a session opened with a password only
/// ("amr" ≠ "mfa") reaches nothing but the enrolment and account pages until TOTP is set up.
/// </summary>
public sealed class TwoFactorEnrolmentFilter(IOptions<SecurityOptions> security) : IAsyncPageFilter
{
    private static readonly string[] AllowedPages =
        ["/Account/EnableAuthenticator", "/Account/RecoveryCodes", "/Account/Logout", "/Account/Login", "/Account/LoginWith2fa",
         "/Account/LoginWithRecoveryCode", "/Account/AccessDenied", "/Account/ChangePassword", "/Error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.HasClaim(AppClaimsPrincipalFactory.MustChangePasswordClaim, "true")
            && !AllowedPages.Contains(page, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new RedirectToPageResult("/Account/ChangePassword");
            return;
        }

        if (security.Value.RequireTwoFactor
            && user.Identity?.IsAuthenticated == true
            && !user.HasClaim("amr", "mfa")
            && !AllowedPages.Contains(page, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new RedirectToPageResult("/Account/EnableAuthenticator");
            return;
        }

        await next();
    }
}
