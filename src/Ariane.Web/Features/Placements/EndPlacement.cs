using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Facilities;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

/// <summary>Ends a stay (date, reason, version): frees its place and ends the access the place gave.</summary>
public sealed class EndPlacement(AppDbContext db, ChildAccess access, CapacityCounter capacities, ChildJourney journey, TimeProvider time)
{
    public async Task<Result<ChildJourneyView>> HandleAsync(Guid placementId, EndPlacementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var childId = await db.Placements.AsNoTracking().Where(p => p.Id == placementId).Select(p => (Guid?)p.ChildId).SingleOrDefaultAsync(cancellationToken);
        if (childId is null)
        {
            return Result<ChildJourneyView>.NotFound();
        }

        var (opening, refusal) = await PlacementGate.OpenAsync(access, childId.Value, AccessOperation.Write, Permission.RecordMeasure, cancellationToken);
        if (refusal is { } r)
        {
            return PlacementGate.Refuse<ChildJourneyView>(r);
        }

        var errors = Validation.Check(request);
        if (errors.Count > 0)
        {
            return Result<ChildJourneyView>.Invalid(errors);
        }

        var stay = await db.Placements.SingleAsync(p => p.Id == placementId, cancellationToken);
        if (stay.Version != request.Version)
        {
            return await ConflictAsync(opening, cancellationToken);
        }

        var endsOn = request.EndsOn!.Value;
        var today = Format.Today(time);
        if (endsOn < stay.StartsOn)
        {
            return Result<ChildJourneyView>.Invalid("endsOn", "La fin de l'accueil doit suivre son début.");
        }

        if (endsOn > today.AddDays(31))
        {
            return Result<ChildJourneyView>.Invalid("endsOn", "La fin d'un accueil ne s'enregistre pas plus d'un mois à l'avance.");
        }

        if (await db.Placements.AnyAsync(p => p.ChildId == stay.ChildId && p.Id != stay.Id && p.StartsOn > stay.StartsOn && p.StartsOn <= endsOn, cancellationToken))
        {
            return Result<ChildJourneyView>.Invalid("endsOn", "Un accueil suivant commence avant cette date : la fin doit le précéder.");
        }

        db.Entry(stay).Property(p => p.Version).OriginalValue = request.Version;
        stay.EndsOn = endsOn;
        stay.EndReason = ChildInput.Clean(request.Reason);
        await PlacementAccess.EndAsync(db, stay, cancellationToken);
        await capacities.RefreshAsync([stay.CapacityId], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(opening, cancellationToken);
        }

        db.ChangeTracker.Clear();
        access.Forget(stay.ChildId);
        var reopened = await access.OpenAsync(stay.ChildId, AccessOperation.Read, Section.Social, cancellationToken);
        return Result<ChildJourneyView>.Ok(await journey.BuildAsync(reopened, cancellationToken));
    }

    /// <summary>The conflict shows the stored path: a read, audited as one.</summary>
    private async Task<Result<ChildJourneyView>> ConflictAsync(ChildOpening opening, CancellationToken cancellationToken)
    {
        var current = await journey.BuildAsync(opening, cancellationToken);
        db.Audit.Record(AuditEventType.PlacementsViewed, opening.ChildId, Section.Social, opening.Basis, details: """{"conflict":true}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<ChildJourneyView>.Conflict(current);
    }
}
