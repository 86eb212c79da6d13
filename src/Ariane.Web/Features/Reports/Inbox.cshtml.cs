using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// « Documents reçus » of a court (docs/domain.md §6): the reports transmitted to the jurisdiction, opened here (traced,
/// the sender sees it) and acknowledged. The court reads no record: only what was sent to it.
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class InboxModel(CourtInbox inbox, OpenTransmission open, AcknowledgeTransmission acknowledge) : PageModel
{
    public IReadOnlyList<CourtInboxRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await inbox.HandleAsync(cancellationToken);
        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        Rows = result.Value ?? [];
        return Page();
    }

    public async Task<IActionResult> OnGetOpenAsync(Guid transmissionId, CancellationToken cancellationToken)
    {
        var result = await open.HandleAsync(transmissionId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(result.Value!.Content, result.Value.ContentType, result.Value.FileName);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid transmissionId, CancellationToken cancellationToken)
    {
        var result = await acknowledge.HandleAsync(transmissionId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        TempData["Message"] = $"Réception accusée : {result.Value!.DocumentName}.";
        return RedirectToPage();
    }
}
