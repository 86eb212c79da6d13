using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>The placement requests sent for one child (the requester's side), with a link back to the board for a new one.</summary>
[AuditedChildData(Section.Social)]
public sealed class ChildRequestsModel(ChildPlaceProfile profile, ChildPlacementRequests list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ChildId { get; set; }

    public ChildPlaceProfileView Child { get; private set; } = null!;

    public IReadOnlyList<ChildPlacementRequestRow> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ChildId is not { } childId || await profile.HandleAsync(childId, cancellationToken) is not { IsOk: true } opened)
        {
            return NotFound();
        }

        Child = opened.Value!;
        var result = await list.HandleAsync(childId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Requests = result.Value!;
        return Page();
    }
}
