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
public sealed class GetPlacementRequest(AppDbContext db, ChildAccess access, CurrentUser currentUser)
{
    public async Task<Result<PlacementRequestView>> HandleAsync(Guid placementRequestId, CancellationToken cancellationToken)
    {
        var childId = await db.PlacementRequests.AsNoTracking().Where(r => r.Id == placementRequestId).Select(r => (Guid?)r.ChildId).SingleOrDefaultAsync(cancellationToken);
        var opening = childId is { } child ? await access.OpenAsync(child, AccessOperation.Read, Section.Social, cancellationToken) : null;
        // The former département of a transferred child reads the requests it made, not where the new one looks for a place.
        if (childId is not { } id || opening is not { Allowed: true }
            || (opening.RecordedBefore is { } cutoff && !Core.Common.EntityIds.CreatedBefore(placementRequestId, cutoff)))
        {
            return Result<PlacementRequestView>.NotFound();
        }

        var view = await LoadAsync(placementRequestId, cancellationToken);
        db.Audit.Record(AuditEventType.PlacementRequestViewed, id, Section.Social, entityType: "PlacementRequest", entityId: placementRequestId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<PlacementRequestView>.Ok(view);
    }

    /// <summary>The view of a request the caller already opened (no audit row). A protected child's facilities are named as <see cref="FacilityRules.MayNameAskedFacility"/> says.</summary>
    public async Task<PlacementRequestView> LoadAsync(Guid placementRequestId, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var r = await db.PlacementRequests.AsNoTracking().SingleAsync(x => x.Id == placementRequestId, cancellationToken);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == r.ChildId)
            .Select(c => new { c.DossierNumber, c.IsProtected, c.ResponsibleDepartementCode }).SingleAsync(cancellationToken);
        var rows = await db.PlacementRequestTargets.AsNoTracking().Where(t => t.RequestId == r.Id)
            .OrderBy(t => t.Facility!.Name).ThenBy(t => t.Id)
            .Select(t => new { View = new PlacementTargetView(t.Id, t.FacilityId, t.Facility!.Name, t.CapacityId, t.Status, t.StatusNote, t.UpdatedAt, t.UpdatedByName, t.Version), t.Facility.ServiceId, t.Facility.FosterCarerUserId })
            .ToListAsync(cancellationToken);
        var targets = rows.Select(t => FacilityRules.MayNameAskedFacility(subject, child.IsProtected, child.ResponsibleDepartementCode, r.RequestedByUserId, t.ServiceId, t.FosterCarerUserId)
            ? t.View
            : t.View with { FacilityId = Guid.Empty, FacilityName = Core.Placements.ProtectedPlace.HiddenLabel, CapacityId = null, StatusNote = null, UpdatedByName = null }).ToList();
        return new PlacementRequestView(r.Id, r.ChildId, child.DossierNumber, r.CareType, r.WantedFrom, r.ChildAgeYears, r.ChildSex, r.SiblingsTogether,
            r.Needs, r.ContactPhone, r.RequestedByName, r.CreatedAt, r.Version, targets);
    }
}
