using System.Security.Claims;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Adds to the session what must be known without a query: a temporary password to replace (the page
/// filter), and the user's département (the audit chain of their rows about no child).
/// </summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string MustChangePasswordClaim = "ariane:must_change_password";

    public const string DepartementClaim = "ariane:departement";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        // The département of the user's first service, in a fixed order; none for an association or the platform.
        var departement = await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id)
            .OrderBy(m => m.ServiceId).Select(m => m.Service!.Organisation!.DepartementCode)
            .FirstOrDefaultAsync(d => d != null);
        if (departement is not null)
        {
            identity.AddClaim(new Claim(DepartementClaim, departement));
        }

        return identity;
    }
}
