using Ariane.Core.Access;
using Ariane.Core.Reports;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// A report: while a draft, what the record pre-filled (read-only), the journal entries to quote, the author's text and
/// proposals, and the cadre's validation; once validated, its documents and their transmission to the judge.
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class ReportModel(GetReport get, UpdateReport update, ValidateReport validate, GenerateReportDocument generate, TransmitDocument transmit) : PageModel
{
    public const string ConflictMessage = "Le rapport a été modifié entre-temps : voici sa version à jour. Vos saisies n'ont pas été enregistrées.";

    [BindProperty]
    public ReportRequest Input { get; set; } = new();

    [BindProperty]
    public TransmissionRequest Transmission { get; set; } = new();

    [BindProperty]
    public bool ConfirmValidation { get; set; }

    public ReportView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, reportId, cancellationToken);
        if (refusal is null)
        {
            Fill();
        }

        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        var result = await update.HandleAsync(reportId, Input, cancellationToken);
        return await AfterAsync(id, reportId, result.Status, result.Errors, "Rapport enregistré.", nameof(Input), cancellationToken);
    }

    public async Task<IActionResult> OnPostValidateAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        if (!ConfirmValidation)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(ConfirmValidation), "Cochez la case pour confirmer la validation du rapport.");
            return await OnGetAsync(id, reportId, cancellationToken);
        }

        var result = await validate.HandleAsync(reportId, Input.Version, cancellationToken);
        return await AfterAsync(id, reportId, result.Status, result.Errors, "Rapport validé : il ne change plus. Produisez-le puis transmettez-le.", string.Empty, cancellationToken);
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, Guid reportId, string? format, CancellationToken cancellationToken)
    {
        var result = await generate.HandleAsync(reportId, format, cancellationToken);
        return await AfterAsync(id, reportId, result.Status, result.Errors, result.Value is { } d ? $"Document produit : {d.FileName}." : string.Empty, string.Empty, cancellationToken);
    }

    public async Task<IActionResult> OnPostTransmitAsync(Guid id, Guid reportId, Guid documentId, CancellationToken cancellationToken)
    {
        var result = await transmit.HandleAsync(documentId, Transmission, cancellationToken);
        var done = result.Value is { } t ? (t.Channel == TransmissionChannel.Ariane ? $"Document transmis à {t.RecipientName}." : $"Envoi enregistré : {t.RecipientName}.") : string.Empty;
        return await AfterAsync(id, reportId, result.Status, result.Errors, done, nameof(Transmission), cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Guid reportId, ResultStatus status, IReadOnlyDictionary<string, string[]>? errors, string done, string prefix, CancellationToken cancellationToken)
    {
        switch (status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = done;
                return Redirect($"/Reports/Report/{id}/{reportId}");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(errors, prefix);
                return await LoadAsync(id, reportId, cancellationToken) ?? Page();
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                var refusal = await LoadAsync(id, reportId, cancellationToken);
                Fill();
                return refusal ?? Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private void Fill()
    {
        var v = View!;
        Input = new ReportRequest
        {
            EvaluationDevelopment = v.EvaluationDevelopment,
            EvaluationRelations = v.EvaluationRelations,
            EvaluationSchooling = v.EvaluationSchooling,
            EvaluationAutonomy = v.EvaluationAutonomy,
            PlanAssessment = v.PlanAssessment,
            Proposals = [.. v.Proposals],
            ProposalsText = v.ProposalsText,
            HighlightIds = [.. v.HighlightChoices.Where(h => h.Chosen).Select(h => h.Id)],
            Version = v.Version,
        };
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        var view = (await get.HandleAsync(reportId, cancellationToken)).Value;
        if (view is null || view.ChildId != id)
        {
            return NotFound();
        }

        View = view;
        return null;
    }
}
