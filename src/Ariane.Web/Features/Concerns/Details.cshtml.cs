using Ariane.Core.Access;
using Ariane.Web.Features.Assessments;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Concerns;

/// <summary>An IP: what was received, the reporter as the reader's rights allow, the qualification, and the opening of its evaluation.</summary>
[AuditedChildData(Section.Social)]
public sealed class DetailsModel(GetConcern get, QualifyConcern qualify, ProposeAssessment propose, OpenAssessment open, Documents.SourceDocuments documents) : PageModel
{
    /// <summary>The acknowledgements generated for this IP.</summary>
    public Documents.DocumentsCard? Documents { get; private set; }

    public ConcernView Concern { get; private set; } = null!;

    public AssessmentProposal? Proposal { get; private set; }

    [BindProperty]
    public QualifyConcernRequest Qualification { get; set; } = new();

    [BindProperty]
    public OpenAssessmentRequest Opening { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid concernId, CancellationToken cancellationToken) =>
        await LoadAsync(concernId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostQualifyAsync(Guid concernId, CancellationToken cancellationToken)
    {
        var result = await qualify.HandleAsync(concernId, Qualification, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Information qualifiée : {ConcernLabels.Qualification(result.Value!.Qualification).ToLowerInvariant()}.";
                return RedirectToPage(new { concernId });
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Qualification));
                return await LoadAsync(concernId, cancellationToken) ? Page() : NotFound();
            case ResultStatus.Conflict:
                TempData["Message"] = "Cette information a été qualifiée ou modifiée entre-temps : voici son état actuel.";
                return RedirectToPage(new { concernId });
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid concernId, CancellationToken cancellationToken)
    {
        var result = await open.HandleAsync(concernId, Opening, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = "Évaluation ouverte : l'équipe la trouve dans sa liste.";
                return RedirectToPage("/Assessments/Details", new { assessmentId = result.Value!.Id });
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Opening));
                return await LoadAsync(concernId, cancellationToken) ? Page() : NotFound();
            case ResultStatus.Conflict:
                TempData["Message"] = "L'évaluation a déjà été ouverte, ou l'information a changé entre-temps.";
                return RedirectToPage(new { concernId });
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task<bool> LoadAsync(Guid concernId, CancellationToken cancellationToken)
    {
        var result = await get.HandleAsync(concernId, cancellationToken);
        if (!result.IsOk)
        {
            return false;
        }

        Concern = result.Value!;
        Documents = (await documents.HandleAsync(Core.Documents.DocumentSourceKind.Concern, concernId, cancellationToken)).Value;
        if (Concern.Rights.MayOpenAssessment)
        {
            Proposal = (await propose.HandleAsync(concernId, cancellationToken)).Value;
        }

        return true;
    }
}
