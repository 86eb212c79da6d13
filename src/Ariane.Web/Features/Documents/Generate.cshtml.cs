using Ariane.Core.Access;
using Ariane.Core.Documents;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Documents;

/// <summary>
/// The documents of an IP (acknowledgement) or of an evaluation (report): the list, and the generation of a
/// new version as PDF or Word. The IP and evaluation pages include the same card (_DocumentsCard).
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class GenerateModel(SourceDocuments documents, GenerateAcknowledgement acknowledgement, GenerateAssessmentReport report) : PageModel
{
    public DocumentsCard? Card { get; private set; }

    public async Task<IActionResult> OnGetAsync(string sourceKind, Guid sourceId, CancellationToken cancellationToken)
    {
        if (Kind(sourceKind) is not { } kind)
        {
            return NotFound();
        }

        var result = await documents.HandleAsync(kind, sourceId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Card = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string sourceKind, Guid sourceId, string? format, CancellationToken cancellationToken)
    {
        if (Kind(sourceKind) is not { } kind)
        {
            return NotFound();
        }

        var result = kind == DocumentSourceKind.Assessment
            ? await report.HandleAsync(sourceId, format, cancellationToken)
            : await acknowledgement.HandleAsync(sourceId, format, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Version {result.Value!.Number} générée.";
                return RedirectToPage(new { sourceKind, sourceId });
            case ResultStatus.Invalid:
            case ResultStatus.Conflict:
                ModelState.AddModelError(string.Empty, result.Status == ResultStatus.Conflict
                    ? "Une autre version vient d'être générée ; recommencez."
                    : string.Join(" ", result.Errors!.SelectMany(e => e.Value)));
                return await OnGetAsync(sourceKind, sourceId, cancellationToken);
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private static DocumentSourceKind? Kind(string sourceKind) =>
        Enum.TryParse<DocumentSourceKind>(sourceKind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
}
