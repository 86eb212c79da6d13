using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Ends a stay (docs/domain.md, Placements): the place is freed on the board at once. The stay is shown from the
/// child's journey, so the access policy and the audit of <see cref="ChildJourney"/> apply.
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class EndModel(AppDbContext db, ChildJourney journey, EndPlacement end, TimeProvider time) : PageModel
{
    public const string ConflictMessage = "Cet accueil a été modifié entre-temps : voici la version à jour. Vérifiez-la puis recommencez.";

    [BindProperty]
    public EndPlacementRequest Input { get; set; } = new();

    public Guid ChildId { get; private set; }

    public JourneyStay? Stay { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid placementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(placementId, cancellationToken))
        {
            return NotFound();
        }

        Input = new EndPlacementRequest { EndsOn = Format.Today(time), Version = Stay!.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid placementId, CancellationToken cancellationToken)
    {
        var result = await end.HandleAsync(placementId, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Fin de l'accueil enregistrée au {Format.Date(Input.EndsOn)}.";
                return Redirect($"/Children/Details/{result.Value!.ChildId}#parcours");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                break;
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                break;
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }

        if (!await LoadAsync(placementId, cancellationToken))
        {
            return NotFound();
        }

        if (result.Status == ResultStatus.Conflict)
        {
            Input.Version = Stay!.Version;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid placementId, CancellationToken cancellationToken)
    {
        // The stay's child, to open through the policy; a stay nobody may read answers 404 like an unknown one.
        var childId = await db.Placements.AsNoTracking().Where(p => p.Id == placementId).Select(p => (Guid?)p.ChildId).SingleOrDefaultAsync(cancellationToken);
        if (childId is null)
        {
            return false;
        }

        var view = await journey.HandleAsync(childId.Value, cancellationToken);
        Stay = view.Value?.Timeline.Select(i => i.Stay).FirstOrDefault(s => s?.Id == placementId);
        ChildId = childId.Value;
        return view.IsOk && Stay is not null && view.Value!.MayRecord;
    }
}
