using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// The requester's view of a placement request: social data of the child, opened through the gate and
/// audited with the child's id. A facility reads its inbox instead (<see cref="FacilityInbox"/>).
/// </summary>
public sealed class GetPlacementRequest(AppDbContext db, ChildAccess access)
{
    public async Task<Result<PlacementRequestView>> HandleAsync(Guid placementRequestId, CancellationToken cancellationToken)
    {
        var childId = await db.PlacementRequests.AsNoTracking().Where(r => r.Id == placementRequestId).Select(r => (Guid?)r.ChildId).SingleOrDefaultAsync(cancellationToken);
        if (childId is not { } id || !(await access.OpenAsync(id, AccessOperation.Read, Section.Social, cancellationToken)).Allowed)
        {
            return Result<PlacementRequestView>.NotFound();
        }

        var view = await LoadAsync(placementRequestId, cancellationToken);
        db.Audit.Record(AuditEventType.PlacementRequestViewed, id, Section.Social, entityType: "PlacementRequest", entityId: placementRequestId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<PlacementRequestView>.Ok(view);
    }

    /// <summary>The view of a request the caller already opened (no audit row).</summary>
    public async Task<PlacementRequestView> LoadAsync(Guid placementRequestId, CancellationToken cancellationToken)
    {
        var r = await db.PlacementRequests.AsNoTracking().SingleAsync(x => x.Id == placementRequestId, cancellationToken);
        var dossier = await db.Children.AsNoTracking().Where(c => c.Id == r.ChildId).Select(c => c.DossierNumber).SingleAsync(cancellationToken);
        var targets = await db.PlacementRequestTargets.AsNoTracking().Where(t => t.RequestId == r.Id)
            .OrderBy(t => t.Facility!.Name).ThenBy(t => t.Id)
            .Select(t => new PlacementTargetView(t.Id, t.FacilityId, t.Facility!.Name, t.CapacityId, t.Status, t.StatusNote, t.UpdatedAt, t.UpdatedByName, t.Version))
            .ToListAsync(cancellationToken);
        return new PlacementRequestView(r.Id, r.ChildId, dossier, r.CareType, r.WantedFrom, r.ChildAgeYears, r.ChildSex, r.SiblingsTogether,
            r.Needs, r.ContactPhone, r.RequestedByName, r.CreatedAt, r.Version, targets);
    }
}
