using Ariane.Core.Access;
using Ariane.Core.Facilities;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// The requester's view of one placement request: each facility asked and its answer, and « Retirer la demande »
/// behind a confirmation (the held place is freed), and the answer to a facility that asked for more information. Social data of the child, opened by <see cref="GetPlacementRequest"/>.
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class RequestModel(GetPlacementRequest get, WithdrawPlacementRequest withdraw, ReplyToPlacementQuestion reply, ChildAccess access, TimeProvider time) : PageModel
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public PlacementRequestView View { get; private set; } = null!;

    /// <summary>The request can still be withdrawn (a target open or accepted) and the reader may write the child's social section.</summary>
    public bool MayWithdraw { get; private set; }

    /// <summary>The confirmation step of « Retirer la demande » (a GET, so it needs no script).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Confirm { get; set; }

    [BindProperty]
    public PlacementReplyInput Reply { get; set; } = new();

    /// <summary>The facility whose question the posted reply answered, to show the error next to it.</summary>
    public Guid? ReplyTargetId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid placementRequestId, CancellationToken cancellationToken) =>
        await LoadAsync(placementRequestId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(Guid placementRequestId, CancellationToken cancellationToken)
    {
        var result = await withdraw.HandleAsync(placementRequestId, cancellationToken);
        if (result.Status == ResultStatus.Conflict)
        {
            TempData["Message"] = "La demande a changé entre-temps : relisez-la avant de la retirer. Rien n'a été retiré.";
            return RedirectToPage(new { placementRequestId });
        }

        if (!result.IsOk)
        {
            return NotFound();
        }

        TempData["Message"] = "Demande retirée : les lieux d'accueil en sont informés par son état, et une place réservée est libérée.";
        return RedirectToPage(new { placementRequestId });
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid placementRequestId, Guid targetId, CancellationToken cancellationToken)
    {
        var result = await reply.HandleAsync(placementRequestId, targetId, Reply, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = "Réponse envoyée : le lieu d'accueil la lit dans la demande, qui attend de nouveau sa réponse.";
                return RedirectToPage(new { placementRequestId });
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Reply));
                break;
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError($"{nameof(Reply)}.{nameof(Reply.Reply)}", "Le lieu d'accueil a changé sa réponse entre-temps : relisez-la avant de répondre. Rien n'a été enregistré.");
                break;
            default:
                return NotFound();
        }

        ReplyTargetId = targetId;
        return await LoadAsync(placementRequestId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid placementRequestId, CancellationToken cancellationToken)
    {
        var result = await get.HandleAsync(placementRequestId, cancellationToken);
        if (!result.IsOk)
        {
            return false;
        }

        View = result.Value!;
        // Already opened for reading in this request: the facts are reused, and asking about writing writes no row.
        var opening = await access.OpenAsync(View.ChildId, AccessOperation.Read, Section.Social, cancellationToken);
        MayWithdraw = opening.May(AccessOperation.Write, Section.Social)
            && View.Targets.Any(t => t.Status is PlacementRequestStatus.Sent or PlacementRequestStatus.InformationMissing or PlacementRequestStatus.Accepted);
        return true;
    }
}
