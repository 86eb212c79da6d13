using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>
/// Search among the children the user may read; a first visit lists the records opened lately, then the
/// first page of all of them.
/// </summary>
[AuditedChildData(Section.Identity)]
public sealed class IndexModel(SearchChildren search, RecentChildren recent, CurrentUser currentUser) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "birthDate")]
    public string? BirthDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "mine")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public ChildPage? Results { get; private set; }

    /// <summary>The records opened lately, shown while nothing is typed.</summary>
    public IReadOnlyList<ChildListItem> Recent { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public bool CanBreakGlass { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(BirthDate) || Mine;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        CanCreate = await currentUser.HasAsync(Permission.CreateChild, cancellationToken);
        CanBreakGlass = await currentUser.HasAsync(Permission.BreakGlass, cancellationToken);

        var result = await search.HandleAsync(new SearchChildrenRequest { Q = Q, BirthDate = BirthDate, Mine = Mine, After = After, PageSize = PageSize }, cancellationToken);
        if (result.Status == ResultStatus.Invalid)
        {
            ModelState.AddErrors(result.Errors, string.Empty);
            return Page();
        }

        Results = result.Value;
        if (!IsFiltered && After is null)
        {
            Recent = await recent.HandleAsync(cancellationToken);
        }

        return Page();
    }
}
