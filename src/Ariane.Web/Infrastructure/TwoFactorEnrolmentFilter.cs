using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// When the second factor is required, a session opened with a password only ("amr" ≠ "mfa") can
/// reach nothing but the enrolment and account pages until the user has set up TOTP.
/// </summary>
public sealed class TwoFactorEnrolmentFilter(IOptions<SecurityOptions> security) : IAsyncPageFilter
{
    private static readonly string[] AllowedPages =
        ["/Account/EnableAuthenticator", "/Account/RecoveryCodes", "/Account/Logout", "/Account/Login", "/Account/LoginWith2fa",
         "/Account/LoginWithRecoveryCode", "/Account/AccessDenied", "/Error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        if (security.Value.RequireTwoFactor
            && user.Identity?.IsAuthenticated == true
            && !user.HasClaim("amr", "mfa")
            && !AllowedPages.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new RedirectToPageResult("/Account/EnableAuthenticator");
            return;
        }

        await next();
    }
}
