using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Audit;

/// <summary>The DPO's search of the audit trail (by account, dossier, period, event type), newest first, keyset pages.</summary>
[AuditedChildData(Section.Identity)]
public sealed class IndexModel(SearchAudit search) : PageModel
{
    public const int PageSize = 50;

    private static readonly string[] QueryFields = ["from", "to", "eventType", "before"];

    [BindProperty(SupportsGet = true, Name = "userName")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "childId")]
    public string? ChildId { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "eventType")]
    public AuditEventType? EventType { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public long? Before { get; set; }

    public AuditPage? Entries { get; private set; }

    /// <summary>Every event type, labelled in French, sorted by label for the select.</summary>
    public static IReadOnlyList<(AuditEventType Type, string Label)> EventTypes { get; } =
        Enum.GetValues<AuditEventType>().Select(t => (t, Format.EventType(t))).OrderBy(x => x.Item2, StringComparer.CurrentCulture).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Guid? childId = null;
        if (!string.IsNullOrWhiteSpace(ChildId))
        {
            if (Guid.TryParse(ChildId.Trim(), out var parsed))
            {
                childId = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(ChildId), "Numéro de dossier illisible.");
            }
        }

        if (!ModelState.IsValid)
        {
            // Bad dates or event type typed in the address: say so in French rather than in the framework's words.
            foreach (var key in QueryFields.Where(k => ModelState[k]?.Errors.Count > 0))
            {
                ModelState[key]!.Errors.Clear();
                ModelState.AddModelError(key, key switch
                {
                    "from" or "to" => FrenchDates.InvalidMessage,
                    "eventType" => "Type d'événement inconnu.",
                    _ => "Page invalide.",
                });
            }

            return Page();
        }

        var result = await search.HandleAsync(new SearchAuditRequest
        {
            UserName = UserName,
            ChildId = childId,
            From = From,
            To = To,
            EventType = EventType,
            Before = Before,
            PageSize = PageSize,
        }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                Entries = result.Value;
                return Page();
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, string.Empty);
                return Page();
            default:
                return NotFound();
        }
    }
}
