using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// « Mesures » (docs/domain.md, Measures): the échéances coming within the alert window (renew or end in time),
/// and the measures decided but not yet carried out with the days each child has waited — the « délai avant la
/// prise en charge » the départements steer. Both are filtered in SQL to the children the user may read.
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class IndexModel(MeasureDeadlines deadlines, WaitingMeasures waiting, CurrentUser currentUser) : PageModel
{
    public const string WaitingList = "attente";

    /// <summary>« echeances » (default) or « attente ».</summary>
    [BindProperty(SupportsGet = true)]
    public string? List { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public bool ShowsWaiting => List == WaitingList;

    public MeasureBoard Board { get; private set; } = new(0, 0, [], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await currentUser.HasAsync(Permission.RecordMeasure, cancellationToken))
        {
            return Forbid();
        }

        var result = ShowsWaiting
            ? await waiting.HandleAsync(null, After, cancellationToken)
            : await deadlines.HandleAsync(After, cancellationToken);
        Board = result.Value ?? Board;
        return Page();
    }
}
