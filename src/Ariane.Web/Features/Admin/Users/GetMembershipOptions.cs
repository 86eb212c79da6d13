using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

public sealed record ServiceOption(Guid Id, string Name);

public sealed record OrganisationServices(string OrganisationName, IReadOnlyList<ServiceOption> Services);

public sealed record RoleOption(string Code, string Name, string Description);

public sealed record MembershipOptions(IReadOnlyList<OrganisationServices> Organisations, IReadOnlyList<RoleOption> Roles);

/// <summary>What a membership can be made of: the active services grouped by organisation, and the roles as stored.</summary>
public sealed class GetMembershipOptions(AppDbContext db, AdminScope scope)
{
    public async Task<Result<MembershipOptions>> HandleAsync(CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.ManageUsers, cancellationToken);
        if (reach is null)
        {
            return Result<MembershipOptions>.Forbidden();
        }

        var organisations = reach.Organisations(db.Organisations).Select(o => o.Id);
        var services = await db.Services.AsNoTracking()
            .Where(s => s.IsActive && organisations.Contains(s.OrganisationId))
            .Select(s => new { Organisation = s.Organisation!.Name, s.Id, s.Name })
            .ToListAsync(cancellationToken);
        var roles = (await db.AccessRoles.AsNoTracking()
                .Select(r => new RoleOption(r.Code, r.Name, r.Description))
                .ToListAsync(cancellationToken))
            .OrderBy(r => r.Name, FrenchOrder.Comparer)
            .ToList();

        var groups = services
            .GroupBy(s => s.Organisation)
            .OrderBy(g => g.Key, FrenchOrder.Comparer)
            .Select(g => new OrganisationServices(g.Key, [.. g.OrderBy(s => s.Name, FrenchOrder.Comparer).Select(s => new ServiceOption(s.Id, s.Name))]))
            .ToList();
        return Result<MembershipOptions>.Ok(new MembershipOptions(groups, roles));
    }
}
