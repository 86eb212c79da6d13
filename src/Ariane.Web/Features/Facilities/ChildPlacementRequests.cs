using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Facilities;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>One request of the child's list, with where each facility stands.</summary>
public sealed record ChildPlacementRequestRow(
    Guid Id, CareType CareType, DateOnly WantedFrom, string RequestedByName, DateTime CreatedAt,
    IReadOnlyList<ChildPlacementRequestTarget> Targets);

public sealed record ChildPlacementRequestTarget(string FacilityName, PlacementRequestStatus Status);

/// <summary>
/// The placement requests sent for a child, the latest first (social data, read through the gate, one
/// audit row for the list). Bounded: the last <see cref="PageSize"/> requests, in three queries. A protected child's
/// facilities are named as <see cref="FacilityRules.MayNameAskedFacility"/> says.
/// </summary>
public sealed class ChildPlacementRequests(AppDbContext db, ChildAccess access, CurrentUser currentUser)
{
    public const int PageSize = 50;

    public async Task<Result<IReadOnlyList<ChildPlacementRequestRow>>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<IReadOnlyList<ChildPlacementRequestRow>>.NotFound();
        }

        var subject = await currentUser.SubjectAsync(cancellationToken);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new { c.IsProtected, c.ResponsibleDepartementCode }).SingleAsync(cancellationToken);
        var requests = await db.PlacementRequests.AsNoTracking().Where(r => r.ChildId == childId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(PageSize)
            .Select(r => new { r.Id, r.CareType, r.WantedFrom, r.RequestedByName, r.RequestedByUserId, r.CreatedAt })
            .ToListAsync(cancellationToken);
        // The former département of a transferred child sees the requests it made before the hand-over only.
        if (opening.RecordedBefore is { } cutoff)
        {
            requests = [.. requests.Where(r => Core.Common.EntityIds.CreatedBefore(r.Id, cutoff))];
        }

        var ids = requests.Select(r => r.Id).ToList();
        var requesters = requests.ToDictionary(r => r.Id, r => r.RequestedByUserId);
        var targets = (await db.PlacementRequestTargets.AsNoTracking().Where(t => ids.Contains(t.RequestId))
            .OrderBy(t => t.Facility!.Name).ThenBy(t => t.Id)
            .Select(t => new { t.RequestId, t.Facility!.Name, t.Facility.ServiceId, t.Facility.FosterCarerUserId, t.Status })
            .ToListAsync(cancellationToken))
            .Select(t => new
            {
                t.RequestId,
                Name = FacilityRules.MayNameAskedFacility(subject, child.IsProtected, child.ResponsibleDepartementCode, requesters[t.RequestId], t.ServiceId, t.FosterCarerUserId)
                    ? t.Name : ProtectedPlace.HiddenLabel,
                t.Status,
            })
            .ToList();
        db.Audit.Record(AuditEventType.PlacementRequestsListed, childId, Section.Social, entityType: "Child", entityId: childId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<ChildPlacementRequestRow>>.Ok([.. requests.Select(r => new ChildPlacementRequestRow(r.Id, r.CareType, r.WantedFrom, r.RequestedByName, r.CreatedAt,
            [.. targets.Where(t => t.RequestId == r.Id).Select(t => new ChildPlacementRequestTarget(t.Name, t.Status))]))]);
    }
}
