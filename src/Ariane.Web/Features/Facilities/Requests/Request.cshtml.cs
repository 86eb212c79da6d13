using Ariane.Core.Access;
using Ariane.Core.Facilities;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// The requester's view of one placement request: each facility asked and its answer, and « Retirer la demande »
/// behind a confirmation (the held place is freed). Social data of the child, opened by <see cref="GetPlacementRequest"/>.
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class RequestModel(GetPlacementRequest get, WithdrawPlacementRequest withdraw, ChildAccess access, TimeProvider time) : PageModel
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public PlacementRequestView View { get; private set; } = null!;

    /// <summary>The request can still be withdrawn (a target open or accepted) and the reader may write the child's social section.</summary>
    public bool MayWithdraw { get; private set; }

    /// <summary>The confirmation step of « Retirer la demande » (a GET, so it needs no script).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid placementRequestId, CancellationToken cancellationToken) =>
        await LoadAsync(placementRequestId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(Guid placementRequestId, CancellationToken cancellationToken)
    {
        var result = await withdraw.HandleAsync(placementRequestId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        TempData["Message"] = "Demande retirée : les lieux d'accueil en sont informés par son état, et une place réservée est libérée.";
        return RedirectToPage(new { placementRequestId });
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
