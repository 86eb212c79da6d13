using Ariane.Core.Access;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// Opens an administrative or judicial measure from the child's record (docs/domain.md, Measures), through the
/// same <see cref="OpenMeasure"/> as the API. Without a start date the measure waits to be carried out.
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class OpenModel(GetChild getChild, OpenMeasure open, ListMeasureChoices choices, TimeProvider time) : PageModel
{
    [BindProperty]
    public OpenMeasureRequest Input { get; set; } = new();

    /// <summary>Carried in hidden fields so that a refused form is shown again without reading the record twice.</summary>
    [BindProperty]
    public string? ChildName { get; set; }

    [BindProperty]
    public string? DossierNumber { get; set; }

    [BindProperty]
    public string? DepartementCode { get; set; }

    public Guid Id { get; private set; }

    public MeasureChoices Choices { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
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

        ChildName = child.Value.DisplayName;
        DossierNumber = child.Value.DossierNumber;
        DepartementCode = child.Value.ResponsibleDepartementCode;
        Input.DecidedOn = Format.Today(time);
        Choices = await choices.HandleAsync(DepartementCode, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await open.HandleAsync(id, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                var m = result.Value!;
                TempData["Message"] = m.StartsOn is null
                    ? $"Mesure « {m.KindLabel} » enregistrée : elle attend d'être exercée par {m.ServiceName}."
                    : $"Mesure « {m.KindLabel} » ouverte{(m.PlannedEndOn is { } end ? $", échéance le {Format.Date(end)}" : "")}.";
                return RedirectToPage("/Measures/Details", new { measureId = m.Id });
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                Choices = await choices.HandleAsync(DepartementCode ?? string.Empty, cancellationToken);
                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
