using Ariane.Core.Access;
using Ariane.Core.Journal;
using Ariane.Web.Features.Documents;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// « Journal » of a child (docs/domain.md, Journal): the entries newest first, filtered by type and period, by
/// pages of 50; a health entry shows its practical summary to those who may not read it.
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class IndexModel(JournalTimeline timeline, DownloadAttachment download) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public JournalEntryKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public JournalPage? Journal { get; private set; }

    public bool Filtered => Kind is not null || From is not null || To is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var filter = ModelState.IsValid ? new JournalFilter(Kind, From, To, After) : new JournalFilter(After: After);
        var result = await timeline.HandleAsync(id, filter, cancellationToken);
        if (result.Status == ResultStatus.Invalid)
        {
            ModelState.AddErrors(result.Errors, string.Empty);
            result = await timeline.HandleAsync(id, new JournalFilter(), cancellationToken);
        }

        if (result.Value is null)
        {
            return NotFound();
        }

        Journal = result.Value;
        return Page();
    }

    /// <summary>A file of an entry: the reader must be able to read the entry's section (else « not found »), audited.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var result = await download.HandleAsync(id, fileId, cancellationToken);
        if (result.Value is not { } file)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The link to the next page, keeping the filters.</summary>
    public string NextLink(string next) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["kind"] = Kind?.ToString(),
            ["from"] = From is { } f ? Shared.Format.IsoDate(f) : null,
            ["to"] = To is { } t ? Shared.Format.IsoDate(t) : null,
            ["after"] = next,
        }.Where(p => p.Value is not null)).ToUriComponent();
}
