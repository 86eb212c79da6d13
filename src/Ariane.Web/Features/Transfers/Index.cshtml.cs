using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Transfers;

/// <summary>
/// The transfers board: what the département has to answer (accept, or refuse with a reason), what it
/// proposed (withdraw), and what was decided in the last 30 days.
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class IndexModel(ListTransfers list, DecideTransfer decide) : PageModel
{
    public TransferBoard Board { get; private set; } = new([], [], [], false, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await list.HandleAsync(cancellationToken);
        if (!result.IsOk)
        {
            return Forbid();
        }

        Board = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid transferId, TransferDecision? decision, string? reason, int? version, CancellationToken cancellationToken)
    {
        var result = await decide.HandleAsync(transferId, new DecideTransferRequest { Decision = decision, Reason = reason, Version = version }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                var t = result.Value!;
                TempData["Message"] = t.State switch
                {
                    Core.Children.TransferState.Accepted => $"Transfert accepté : le dossier {Shared.French.De(t.ChildName)} relève désormais {Shared.French.De(t.ToDepartementName)}.",
                    Core.Children.TransferState.Refused => $"Transfert refusé. Le département qui le proposait ({t.FromDepartementName}) en est informé sur son tableau des transferts.",
                    _ => "Proposition de transfert retirée.",
                };
                return t.State == Core.Children.TransferState.Accepted ? RedirectToPage("/Children/Details", new { id = t.ChildId }) : RedirectToPage();
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, string.Empty);
                break;
            case ResultStatus.Conflict:
                ModelState.AddModelError(string.Empty, "Ce transfert a été décidé ou modifié entre-temps : voici son état actuel.");
                break;
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }

        return await OnGetAsync(cancellationToken) is PageResult page ? page : Forbid();
    }
}
