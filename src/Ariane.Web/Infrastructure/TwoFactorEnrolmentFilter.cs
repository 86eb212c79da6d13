using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// A page a new account reaches before its first steps are done (signing in and out, changing the temporary
/// password, enrolling the second factor, the error pages). Declared on the page model, by the module that
/// owns the page: <see cref="TwoFactorEnrolmentFilter"/> keeps no list of pages.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedBeforeEnrolmentAttribute : Attribute;

/// <summary>
/// First steps of a new account, in order: a temporary password given by an administrator must be
/// replaced; then, when the second factor is required, a session opened with a password only
/// ("amr" ≠ "mfa") reaches nothing but the pages marked <see cref="AllowedBeforeEnrolmentAttribute"/>
/// until TOTP is set up.
/// </summary>
public sealed class TwoFactorEnrolmentFilter(IOptions<SecurityOptions> security) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        var allowed = context.ActionDescriptor.EndpointMetadata.OfType<AllowedBeforeEnrolmentAttribute>().Any();
        if (user.HasClaim(AppClaimsPrincipalFactory.MustChangePasswordClaim, "true") && !allowed)
        {
            context.Result = new RedirectToPageResult("/Account/ChangePassword");
            return;
        }

        if (security.Value.RequireTwoFactor
            && user.Identity?.IsAuthenticated == true
            && !user.HasClaim("amr", "mfa")
            && !allowed)
        {
            context.Result = new RedirectToPageResult("/Account/EnableAuthenticator");
            return;
        }

        await next();
    }
}
