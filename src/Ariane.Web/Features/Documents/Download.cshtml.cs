using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Documents;

/// <summary>Downloads a generated document from the screens (same handler, same checks and audit as the API).</summary>
[AuditedChildData(Section.Social)]
public sealed class DownloadModel(DownloadDocument download) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var result = await download.HandleAsync(documentId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(result.Value!.Content, result.Value.ContentType, result.Value.FileName);
    }
}
