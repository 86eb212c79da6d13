using Ariane.Core.Access;
using Ariane.Core.Facilities;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// The requester withdraws the request (social write on the child): every open or accepted target is
/// withdrawn and the held places are freed in the same transaction.
/// </summary>
public sealed class WithdrawPlacementRequest(AppDbContext db, ChildAccess access, CurrentUser currentUser, CapacityCounter counter, TimeProvider time, GetPlacementRequest get)
{
    public async Task<Result<PlacementRequestView>> HandleAsync(Guid placementRequestId, CancellationToken cancellationToken)
    {
        var request = await db.PlacementRequests.Include(r => r.Targets).SingleOrDefaultAsync(r => r.Id == placementRequestId, cancellationToken);
        // The requester's side: whoever may look for places and write the child's follow-up (not the host's team).
        if (request is null || !(await access.OpenAsync(request.ChildId, AccessOperation.Write, Section.Social, cancellationToken)).Allowed
            || !(await currentUser.SubjectAsync(cancellationToken)).Has(Permission.FindPlaces))
        {
            return Result<PlacementRequestView>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var name = await currentUser.DisplayNameAsync(cancellationToken);
        var freed = new List<Guid?>();
        foreach (var t in request.Targets.Where(t => t.IsOpen || t.Status == PlacementRequestStatus.Accepted))
        {
            freed.Add(t.CapacityId);
            t.Status = PlacementRequestStatus.Withdrawn;
            t.StatusNote = "Demande retirée";
            t.UpdatedAt = now;
            t.UpdatedByName = name;
        }

        request.UpdatedAt = now;
        await counter.RefreshAsync(freed, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A facility answered, or the requester answered its question, at the same moment: nothing is withdrawn.
            db.ChangeTracker.Clear();
            return Result<PlacementRequestView>.Conflict(new { message = "La demande a changé entre-temps : relisez-la avant de la retirer.", current = await get.LoadAsync(request.Id, cancellationToken) });
        }

        return Result<PlacementRequestView>.Ok(await get.LoadAsync(request.Id, cancellationToken));
    }
}
