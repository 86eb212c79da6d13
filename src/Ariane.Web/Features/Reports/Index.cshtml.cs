using Ariane.Core.Access;
using Ariane.Core.Measures;
using Ariane.Web.Features.Measures;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Reports;

/// <summary>« Rapports » of a child: when the next rapport de situation is due, the reports written, a new draft.</summary>
[AuditedChildData(Section.Social)]
public sealed class IndexModel(ChildReports reports, DraftReport draft, ChildMeasures measures) : PageModel
{
    [BindProperty]
    public DraftReportRequest Input { get; set; } = new();

    public ChildReportsView? View { get; private set; }

    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var result = await draft.HandleAsync(id, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = "Brouillon ouvert : il reprend ce que le dossier contient déjà sur la période.";
                return Redirect($"/Reports/Report/{id}/{result.Value!.Id}");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                return await LoadAsync(id, cancellationToken) ?? Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = (await reports.HandleAsync(id, cancellationToken)).Value;
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        if (view.MayDraft)
        {
            Measures = [.. ((await measures.HandleAsync(id, cancellationToken)).Value ?? []).Where(m => m.State != MeasureState.Decided)];
        }

        return null;
    }
}
