using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>The chef de service's way in: the facilities of their service, each with its places and its inbox. Counts only, no child.</summary>
[NoChildData]
public sealed class MyFacilitiesModel(MyFacilities mine) : PageModel
{
    public IReadOnlyList<MyFacilityRow> Facilities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await mine.HandleAsync(cancellationToken);
        if (!result.IsOk)
        {
            return Forbid();
        }

        Facilities = result.Value!;
        return Page();
    }
}
