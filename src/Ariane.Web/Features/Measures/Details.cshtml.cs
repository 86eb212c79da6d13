using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// A measure's page (docs/domain.md, Measures): its facts, the chain of decisions for readers of the judicial
/// section, its reminders, and the three steps a référent takes — start, renew, end — each a small form
/// posting to its own handler, with the measure's version so that two people get a conflict, not an overwrite.
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class DetailsModel(GetMeasure get, StartMeasure start, RenewMeasure renew, EndMeasure end, TimeProvider time) : PageModel
{
    public const string ConflictMessage = "Quelqu'un a modifié cette mesure entre-temps : voici la version à jour. Vérifiez-la puis recommencez.";

    public MeasureView? Measure { get; private set; }

    public StartMeasureRequest StartForm { get; set; } = new();

    public RenewMeasureRequest RenewForm { get; set; } = new();

    public EndMeasureRequest EndForm { get; set; } = new();

    /// <summary>The form whose errors are shown (its fields keep what was typed).</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid measureId, CancellationToken cancellationToken)
    {
        var result = await get.HandleAsync(measureId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Show(result.Value!);
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(Guid measureId, [Bind(Prefix = nameof(StartForm))] StartMeasureRequest input, CancellationToken cancellationToken) =>
        AfterAsync(measureId, "StartForm", start.HandleAsync(measureId, input, cancellationToken), "Mesure exercée : elle quitte la liste d'attente.", () => StartForm = input, cancellationToken);

    public Task<IActionResult> OnPostRenewAsync(Guid measureId, [Bind(Prefix = nameof(RenewForm))] RenewMeasureRequest input, CancellationToken cancellationToken) =>
        AfterAsync(measureId, "RenewForm", renew.HandleAsync(measureId, input, cancellationToken), "Mesure renouvelée.", () => RenewForm = input, cancellationToken);

    public Task<IActionResult> OnPostEndAsync(Guid measureId, [Bind(Prefix = nameof(EndForm))] EndMeasureRequest input, CancellationToken cancellationToken) =>
        AfterAsync(measureId, "EndForm", end.HandleAsync(measureId, input, cancellationToken), "Fin de mesure enregistrée.", () => EndForm = input, cancellationToken);

    private async Task<IActionResult> AfterAsync(
        Guid measureId, string form, Task<Result<MeasureView>> action, string done, Action keepInput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(keepInput);
        // A date the browser sent that does not parse is a binding error: say so rather than « obligatoire ».
        var unreadable = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        var result = await action;
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = done;
                return RedirectToPage("/Measures/Details", new { measureId });
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, form);
                foreach (var key in unreadable.Where(k => !ModelState.ContainsKey(k)))
                {
                    ModelState.AddModelError(key, FrenchDates.InvalidMessage);
                }

                FailedForm = form;
                break;
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                FailedForm = form;
                Show(result.Value!);
                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }

        var current = await get.HandleAsync(measureId, cancellationToken);
        if (!current.IsOk)
        {
            return NotFound();
        }

        Show(current.Value!);
        keepInput();
        return Page();
    }

    private void Show(MeasureView view)
    {
        Measure = view;
        var today = Format.Today(time);
        StartForm = new StartMeasureRequest { StartsOn = today, Version = view.Version };
        RenewForm = new RenewMeasureRequest { DecidedOn = today, Version = view.Version };
        EndForm = new EndMeasureRequest { EndedOn = today, Version = view.Version };
    }
}
