using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Roles;

/// <summary>The roles as stored (the access policy reads these rows, not code), with how many memberships use each.</summary>
public sealed record RoleRow(Role Role, int MembershipCount);

/// <summary>Roles and rights as data, read-only: for those who manage accounts or organisations.</summary>
public sealed class ListRoles(AppDbContext db, CurrentUser currentUser)
{
    public async Task<Result<IReadOnlyList<RoleRow>>> HandleAsync(CancellationToken cancellationToken)
    {
        if (!await currentUser.HasAsync(Permission.ManageUsers, cancellationToken)
            && !await currentUser.HasAsync(Permission.ManageOrganisations, cancellationToken))
        {
            return Result<IReadOnlyList<RoleRow>>.Forbidden();
        }

        var rows = await db.AccessRoles.AsNoTracking()
            .Select(r => new RoleRow(r, db.Memberships.Count(m => m.RoleCode == r.Code)))
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<RoleRow>>.Ok([.. rows.OrderBy(r => r.Role.Scope).ThenBy(r => r.Role.Name, FrenchOrder.Comparer)]);
    }
}
