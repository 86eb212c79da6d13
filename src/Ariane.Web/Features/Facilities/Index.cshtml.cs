using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>« Lieux d'accueil »: the directory of the cadre's département (ManageFacilities), by name, 50 a page. Not child data.</summary>
[NoChildData]
public sealed class DirectoryModel(ListFacilities list, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public FacilityPage Facilities { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await currentUser.HasAsync(Permission.ManageFacilities, cancellationToken))
        {
            return Forbid();
        }

        var result = await list.HandleAsync(null, After, cancellationToken);
        if (!result.IsOk)
        {
            return result.Status == ResultStatus.Invalid ? RedirectToPage() : Forbid();
        }

        Facilities = result.Value!;
        return Page();
    }
}
