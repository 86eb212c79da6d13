using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Facilities;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// A facility's inbox of placement requests (its chef de service, ManagePlaces), open ones first. The
/// facility has no access to the record, so nothing of the child is read but what the request carries;
/// each request shown leaves a read row with the child's id so that the child's access log says who saw it.
/// </summary>
public sealed class FacilityInbox(AppDbContext db, CurrentUser currentUser)
{
    public const int PageSize = 50;

    public async Task<Result<IReadOnlyList<InboxItem>>> HandleAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == facilityId, cancellationToken);
        if (facility is null || !FacilityRules.MayUpdatePlaces(subject, facility))
        {
            return Result<IReadOnlyList<InboxItem>>.NotFound();
        }

        var rows = await db.PlacementRequestTargets.AsNoTracking().Where(t => t.FacilityId == facilityId)
            .OrderBy(t => t.Status == PlacementRequestStatus.Sent || t.Status == PlacementRequestStatus.InformationMissing ? 0 : 1)
            .ThenByDescending(t => t.Request!.CreatedAt).ThenBy(t => t.Id)
            .Take(PageSize)
            .Select(t => new
            {
                t.Request!.ChildId,
                Item = new InboxItem(t.RequestId, t.Id, t.Status, t.StatusNote, t.Request.CareType, t.Request.WantedFrom, t.Request.ChildAgeYears,
                    t.Request.ChildSex, t.Request.SiblingsTogether, t.Request.Needs,
                    db.Services.Where(s => s.Id == t.Request.RequestedByServiceId).Select(s => s.Name).FirstOrDefault() ?? string.Empty,
                    t.Request.RequestedByName, t.Request.ContactPhone, t.Request.CreatedAt, t.CapacityId, t.Version),
            })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.Audit.Record(AuditEventType.PlacementRequestViewed, row.ChildId, Section.Social,
                details: """{"side":"facility"}""", entityType: "PlacementRequest", entityId: row.Item.RequestId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<InboxItem>>.Ok([.. rows.Select(r => r.Item)]);
    }
}
