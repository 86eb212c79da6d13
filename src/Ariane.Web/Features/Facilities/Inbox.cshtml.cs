using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Core.Facilities;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// A facility's inbox (its chef de service): the requests received, open ones first, and the three answers —
/// information missing (a question), refusal (a reason), acceptance (on a capacity line, which holds a place).
/// The facility has no access to the record: no child's name here, and each request shown is audited with
/// the child's id by <see cref="FacilityInbox"/>, as the API is.
/// </summary>
[AuditedChildData(Section.Social)]
[OutsideChildGate("L'établissement lit et répond aux demandes qui lui sont adressées sans accès au dossier ; chaque demande lue ou répondue est tracée avec l'enfant.")]
public sealed class InboxModel(GetFacility getFacility, FacilityInbox inbox, AnswerPlacementRequest answer) : PageModel
{
    public FacilityView Facility { get; private set; } = null!;

    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    /// <summary>The answer just refused (its form shows the errors and what was typed).</summary>
    public Guid? FailedTargetId { get; private set; }

    public sealed class AnswerForm
    {
        public Guid RequestId { get; set; }
        public Guid TargetId { get; set; }
        public PlacementRequestStatus? Status { get; set; }
        [MultiLine]
        public string? Note { get; set; }
        public Guid? CapacityId { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid facilityId, CancellationToken cancellationToken) =>
        await LoadAsync(facilityId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var result = await answer.HandleAsync(Answer.RequestId, Answer.TargetId, new PlacementAnswerInput
        {
            Status = Answer.Status ?? default,
            Note = Answer.Note,
            CapacityId = Answer.CapacityId,
            Version = Answer.Version,
        }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = result.Value!.Status switch
                {
                    PlacementRequestStatus.Accepted => "Demande acceptée : une place est réservée pour l'enfant, le demandeur est prévenu.",
                    PlacementRequestStatus.Refused => "Demande refusée : le demandeur est prévenu, avec le motif.",
                    _ => "Question envoyée au demandeur.",
                };
                return RedirectToPage(new { facilityId });
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Answer));
                FailedTargetId = Answer.TargetId;
                break;
            case ResultStatus.Conflict:
                // « Plus de place disponible sur cette ligne » or « Quelqu'un a répondu avant vous »: said as the handler says it.
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage(result.Current) + " Rien n'a été enregistré ; voici l'état actuel.");
                FailedTargetId = Answer.TargetId;
                break;
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }

        return await LoadAsync(facilityId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var facility = await getFacility.HandleAsync(facilityId, cancellationToken);
        if (facility.Value is not { Rights.MayUpdatePlaces: true } f)
        {
            return false;
        }

        var items = await inbox.HandleAsync(facilityId, cancellationToken);
        if (!items.IsOk)
        {
            return false;
        }

        Facility = f;
        Items = items.Value!;
        return true;
    }

    private static string ConflictMessage(object? current) =>
        current?.GetType().GetProperty("message")?.GetValue(current) as string ?? "La demande a changé entre-temps.";
}
