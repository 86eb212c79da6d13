using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Sign-in rules beyond Identity's: a deactivated account cannot sign in, and a demo account only
/// while the app runs in demo mode (so that demo accounts are impossible in production).
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    IOptions<DemoOptions> demo)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsActive || (user.IsDemoAccount && !demo.Value.Enabled))
        {
            return false;
        }

        return await base.CanSignInAsync(user);
    }
}
