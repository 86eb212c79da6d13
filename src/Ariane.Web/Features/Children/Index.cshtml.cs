using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>Search among the children the user may read; a first visit lists the first page of them.</summary>
[AuditedChildData(Section.Identity)]
public sealed class IndexModel(SearchChildren search, CurrentUser currentUser) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "birthDate")]
    public string? BirthDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public ChildPage? Results { get; private set; }

    public bool CanCreate { get; private set; }

    public bool CanBreakGlass { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(BirthDate);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        CanCreate = await currentUser.HasAsync(Permission.CreateChild, cancellationToken);
        CanBreakGlass = await currentUser.HasAsync(Permission.BreakGlass, cancellationToken);

        var result = await search.HandleAsync(new SearchChildrenRequest { Q = Q, BirthDate = BirthDate, After = After, PageSize = PageSize }, cancellationToken);
        if (result.Status == ResultStatus.Invalid)
        {
            ModelState.AddErrors(result.Errors, string.Empty);
            return Page();
        }

        Results = result.Value;
        return Page();
    }
}
