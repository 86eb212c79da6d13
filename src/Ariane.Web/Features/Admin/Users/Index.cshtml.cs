using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>Accounts: search by name or identifier, filter by state, 50 a page.</summary>
[NoChildData]
public sealed class IndexModel(SearchUsers search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Bound as text so that a tampered value falls back to "all" rather than a binding error.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusText { get; set; }

    public UserStatusFilter Status =>
        Enum.TryParse<UserStatusFilter>(StatusText, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : UserStatusFilter.All;

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public UserPage? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await search.HandleAsync(new SearchUsersRequest { Q = Q, Status = Status, After = After }, cancellationToken);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        if (result.Status == ResultStatus.Invalid)
        {
            ModelState.AddErrors(result.Errors, "Query");
            return Page();
        }

        Results = result.Value;
        return Page();
    }
}
