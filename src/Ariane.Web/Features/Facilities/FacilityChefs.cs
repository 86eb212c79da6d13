using Ariane.Core.Access;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// Who a facility's notifications go to: the members of its services whose role manages places (its chefs de service).
/// The roles are read from the catalogue, so that a role given <see cref="Permission.ManagePlaces"/> is reached too.
/// </summary>
public static class FacilityChefs
{
    public static async Task<List<(Guid UserId, Guid ServiceId)>> OfServicesAsync(AppDbContext db, IReadOnlyCollection<Guid> serviceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = RoleCatalogue.Defaults.Where(r => r.Has(Permission.ManagePlaces)).Select(r => r.Code).ToList();
        var rows = await db.Memberships.AsNoTracking().Where(m => serviceIds.Contains(m.ServiceId) && codes.Contains(m.RoleCode))
            .Select(m => new { m.UserId, m.ServiceId }).Distinct().ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.UserId, r.ServiceId))];
    }
}
