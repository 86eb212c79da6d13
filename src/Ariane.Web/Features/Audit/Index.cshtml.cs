using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Audit;

/// <summary>
/// The DPO's search of the audit trail (by account, child name or dossier, period, kind or type of event),
/// newest first, keyset pages. A child name is first looked up (an audited event of its own); the journal is
/// then filtered to the children found.
/// </summary>
[AuditedChildData(Section.Identity)]
public sealed class IndexModel(SearchAudit search, LookupChildByName lookup) : PageModel
{
    public const int PageSize = 50;

    private static readonly string[] QueryFields = ["from", "to", "eventType", "kind", "before"];

    [BindProperty(SupportsGet = true, Name = "userName")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "childName")]
    public string? ChildName { get; set; }

    [BindProperty(SupportsGet = true, Name = "childId")]
    public string? ChildId { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "eventType")]
    public AuditEventType? EventType { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public AuditEventKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public long? Before { get; set; }

    public AuditPage? Entries { get; private set; }

    /// <summary>The children whose name matched <see cref="ChildName"/>, when one was typed.</summary>
    public IReadOnlyList<AuditChildMatch>? Matches { get; private set; }

    public static IReadOnlyList<(AuditEventKind Kind, string Label)> Kinds { get; } =
        Enum.GetValues<AuditEventKind>().Select(k => (k, AuditKindLabels.Of(k))).ToList();

    /// <summary>The current criteria, for the pager's links.</summary>
    public Dictionary<string, string> Criteria() => new Dictionary<string, string?>
    {
        ["userName"] = UserName,
        ["childName"] = ChildName,
        ["childId"] = ChildId,
        ["from"] = Format.IsoDate(From),
        ["to"] = Format.IsoDate(To),
        ["kind"] = Kind?.ToString(),
        ["eventType"] = EventType?.ToString(),
    }.Where(c => !string.IsNullOrEmpty(c.Value)).ToDictionary(c => c.Key, c => c.Value!);

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
                    "kind" => "Catégorie inconnue.",
                    _ => "Page invalide.",
                });
            }

            return Page();
        }

        IReadOnlyList<Guid>? childIds = null;
        if (!string.IsNullOrWhiteSpace(ChildName))
        {
            var found = await lookup.HandleAsync(ChildName, cancellationToken);
            if (!found.IsOk)
            {
                return HandleFailure(found.Status, found.Errors);
            }

            Matches = found.Value;
            childIds = Matches!.Select(m => m.Child.Id).ToList();
        }

        var result = await search.HandleAsync(new SearchAuditRequest
        {
            UserName = UserName,
            ChildId = childId,
            ChildIds = childIds,
            Kind = Kind,
            From = From,
            To = To,
            EventType = EventType,
            Before = Before,
            PageSize = PageSize,
        }, cancellationToken);
        if (!result.IsOk)
        {
            return HandleFailure(result.Status, result.Errors);
        }

        Entries = result.Value;
        return Page();
    }

    private IActionResult HandleFailure(ResultStatus status, IReadOnlyDictionary<string, string[]>? errors)
    {
        if (status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        if (status != ResultStatus.Invalid)
        {
            return NotFound();
        }

        ModelState.AddErrors(errors, string.Empty);
        return Page();
    }
}
