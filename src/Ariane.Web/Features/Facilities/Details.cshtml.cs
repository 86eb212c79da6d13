using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// A facility of the directory: identity, FINESS, contact, agreement, capacity lines and who updated them (not child
/// data), and the children it hosts today that the reader may see (<see cref="HostedChildren"/>, audited).
/// </summary>
[AuditedChildData(Section.Social)]
public sealed class FacilityDetailsModel(GetFacility get, HostedChildren hosted, TimeProvider time) : PageModel
{
    public FacilityView Facility { get; private set; } = null!;

    public IReadOnlyList<HostedChild> Children { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var result = await get.HandleAsync(facilityId, cancellationToken);
        if (result.Value is not { } f)
        {
            return NotFound();
        }

        Facility = f;
        Children = (await hosted.HandleAsync(facilityId, cancellationToken)).Value ?? [];
        Now = time.GetUtcNow().UtcDateTime;
        return Page();
    }
}
