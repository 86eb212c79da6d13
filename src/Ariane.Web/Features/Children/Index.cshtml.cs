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

        var (names, date) = SplitDate(Q, BirthDate);
        var result = await search.HandleAsync(new SearchChildrenRequest { Q = names, BirthDate = date, After = After, PageSize = PageSize }, cancellationToken);
        if (result.Status == ResultStatus.Invalid)
        {
            ModelState.AddErrors(result.Errors, string.Empty);
            return Page();
        }

        Results = result.Value;
        return Page();
    }

    /// <summary>
    /// "dupont 2015" or "léa martin 12/03/2015": a date typed among the names is used as the birth date
    /// when the date field is empty (the handler matches names only in q).
    /// </summary>
    internal static (string? Names, string? Date) SplitDate(string? q, string? birthDate)
    {
        if (string.IsNullOrWhiteSpace(q) || !string.IsNullOrWhiteSpace(birthDate))
        {
            return (q, birthDate);
        }

        var parts = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var dates = parts.Where(p => p.Any(char.IsAsciiDigit) && PartialDate.TryParse(p) is { Year: not null }).ToList();
        if (dates.Count != 1)
        {
            return (q, birthDate);
        }

        return (string.Join(' ', parts.Where(p => p != dates[0])), dates[0]);
    }
}
