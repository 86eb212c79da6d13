using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// A validated version of the PPE: as frozen, what changed since the one before, its signatures (recorded here with
/// their date), and its three documents — complete, for the child, for the parents — in PDF or DOCX.
/// </summary>
[AuditedChildData(Section.Social, OpensFor = AccessOperation.SeeExistence)]
public sealed class VersionModel(GetPlanVersion get, SignPlan sign, GeneratePlanDocument generate, AttachSignedCopy attach, Documents.DownloadAttachment download, TimeProvider time) : PageModel
{
    [BindProperty]
    public PlanSignatureRequest Signature { get; set; } = new();

    public PlanVersionView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, versionId, cancellationToken);
        Signature.SignedOn ??= Format.Today(time);
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, versionId, cancellationToken) ?? Page();
        }

        var result = await sign.HandleAsync(versionId, Signature, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok when result.Value!.ChildId == id:
                TempData["Message"] = "Signature enregistrée.";
                return Redirect($"/Plans/Version/{id}/{versionId}#signatures");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Signature));
                return await LoadAsync(id, versionId, cancellationToken) ?? Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostSignedCopyAsync(Guid id, Guid versionId, IFormFile? signedCopy, CancellationToken cancellationToken)
    {
        var result = await attach.HandleAsync(versionId, signedCopy, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok when result.Value!.ChildId == id:
                TempData["Message"] = $"Copie signée jointe : {result.Value.FileName}.";
                return Redirect($"/Plans/Version/{id}/{versionId}#signatures");
            case ResultStatus.Invalid:
                ModelState.Clear();
                foreach (var message in result.Errors!.SelectMany(e => e.Value))
                {
                    ModelState.AddModelError("signedCopy", message);
                }

                return await LoadAsync(id, versionId, cancellationToken) ?? Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>A scanned signed copy: a social file (« not found » without social read), audited as any attachment download.</summary>
    public async Task<IActionResult> OnGetSignedCopyAsync(Guid id, Guid versionId, Guid fileId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, versionId, cancellationToken);
        if (refusal is not null || View!.SignedCopies?.Any(c => c.Id == fileId) != true)
        {
            return NotFound();
        }

        var result = await download.HandleAsync(id, fileId, cancellationToken);
        if (result.Value is not { } file)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, Guid versionId, string? edition, string? format, CancellationToken cancellationToken)
    {
        var result = await generate.HandleAsync(versionId, edition, format, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Document produit : {result.Value!.FileName}.";
                return Redirect($"/Plans/Version/{id}/{versionId}#documents");
            case ResultStatus.Invalid:
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors ?? new Dictionary<string, string[]> { [string.Empty] = ["Le document n'a pas pu être produit : réessayez."] }, string.Empty);
                return await LoadAsync(id, versionId, cancellationToken) ?? Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        var view = (await get.HandleAsync(versionId, cancellationToken)).Value;
        if (view is null || view.ChildId != id)
        {
            return NotFound();
        }

        View = view;
        return null;
    }
}
