using Ariane.Core.Access;
using Ariane.Core.Measures;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Measures;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Records where the child lives from today (docs/domain.md, Placements), through the same
/// <see cref="OpenPlacement"/> as the API: a change of place ends the current stay the day before, and a
/// place in a facility leaves the places board at once.
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class OpenModel(GetChild getChild, ChildMeasures measures, ListMeasureChoices choices, OpenPlacement open, TimeProvider time) : PageModel
{
    [BindProperty]
    public OpenPlacementRequest Input { get; set; } = new();

    public Guid Id { get; private set; }

    public ChildRecord? Child { get; private set; }

    /// <summary>The measures not ended, to attach the stay to.</summary>
    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];

    public MeasureChoices Choices { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? facilityId, Guid? measureId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        Input.StartsOn = Format.Today(time);
        Input.FacilityId = facilityId;
        // The measure in force most recently decided is the usual one: offered first.
        Input.MeasureId = measureId ?? Measures.Where(m => m.State == MeasureState.InProgress).OrderByDescending(m => m.DecidedOn).FirstOrDefault()?.Id;
        Input.PlaceKind = Choices.Facilities.FirstOrDefault(f => f.Id == facilityId)?.PlaceKind;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // A facility chosen without its kind: the facility's own kind.
        if (Input.PlaceKind is null && Input.FacilityId is { } chosen)
        {
            var child = await getChild.HandleAsync(id, cancellationToken);
            if (child.IsOk)
            {
                var offered = await choices.HandleAsync(child.Value!.ResponsibleDepartementCode, cancellationToken);
                Input.PlaceKind = offered.Facilities.FirstOrDefault(f => f.Id == chosen)?.PlaceKind;
            }
        }

        var result = await open.HandleAsync(id, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                var now = result.Value!.CurrentStay;
                TempData["Message"] = now is null ? "Accueil enregistré." : $"Accueil enregistré : {now.Place} depuis le {Format.Date(now.StartsOn)}.";
                return Redirect($"/Children/Details/{id}#parcours");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                return await LoadAsync(id, cancellationToken) ?? Page();
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "Le dossier ou les places de ce lieu ont changé entre-temps : rien n'a été enregistré. Vérifiez puis enregistrez de nouveau.");
                return await LoadAsync(id, cancellationToken) ?? Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var child = await getChild.HandleAsync(id, cancellationToken);
        if (!child.IsOk)
        {
            return NotFound();
        }

        if (child.Value!.Rights.Social != AccessLevel.Write)
        {
            return Forbid();
        }

        Child = child.Value;
        Measures = [.. ((await measures.HandleAsync(id, cancellationToken)).Value ?? []).Where(m => m.State != MeasureState.Ended)];
        Choices = await choices.HandleAsync(Child.ResponsibleDepartementCode, cancellationToken);
        return null;
    }
}
