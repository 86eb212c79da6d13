using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Organisations;

/// <summary>The organisations and their services.</summary>
[NoChildData]
public sealed class IndexModel(ListOrganisations list) : PageModel
{
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await list.HandleAsync(cancellationToken);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        Organisations = result.Value!;
        return Page();
    }
}
