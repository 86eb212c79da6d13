using Ariane.Core.Children;
using Ariane.Core.Facilities;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Access follows the place (docs/security.md, Placements): a stay in a facility with a service assigns that
/// service to the child (motive « Placement ») so the establishment's team reads the record; a foster carer
/// is named on the child. Ending the stay ends them on the same day. New rows are added through their DbSet
/// (a preset key added to a tracked collection would be taken for an update).
/// </summary>
public static class PlacementAccess
{
    public static async Task OpenAsync(AppDbContext db, Placement stay, Facility? facility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stay);
        if (facility is null)
        {
            return;
        }

        // Read with tracking, and judged on the values in memory: a change of place within the same facility has just
        // ended that assignment the day before (EndAsync, not saved yet), and a new one must carry the new stay.
        var existing = facility.ServiceId is { } sid
            ? await db.ServiceAssignments.Where(a => a.ChildId == stay.ChildId && a.ServiceId == sid && a.StartsOn <= stay.StartsOn
                && a.MotiveCode == AssignmentMotiveCatalogue.Placement).ToListAsync(cancellationToken)
            : [];
        if (facility.ServiceId is { } serviceId && !existing.Any(a => a.EndsOn == null || a.EndsOn >= stay.StartsOn))
        {
            db.ServiceAssignments.Add(new ServiceAssignment
            {
                ChildId = stay.ChildId,
                ServiceId = serviceId,
                StartsOn = stay.StartsOn,
                EndsOn = stay.EndsOn,
                MotiveCode = AssignmentMotiveCatalogue.Placement,
            });
        }

        if (facility.FosterCarerUserId is { } userId)
        {
            db.WorkerAssignments.Add(new WorkerAssignment
            {
                ChildId = stay.ChildId,
                UserId = userId,
                Role = WorkerRole.FosterCarer,
                StartsOn = stay.StartsOn,
                EndsOn = stay.EndsOn,
            });
        }
    }

    /// <summary>Ends the assignments the stay opened, on the stay's last day.</summary>
    public static async Task EndAsync(AppDbContext db, Placement stay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stay);
        if (stay.FacilityId is not { } facilityId || stay.EndsOn is not { } end)
        {
            return;
        }

        var facility = await db.Facilities.AsNoTracking().Where(f => f.Id == facilityId)
            .Select(f => new { f.ServiceId, f.FosterCarerUserId }).SingleOrDefaultAsync(cancellationToken);
        if (facility?.ServiceId is { } serviceId)
        {
            var assignments = await db.ServiceAssignments
                .Where(a => a.ChildId == stay.ChildId && a.ServiceId == serviceId && a.MotiveCode == AssignmentMotiveCatalogue.Placement
                    && a.StartsOn <= end && (a.EndsOn == null || a.EndsOn > end))
                .ToListAsync(cancellationToken);
            assignments.ForEach(a => a.EndsOn = a.StartsOn > end ? a.StartsOn : end);
        }

        if (facility?.FosterCarerUserId is { } userId)
        {
            var assignments = await db.WorkerAssignments
                .Where(a => a.ChildId == stay.ChildId && a.UserId == userId && a.Role == WorkerRole.FosterCarer
                    && a.StartsOn <= end && (a.EndsOn == null || a.EndsOn > end))
                .ToListAsync(cancellationToken);
            assignments.ForEach(a => a.EndsOn = a.StartsOn > end ? a.StartsOn : end);
        }
    }
}
