using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>Declares a capacity line (type of care, ages, sex, places) through <see cref="SaveCapacity"/>: the cadre or the facility's chef de service. Not child data.</summary>
[NoChildData]
public sealed class CapacityModel(GetFacility get, SaveCapacity save) : PageModel
{
    [BindProperty]
    public CapacityInput Input { get; set; } = new();

    public FacilityView Facility { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid facilityId, CancellationToken cancellationToken) =>
        await LoadAsync(facilityId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(facilityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await save.AddAsync(facilityId, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Ligne de places déclarée : {(result.Value!.Available == 1 ? "1 place disponible" : $"{result.Value.Available} places disponibles")}.";
                return RedirectToPage("/Facilities/Details", new { facilityId });
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        if ((await get.HandleAsync(facilityId, cancellationToken)).Value is not { } f)
        {
            return NotFound();
        }

        if (!f.Rights.MayUpdatePlaces)
        {
            return Forbid();
        }

        Facility = f;
        return null;
    }
}
