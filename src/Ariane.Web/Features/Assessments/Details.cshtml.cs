using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Assessments;

/// <summary>
/// The evaluation: visits and perceptions, the grid per child with its per-domain counts, the health
/// observations (content for health readers, the practical summary for the others), the conclusion and
/// its validation by the cadre.
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class DetailsModel(GetAssessment get, SaveAssessment save, RecordHealthObservation health, ConcludeAssessment conclude, ValidateAssessment validate,
    Documents.SourceDocuments documents) : PageModel
{
    /// <summary>The evaluation reports generated, PDF and DOCX.</summary>
    public Documents.DocumentsCard? Documents { get; private set; }

    public AssessmentView Assessment { get; private set; } = null!;

    [BindProperty]
    public SaveAssessmentRequest Input { get; set; } = new();

    [BindProperty]
    public HealthObservationRequest Health { get; set; } = new();

    [BindProperty]
    public ConcludeAssessmentRequest Conclusion { get; set; } = new();

    [BindProperty]
    public ValidateAssessmentRequest Validation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var result = await get.HandleAsync(assessmentId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Show(result.Value!);
        Documents = (await documents.HandleAsync(Core.Documents.DocumentSourceKind.Assessment, assessmentId, cancellationToken)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        await Handle(await save.HandleAsync(assessmentId, Input, cancellationToken), nameof(Input), assessmentId, "Évaluation enregistrée.", cancellationToken);

    public async Task<IActionResult> OnPostHealthAsync(Guid assessmentId, Guid childId, CancellationToken cancellationToken) =>
        await Handle(await health.HandleAsync(assessmentId, childId, Health, cancellationToken), nameof(Health), assessmentId, "Observation de santé enregistrée.", cancellationToken);

    public async Task<IActionResult> OnPostConcludeAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        await Handle(await conclude.HandleAsync(assessmentId, Conclusion, cancellationToken), nameof(Conclusion), assessmentId,
            "Conclusion enregistrée : elle attend la validation du cadre.", cancellationToken);

    public async Task<IActionResult> OnPostValidateAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        await Handle(await validate.HandleAsync(assessmentId, Validation, cancellationToken), nameof(Validation), assessmentId,
            Validation.Approve ? "Conclusion validée : l'information préoccupante est clôturée." : "Évaluation renvoyée à l'équipe.", cancellationToken);

    private async Task<IActionResult> Handle(Result<AssessmentView> result, string prefix, Guid assessmentId, string done, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = done;
                return RedirectToPage(new { assessmentId });
            case ResultStatus.Invalid:
                var submitted = Input;
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, prefix);
                var current = await get.HandleAsync(assessmentId, cancellationToken);
                if (!current.IsOk)
                {
                    return NotFound();
                }

                Show(current.Value!);
                Documents = (await documents.HandleAsync(Core.Documents.DocumentSourceKind.Assessment, assessmentId, cancellationToken)).Value;
                if (prefix == nameof(Input))
                {
                    Input = submitted; // what was typed stays on the screen
                }

                return Page();
            case ResultStatus.Conflict:
                TempData["Message"] = "Un collègue a enregistré l'évaluation entre-temps : voici la version actuelle ; reprenez vos changements dessus.";
                return RedirectToPage(new { assessmentId });
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private void Show(AssessmentView view)
    {
        Assessment = view;
        Input = new SaveAssessmentRequest
        {
            Version = view.Version,
            HomeVisits = view.HomeVisits,
            ParentsInformedOn = view.ParentsInformedOn,
            ParentsNotInformedReason = view.ParentsNotInformedReason,
            ChildView = view.ChildView,
            ParentsView = view.ParentsView,
            ProfessionalsView = view.ProfessionalsView,
            Children = [.. view.Children.Select(c => new ChildGridInput
            {
                ChildId = c.ChildId,
                MetAloneOn = c.MetAloneOn,
                Answers = [.. view.Framework.Domains.SelectMany(d => d.Criteria).Select(cr => new AnswerInput
                {
                    CriterionCode = cr.Code,
                    Answer = c.Answers.FirstOrDefault(a => a.CriterionCode == cr.Code)?.Answer ?? Core.Assessments.CriterionAnswer.NoAnswer,
                    Comment = c.Answers.FirstOrDefault(a => a.CriterionCode == cr.Code)?.Comment,
                })],
            })],
        };
        Conclusion.Version = view.Version;
        Conclusion.FinishedOn ??= view.FinishedOn;
        Validation.Version = view.Version;
    }
}
