using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>Creates an account; the temporary password is shown once, in the answer to the form (never stored in a cookie).</summary>
[NoChildData]
public sealed class CreateModel(CreateUser create, GetMembershipOptions options) : PageModel
{
    [BindProperty]
    public CreateUserRequest Input { get; set; } = new();

    public MembershipOptions? Options { get; private set; }

    public CreatedUser? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadOptionsAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadOptionsAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await create.HandleAsync(Input, cancellationToken);
        if (this.Refusal(result) is { } refused)
        {
            return refused;
        }

        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors, nameof(Input));
            return Page();
        }

        Created = result.Value;
        return Page();
    }

    private async Task<IActionResult?> LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var result = await options.HandleAsync(cancellationToken);
        Options = result.Value;
        return this.Refusal(result);
    }
}
