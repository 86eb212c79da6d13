using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Core.Facilities;
using Ariane.Core.Notifications;
using Ariane.Persistence;
using Ariane.Web.Features.Notifications;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

public sealed class PlacementReplyInput
{
    /// <summary>The information the facility asked for, without the child's name.</summary>
    [MultiLine]
    public string? Reply { get; set; }
    /// <summary>The facility's answer as the requester read it (the target's version).</summary>
    public int Version { get; set; }
}

/// <summary>
/// The requester answers a facility that asked for more (« informations manquantes », docs/domain.md, Places and
/// facilities): the answer is added to the request's needs with the question, dated, so that every facility asked
/// reads it; that facility's request is « envoyée » again, waiting for its answer, and its chefs de service are
/// notified without the child's name. A social write on the child (the requester's side of the request).
/// </summary>
public sealed class ReplyToPlacementQuestion(
    AppDbContext db, ChildAccess access, CurrentUser currentUser, NotificationSender sender, TimeProvider time, GetPlacementRequest get)
{
    public const int ReplyMaxLength = 1000;

    public async Task<Result<PlacementRequestView>> HandleAsync(Guid placementRequestId, Guid targetId, PlacementReplyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var target = await db.PlacementRequestTargets.Include(t => t.Facility).Include(t => t.Request)
            .SingleOrDefaultAsync(t => t.Id == targetId && t.RequestId == placementRequestId, cancellationToken);
        // The requester's side: whoever may look for places and write the child's follow-up (not the host's team).
        if (target is null || !(await access.OpenAsync(target.ChildId, AccessOperation.Write, Section.Social, cancellationToken)).Allowed
            || !(await currentUser.SubjectAsync(cancellationToken)).Has(Permission.FindPlaces))
        {
            return Result<PlacementRequestView>.NotFound();
        }

        var request = target.Request!;
        var reply = input.Reply?.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        // Every facility asked reads the needs: the answer quotes the question (shortened), not who asked it.
        var added = $"\n\nRéponse du {Shared.Format.DateAtTime(now)} à la question « {Shorten(target.StatusNote)} » : {reply}";
        // The text rules first (control characters, line breaks where allowed), as the API's filter applies them.
        var errors = Validation.Check(input);
        if (errors.Count > 0)
        {
            return Result<PlacementRequestView>.Invalid(errors);
        }

        if (target.Status != PlacementRequestStatus.InformationMissing)
        {
            Validation.Add(errors, nameof(input.Reply), "Ce lieu d'accueil n'attend pas de réponse de votre part.");
        }
        else if (string.IsNullOrEmpty(reply))
        {
            Validation.Add(errors, nameof(input.Reply), "Écrivez la réponse à la question du lieu d'accueil.");
        }
        else if (reply.Length > ReplyMaxLength)
        {
            Validation.Add(errors, nameof(input.Reply), "La réponse tient en 1 000 caractères au plus.");
        }
        else if (request.Needs.Length + added.Length > PlacementRequest.NeedsMaxLength)
        {
            Validation.Add(errors, nameof(input.Reply), "La demande est trop longue pour être complétée ici : répondez par téléphone, ou retirez-la et envoyez-en une nouvelle.");
        }

        if (errors.Count > 0)
        {
            return Result<PlacementRequestView>.Invalid(errors);
        }

        db.Entry(target).Property(t => t.Version).OriginalValue = input.Version;
        var name = await currentUser.DisplayNameAsync(cancellationToken);
        request.Needs += added;
        request.UpdatedAt = now;
        target.Status = PlacementRequestStatus.Sent;
        target.StatusNote = null;
        target.UpdatedAt = now;
        target.UpdatedByName = name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<PlacementRequestView>.Conflict(new
            {
                message = "Le lieu d'accueil a changé sa réponse entre-temps : relisez-la avant de répondre.",
                current = await get.LoadAsync(request.Id, cancellationToken),
            });
        }

        if (target.Facility!.ServiceId is { } serviceId)
        {
            var recipients = (await FacilityChefs.OfServicesAsync(db, [serviceId], cancellationToken)).Select(r => r.UserId).ToList();
            if (recipients.Count > 0)
            {
                await sender.SendAsync([.. recipients.Select(u => new NotificationDraft(u, NotificationKind.PlacementRequestReceived, "Réponse à votre question",
                    $"Le demandeur a répondu à votre question sur une demande de place ({FacilityLabels.Years(request.ChildAgeYears)}, à partir du {Shared.Format.Date(request.WantedFrom)}).",
                    $"/Facilities/Inbox/{target.FacilityId}", request.Id, $"placement-reply:{target.Id:N}:{target.Version}"))], cancellationToken);
            }
        }

        return Result<PlacementRequestView>.Ok(await get.LoadAsync(request.Id, cancellationToken));
    }

    /// <summary>A question of up to 1,000 characters would leave no room in the needs for its answer.</summary>
    private static string Shorten(string? question)
    {
        var text = (question ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 199), "…");
    }
}
