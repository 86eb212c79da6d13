using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Facilities;
using Ariane.Core.Measures;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Facilities;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Records a stay (docs/domain.md, Placements). When the child has a current stay, this is a change of place:
/// the current stay ends the day before the new start, in the same transaction. A stay in a facility takes a
/// place on its capacity line (counted by <see cref="CapacityCounter"/>), and access follows the place: the
/// facility's service is assigned to the child, a foster carer named on the child, for the stay's dates.
/// </summary>
public sealed class OpenPlacement(
    AppDbContext db, ChildAccess access, CurrentUser currentUser, CapacityCounter capacities, ChildJourney journey, TimeProvider time)
{
    public const string NoCapacityError = "Ce lieu n'a pas de place déclarée pour ce type d'accueil";

    public async Task<Result<ChildJourneyView>> HandleAsync(Guid childId, OpenPlacementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (opening, refusal) = await PlacementGate.OpenAsync(access, childId, AccessOperation.Write, Permission.RecordMeasure, cancellationToken);
        if (refusal is { } r)
        {
            return PlacementGate.Refuse<ChildJourneyView>(r);
        }

        var errors = Validation.Check(request);
        Validation.Defined(request.PlaceKind, "placeKind", errors);
        Validation.Defined(request.CareType, "careType", errors);
        if (errors.Count > 0)
        {
            return Result<ChildJourneyView>.Invalid(errors);
        }

        var today = Format.Today(time);
        var kind = request.PlaceKind!.Value;
        var careType = request.CareType ?? CareType.Permanent;
        var startsOn = request.StartsOn!.Value;
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken);
        var birth = PlacementGate.BirthOn(child.BirthDate);

        if (request.MeasureId is { } measureId
            && !await db.Measures.AnyAsync(m => m.Id == measureId && m.ChildId == childId && m.State != MeasureState.Ended, cancellationToken))
        {
            Validation.Add(errors, "measureId", "Choisissez une mesure en cours de l'enfant.");
        }

        Facility? facility = null;
        FacilityCapacity? line = null;
        if (PlaceKinds.UsesFacility(kind) && request.FacilityId is { } facilityId)
        {
            facility = await db.Facilities.AsNoTracking().Include(f => f.Capacities)
                .SingleOrDefaultAsync(f => f.Id == facilityId && f.IsActive && f.DepartementCode == child.ResponsibleDepartementCode, cancellationToken);
            if (facility is null)
            {
                Validation.Add(errors, "facilityId", "Choisissez un lieu d'accueil actif du département.");
            }
            else if (facility.PlaceKind != kind)
            {
                // The nature of the place is the facility's: a hotel recorded as an establishment would escape the hotel rules.
                Validation.Add(errors, "placeKind", $"Ce lieu d'accueil est de nature « {PlaceKinds.Label(facility.PlaceKind)} » : choisissez cette nature.");
            }
            else
            {
                var lines = facility.Capacities.Where(c => c.CareType == careType).OrderBy(c => c.AgeMinYears).ThenBy(c => c.Id).ToList();
                line = lines.FirstOrDefault(c => c.Accepts(PlacementGate.AgeOn(birth, startsOn), child.Sex)) ?? lines.FirstOrDefault();
                if (line is null)
                {
                    Validation.Add(errors, "facilityId", NoCapacityError + ".");
                }
            }
        }
        else if (PlaceKinds.UsesFacility(kind) && kind != PlaceKind.Hotel)
        {
            Validation.Add(errors, "facilityId", "Choisissez le lieu d'accueil.");
        }

        if (kind == PlaceKind.PrivatePerson)
        {
            if (request.HostPersonId is not { } hostId || !await db.LinkedPersons.AnyAsync(p => p.Id == hostId && p.ChildId == childId, cancellationToken))
            {
                Validation.Add(errors, "hostPersonId", "Choisissez la personne qui accueille l'enfant parmi les personnes liées au dossier.");
            }
        }

        var placeLabel = ChildInput.Clean(request.PlaceLabel);
        if (facility is null && kind != PlaceKind.PrivatePerson && placeLabel is null)
        {
            Validation.Add(errors, "placeLabel", "Indiquez le lieu d'accueil.");
        }

        // The current stay, if any, is ended the day before: it is not an overlap.
        var stays = await db.Placements.Where(p => p.ChildId == childId).ToListAsync(cancellationToken);
        var previous = stays.Where(p => p.StartsOn < startsOn && (p.EndsOn is null || p.EndsOn >= startsOn))
            .OrderByDescending(p => p.StartsOn).FirstOrDefault();
        foreach (var (field, message) in PlacementRules.Check(kind, startsOn, null, birth, today,
            stays.Where(p => p != previous).Select(p => (p.StartsOn, p.EndsOn))))
        {
            Validation.Add(errors, field, message);
        }

        if (errors.Count > 0)
        {
            return Result<ChildJourneyView>.Invalid(errors);
        }

        var recordedBy = await currentUser.DisplayNameAsync(cancellationToken);
        var placement = new Placement
        {
            ChildId = childId,
            MeasureId = request.MeasureId,
            PlaceKind = kind,
            CareType = careType,
            FacilityId = facility?.Id,
            CapacityId = line?.Id,
            HostPersonId = kind == PlaceKind.PrivatePerson ? request.HostPersonId : null,
            PlaceLabel = placeLabel,
            StartsOn = startsOn,
            Reason = ChildInput.Clean(request.Reason),
            RecordedByUserId = opening.Subject.UserId,
            RecordedByName = recordedBy,
        };

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (previous is not null)
            {
                previous.EndsOn = startsOn.AddDays(-1);
                previous.EndReason = ChildInput.Clean(request.PreviousEndReason) ?? "Changement de lieu";
                await PlacementAccess.EndAsync(db, previous, ct);
            }

            db.Placements.Add(placement);
            await PlacementAccess.OpenAsync(db, placement, facility, ct);

            // The places held for this child: the one of this facility is taken by the stay, any other is given back
            // (she is hosted elsewhere), so that no accepted request keeps a place forever.
            var held = await db.PlacementRequestTargets
                .Where(t => t.ChildId == childId && t.Status == PlacementRequestStatus.Accepted)
                .ToListAsync(ct);
            foreach (var target in held)
            {
                var here = facility is not null && target.FacilityId == facility.Id;
                target.Status = here ? PlacementRequestStatus.Fulfilled : PlacementRequestStatus.Withdrawn;
                target.StatusNote = here ? target.StatusNote : "Enfant accueilli dans un autre lieu";
                target.UpdatedAt = time.GetUtcNow().UtcDateTime;
                target.UpdatedByName = recordedBy;
            }

            await capacities.RefreshAsync([.. held.Select(t => t.CapacityId)], ct);

            await capacities.RefreshAsync([previous?.CapacityId, placement.CapacityId], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The current stay or a capacity line changed meanwhile (another stay, the phone screen, an answer): nothing is saved.
            db.ChangeTracker.Clear();
            return Result<ChildJourneyView>.Conflict(new { message = "Le dossier ou les places de ce lieu ont changé entre-temps : rien n'a été enregistré, recommencez." });
        }

        db.ChangeTracker.Clear();
        access.Forget(childId);
        var reopened = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        var view = await journey.BuildAsync(reopened, cancellationToken);
        return Result<ChildJourneyView>.Ok(view);
    }
}
