using Ariane.Core.Facilities;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// Keeps a capacity line's occupied, held and available figures equal to what the placements and the
/// accepted requests say (docs/domain.md, Places: occupancy is counted, never typed). Held counts the accepted
/// requests and the stays recorded ahead (a place promised from next week is not free for another child). Every handler that
/// opens, moves or ends a stay, or accepts, fulfils or withdraws a request, calls <see cref="RefreshAsync"/>
/// for the lines it touched before its one SaveChanges: the board is right the moment the change is saved.
/// </summary>
public sealed class CapacityCounter(AppDbContext db, TimeProvider time)
{
    /// <summary>Recounts the lines (already tracked or loaded here) from the database and the pending changes.</summary>
    public async Task RefreshAsync(IEnumerable<Guid?> capacityIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capacityIds);
        var ids = capacityIds.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var today = Shared.Format.Today(time);
        // Saved rows, then the rows this request changes but has not saved: the counts must include them.
        var saved = await db.Placements.AsNoTracking()
            .Where(p => p.CapacityId != null && ids.Contains(p.CapacityId.Value) && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn > today))
            .Select(p => new { p.Id, p.CapacityId })
            .ToListAsync(cancellationToken);
        // A stay recorded ahead keeps its place for the child: held until it starts (the nightly recount then counts it occupied).
        var comingSaved = await db.Placements.AsNoTracking()
            .Where(p => p.CapacityId != null && ids.Contains(p.CapacityId.Value) && p.StartsOn > today)
            .Select(p => new { p.Id, p.CapacityId })
            .ToListAsync(cancellationToken);
        var heldSaved = await db.PlacementRequestTargets.AsNoTracking()
            .Where(t => t.CapacityId != null && ids.Contains(t.CapacityId.Value) && t.Status == PlacementRequestStatus.Accepted)
            .Select(t => new { t.Id, t.CapacityId })
            .ToListAsync(cancellationToken);

        var occupied = saved.ToDictionary(p => p.Id, p => p.CapacityId!.Value);
        var coming = comingSaved.ToDictionary(p => p.Id, p => p.CapacityId!.Value);
        foreach (var entry in db.ChangeTracker.Entries<Core.Placements.Placement>())
        {
            var p = entry.Entity;
            occupied.Remove(p.Id);
            coming.Remove(p.Id);
            if (entry.State != EntityState.Deleted && p.CapacityId is { } c && ids.Contains(c) && p.OccupiesPlaceOn(today))
            {
                occupied[p.Id] = c;
            }
            else if (entry.State != EntityState.Deleted && p.CapacityId is { } f && ids.Contains(f) && p.StartsOn > today)
            {
                coming[p.Id] = f;
            }
        }

        var held = heldSaved.ToDictionary(t => t.Id, t => t.CapacityId!.Value);
        foreach (var entry in db.ChangeTracker.Entries<PlacementRequestTarget>())
        {
            var t = entry.Entity;
            held.Remove(t.Id);
            if (entry.State != EntityState.Deleted && t.CapacityId is { } c && ids.Contains(c) && t.Status == PlacementRequestStatus.Accepted)
            {
                held[t.Id] = c;
            }
        }

        var lines = await db.FacilityCapacities.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        foreach (var line in lines)
        {
            line.Refresh(occupied.Values.Count(c => c == line.Id), held.Values.Count(c => c == line.Id) + coming.Values.Count(c => c == line.Id));
        }
    }
}
