using Ariane.Core.Access;
using Ariane.Core.Reports;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// « Échéances du suivi »: the PPE to draw up and the rapports de situation to write within 30 days or late, soonest
/// first, for the département's children or only one's own (<see cref="FollowUpBoard"/>).
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class DueModel(FollowUpBoard board) : PageModel
{
    /// <summary>« projet », « rapport » or empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public FollowUpBoardPage Board { get; private set; } = new(0, 0, [], null);

    public FollowUpKind? Kind => Type switch
    {
        "projet" => FollowUpKind.PlanDue,
        "rapport" => FollowUpKind.ReportDue,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await board.HandleAsync(Kind, Mine, After, cancellationToken);
        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        Board = result.Value ?? Board;
        return Page();
    }

    /// <summary>The page's link with one filter changed, the others kept (the cursor dropped unless given).</summary>
    public string Link(string? type, bool mine, string? after = null) =>
        "/Reports/Due" + QueryString.Create(new Dictionary<string, string?>
        {
            ["type"] = type,
            ["mine"] = mine ? "true" : null,
            ["after"] = after,
        }.Where(p => p.Value is not null)).ToUriComponent();
}
