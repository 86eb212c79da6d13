using Ariane.Core.Common;
using Ariane.Core.Facilities;
using Ariane.Core.Notifications;
using Ariane.Persistence;
using Ariane.Web.Features.Notifications;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

public sealed class PlacementAnswerInput
{
    /// <summary>InformationMissing, Refused or Accepted.</summary>
    public PlacementRequestStatus Status { get; set; }
    /// <summary>What is missing, or why refused (required then).</summary>
    [MultiLine]
    public string? Note { get; set; }
    /// <summary>The line the place is held on; by default the first line of the request's care type that accepts the child.</summary>
    public Guid? CapacityId { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The facility answers a request sent to it (its chef de service). Accepting holds one place on a line
/// that has one (Available − 1 in the same transaction) and withdraws the other facilities' open requests;
/// the requester is notified, without the child's name.
/// </summary>
public sealed class AnswerPlacementRequest(AppDbContext db, CurrentUser currentUser, CapacityCounter counter, NotificationSender sender, TimeProvider time)
{
    public const int NoteMaxLength = 1000;

    public async Task<Result<PlacementTargetView>> HandleAsync(Guid placementRequestId, Guid targetId, PlacementAnswerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var target = await db.PlacementRequestTargets.Include(t => t.Facility).Include(t => t.Request).ThenInclude(r => r!.Targets)
            .SingleOrDefaultAsync(t => t.Id == targetId && t.RequestId == placementRequestId, cancellationToken);
        if (target is null || !FacilityRules.MayUpdatePlaces(subject, target.Facility!))
        {
            return Result<PlacementTargetView>.NotFound();
        }

        // The text rules (control characters; line breaks allowed in the note), as the API's filter applies them.
        var errors = Validation.Check(input);
        if (errors.Count > 0)
        {
            return Result<PlacementTargetView>.Invalid(errors);
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (input.Status is not (PlacementRequestStatus.InformationMissing or PlacementRequestStatus.Refused or PlacementRequestStatus.Accepted))
        {
            Validation.Add(errors, nameof(input.Status), "Répondez par : informations manquantes, refus ou acceptation.");
        }
        else if (input.Status != PlacementRequestStatus.Accepted && note is null)
        {
            Validation.Add(errors, nameof(input.Note), input.Status == PlacementRequestStatus.Refused ? "Indiquez le motif du refus." : "Indiquez les informations qui manquent.");
        }

        if (note is { Length: > NoteMaxLength })
        {
            Validation.Add(errors, nameof(input.Note), "La note tient en 1 000 caractères au plus.");
        }

        if (!target.IsOpen)
        {
            Validation.Add(errors, nameof(input.Status), "Cette demande a déjà reçu une réponse définitive ou a été retirée.");
        }

        if (errors.Count > 0)
        {
            return Result<PlacementTargetView>.Invalid(errors);
        }

        db.Entry(target).Property(t => t.Version).OriginalValue = input.Version;
        var request = target.Request!;
        var now = time.GetUtcNow().UtcDateTime;
        var name = await currentUser.DisplayNameAsync(cancellationToken);
        if (input.Status == PlacementRequestStatus.Accepted)
        {
            var lines = await db.FacilityCapacities.Where(c => c.FacilityId == target.FacilityId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
            var line = input.CapacityId is { } cid
                ? lines.SingleOrDefault(c => c.Id == cid)
                : lines.Where(c => c.CareType == request.CareType && c.Accepts(request.ChildAgeYears, request.ChildSex))
                    .OrderByDescending(c => c.Available).FirstOrDefault();
            if (line is null)
            {
                return Result<PlacementTargetView>.Invalid(nameof(input.CapacityId), "Aucune ligne de capacité de ce lieu ne correspond à cette demande.");
            }

            if (line.Available <= 0)
            {
                return Result<PlacementTargetView>.Conflict(new { message = "Plus de place disponible sur cette ligne.", current = CapacityView.From(line) });
            }

            target.CapacityId = line.Id;
            foreach (var other in request.Targets.Where(o => o.Id != target.Id && o.IsOpen))
            {
                other.Status = PlacementRequestStatus.Withdrawn;
                other.StatusNote = "Place trouvée ailleurs";
                other.UpdatedAt = now;
                other.UpdatedByName = name;
            }
        }

        target.Status = input.Status;
        target.StatusNote = note;
        target.UpdatedAt = now;
        target.UpdatedByName = name;
        await counter.RefreshAsync([target.CapacityId], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.PlacementRequestTargets.AsNoTracking().Where(t => t.Id == targetId)
                .Select(t => new PlacementTargetView(t.Id, t.FacilityId, t.Facility!.Name, t.CapacityId, t.Status, t.StatusNote, t.UpdatedAt, t.UpdatedByName, t.Version))
                .SingleAsync(cancellationToken);
            return Result<PlacementTargetView>.Conflict(new { message = "Quelqu'un a répondu à cette demande avant vous.", current });
        }

        var what = input.Status switch
        {
            PlacementRequestStatus.Accepted => "a accepté votre demande de place : une place est réservée",
            PlacementRequestStatus.Refused => "a refusé votre demande de place",
            _ => "demande des informations complémentaires sur votre demande de place",
        };
        await sender.SendAsync([new NotificationDraft(request.RequestedByUserId, NotificationKind.PlacementRequestAnswered, "Réponse à une demande de place",
            $"{target.Facility!.Name} {what}.", $"/Facilities/Requests/{request.Id}", request.Id, $"placement-answer:{target.Id:N}:{target.Version}")], cancellationToken);
        return Result<PlacementTargetView>.Ok(new PlacementTargetView(target.Id, target.FacilityId, target.Facility.Name, target.CapacityId, target.Status,
            target.StatusNote, target.UpdatedAt, target.UpdatedByName, target.Version));
    }
}
