using Ariane.Core.Access;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// Declares a facility, or changes one (the cadre of its département, ManageFacilities), through
/// <see cref="SaveFacility"/>. The lists to choose from (services, foster carers) are bounded and read by name.
/// Not child data.
/// </summary>
[NoChildData]
public sealed class FacilityEditModel(GetFacility get, SaveFacility save, CurrentUser currentUser, AppDbContext db) : PageModel
{
    private const int ChoicesMax = 200;

    [BindProperty]
    public FacilityInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> FosterCarers { get; private set; } = [];

    public IReadOnlyList<string> Departements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? facilityId, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(facilityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (facilityId is { } id && (await get.HandleAsync(id, cancellationToken)).Value is { } f)
        {
            Fill(f);
        }
        else
        {
            Input.DepartementCode = Departements.Count > 0 ? Departements[0] : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? facilityId, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(facilityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = facilityId is { } id ? await save.UpdateAsync(id, Input, cancellationToken) : await save.CreateAsync(Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = IsNew ? "Lieu d'accueil déclaré." : "Lieu d'accueil modifié.";
                return RedirectToPage("/Facilities/Details", new { facilityId = result.Value!.Id });
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "Quelqu'un a modifié ce lieu d'accueil entre-temps : voici sa version actuelle, vos changements n'ont pas été enregistrés.");
                Fill((FacilityView)result.Current!);
                return Page();
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private void Fill(FacilityView f) => Input = new FacilityInput
    {
        Name = f.Name,
        DepartementCode = f.DepartementCode,
        PlaceKind = f.PlaceKind,
        ServiceId = f.ServiceId,
        FosterCarerUserId = f.FosterCarerUserId,
        Finess = f.Finess,
        FinessCategory = f.FinessCategory,
        PostalCode = f.PostalCode,
        City = f.City,
        ContactName = f.ContactName,
        ContactPhone = f.ContactPhone,
        AgreementNumber = f.AgreementNumber,
        AgreementValidUntil = f.AgreementValidUntil,
        PublishesPlaces = f.PublishesPlaces,
        IsActive = f.IsActive,
        Version = f.Version,
    };

    /// <summary>Who may (the département's cadre; 404 for a facility they cannot read) and the choices of the form.</summary>
    private async Task<IActionResult?> PrepareAsync(Guid? facilityId, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (facilityId is { } id)
        {
            var facility = await get.HandleAsync(id, cancellationToken);
            if (facility.Value is not { } f)
            {
                return NotFound();
            }

            if (!f.Rights.MayEdit)
            {
                return Forbid();
            }
        }
        else if (!subject.Has(Permission.ManageFacilities))
        {
            return Forbid();
        }

        IsNew = facilityId is null;
        var codes = subject.Grants.Where(g => g.Role.Has(Permission.ManageFacilities)).DepartementCodes();
        Departements = [.. codes.Order(StringComparer.Ordinal)];
        // The département's own services and those of organisations without a département (associations gestionnaires).
        Services = [.. (await db.Services.AsNoTracking()
                .Where(s => s.IsActive && (s.Organisation!.DepartementCode == null || codes.Contains(s.Organisation.DepartementCode)))
                .OrderBy(s => s.Name).ThenBy(s => s.Id).Take(ChoicesMax)
                .Select(s => new { s.Id, s.Name, Organisation = s.Organisation!.Name }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, $"{s.Name} ({s.Organisation})"))];
        var carerServices = db.Services.Where(s => s.Organisation!.DepartementCode == null || codes.Contains(s.Organisation.DepartementCode)).Select(s => s.Id);
        FosterCarers = [.. (await db.Memberships.AsNoTracking()
                .Where(m => m.RoleCode == RoleCatalogue.FosterCarer && carerServices.Contains(m.ServiceId))
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
                .Distinct().OrderBy(u => u.DisplayName).Take(ChoicesMax).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName))];
        return null;
    }
}
