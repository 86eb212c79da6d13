using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// The phone screen of a facility's places (its chef de service, or the département's cadre:
/// <see cref="FacilityRules.MayUpdatePlaces"/>): each line's figures, and the three the establishment types
/// (reserved, closed, supplementary). The rest of the line is kept as saved; the version read guards against
/// an update made meanwhile (409, shown with the current figures, nothing written). Not child data.
/// </summary>
[NoChildData]
public sealed class FacilityPlacesModel(GetFacility get, SaveCapacity save, TimeProvider time) : PageModel
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public FacilityView Facility { get; private set; } = null!;

    [BindProperty]
    public FiguresForm Figures { get; set; } = new();

    /// <summary>The line whose change was refused: its form says why and what had been typed.</summary>
    public Guid? FailedCapacityId { get; private set; }

    public bool Conflict { get; private set; }

    public sealed class FiguresForm
    {
        public Guid CapacityId { get; set; }
        public int Reserved { get; set; }
        public int Closed { get; set; }
        public int Supplementary { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid facilityId, CancellationToken cancellationToken) =>
        await LoadAsync(facilityId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(facilityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Facility.Capacities.SingleOrDefault(c => c.Id == Figures.CapacityId) is not { } line)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // A figure that is not a number: nothing is sent.
            FailedCapacityId = line.Id;
            return Page();
        }

        var result = await save.UpdateAsync(facilityId, line.Id, new CapacityInput
        {
            CareType = line.CareType,
            AgeMinYears = line.AgeMinYears,
            AgeMaxYears = line.AgeMaxYears,
            AcceptedSex = line.AcceptedSex,
            Installed = line.Installed,
            Supplementary = Figures.Supplementary,
            Reserved = Figures.Reserved,
            Closed = Figures.Closed,
            Version = Figures.Version,
        }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Places enregistrées : {(result.Value!.Available == 1 ? "1 place disponible" : $"{result.Value.Available} places disponibles")} sur cette ligne.";
                return RedirectToPage(new { facilityId });
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, nameof(Figures));
                FailedCapacityId = line.Id;
                return Page();
            case ResultStatus.Conflict:
                Conflict = true;
                FailedCapacityId = line.Id;
                ModelState.Clear();
                return await LoadAsync(facilityId, cancellationToken) ?? Page();
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var result = await get.HandleAsync(facilityId, cancellationToken);
        if (result.Value is not { } f)
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
