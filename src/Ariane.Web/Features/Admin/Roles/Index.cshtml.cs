using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Roles;

/// <summary>Roles and rights as data: what each stored role may do, read-only.</summary>
[NoChildData]
public sealed class IndexModel(ListRoles list) : PageModel
{
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await list.HandleAsync(cancellationToken);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        Roles = result.Value!;
        return Page();
    }
}
