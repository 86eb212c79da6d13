using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>A facility of the directory: identity, FINESS, contact, agreement, capacity lines and who updated them. Not child data.</summary>
[NoChildData]
public sealed class FacilityDetailsModel(GetFacility get, TimeProvider time) : PageModel
{
    public FacilityView Facility { get; private set; } = null!;

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var result = await get.HandleAsync(facilityId, cancellationToken);
        if (result.Value is not { } f)
        {
            return NotFound();
        }

        Facility = f;
        Now = time.GetUtcNow().UtcDateTime;
        return Page();
    }
}
