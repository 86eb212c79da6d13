using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>A facility whose places the reader updates, with its open requests to answer.</summary>
public sealed record MyFacilityRow(Guid Id, string Name, string? City, int Available, int OpenRequests);

/// <summary>
/// The facilities of the services where the reader is chef de service (ManagePlaces): where they update
/// their places and answer requests. Not child data (counts only). Bounded to 50, by name.
/// </summary>
public sealed class MyFacilities(AppDbContext db, CurrentUser currentUser)
{
    public async Task<Result<IReadOnlyList<MyFacilityRow>>> HandleAsync(CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Has(Permission.ManagePlaces))
        {
            return Result<IReadOnlyList<MyFacilityRow>>.Forbidden();
        }

        var services = subject.Grants.Where(g => g.Role.Has(Permission.ManagePlaces)).Select(g => g.ServiceId).Distinct().ToList();
        var rows = await db.Facilities.AsNoTracking().Where(f => f.ServiceId != null && services.Contains(f.ServiceId.Value))
            .OrderBy(f => f.Name).ThenBy(f => f.Id).Take(50)
            .Select(f => new MyFacilityRow(f.Id, f.Name, f.City, f.Capacities.Sum(c => c.Available),
                db.PlacementRequestTargets.Count(t => t.FacilityId == f.Id
                    && (t.Status == Core.Facilities.PlacementRequestStatus.Sent || t.Status == Core.Facilities.PlacementRequestStatus.InformationMissing))))
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<MyFacilityRow>>.Ok(rows);
    }
}
