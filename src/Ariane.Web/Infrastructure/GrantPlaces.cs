using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Where the user holds a permission: in the platform's organisation, in which départements, in which
/// organisations. What administrators manage (AdminScope) and what DPOs and cadres oversee (AuditScope)
/// both start from it (docs/decisions/0007-tenancy.md).
/// </summary>
public sealed record GrantPlaces(bool Platform, IReadOnlyList<string> DepartementCodes, IReadOnlyList<Guid> OrganisationIds)
{
    /// <summary>Null when the user holds <paramref name="permission"/> nowhere; one query otherwise.</summary>
    public static async Task<GrantPlaces?> ForAsync(AppDbContext db, AccessSubject subject, Permission permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        var serviceIds = subject.ServiceIdsWith(permission).Distinct().ToList();
        if (serviceIds.Count == 0)
        {
            return null;
        }

        var organisations = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.OrganisationId, s.Organisation!.Kind, s.Organisation.DepartementCode })
            .ToListAsync(cancellationToken);
        return new GrantPlaces(
            organisations.Any(o => o.Kind == OrganisationKind.Platform),
            [.. organisations.Where(o => o.DepartementCode is not null).Select(o => o.DepartementCode!).Distinct()],
            [.. organisations.Select(o => o.OrganisationId).Distinct()]);
    }
}
