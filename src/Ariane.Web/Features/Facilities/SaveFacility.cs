using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Facilities;
using Ariane.Core.Organisations;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

public sealed class FacilityInput
{
    [Required(ErrorMessage = "Le nom est obligatoire."), StringLength(200, ErrorMessage = "Le nom fait au plus 200 caractères.")]
    public string? Name { get; set; }
    [Required(ErrorMessage = "Le département est obligatoire."), StringLength(3, ErrorMessage = "Le code du département fait au plus 3 caractères.")]
    public string? DepartementCode { get; set; }
    public PlaceKind PlaceKind { get; set; } = PlaceKind.Establishment;
    public Guid? ServiceId { get; set; }
    public Guid? FosterCarerUserId { get; set; }
    [RegularExpression("^[0-9][0-9AB][0-9]{7}$", ErrorMessage = "Le n° FINESS fait 9 caractères (chiffres, A ou B en deuxième position pour la Corse).")]
    public string? Finess { get; set; }
    public int? FinessCategory { get; set; }
    // A French postal code (metropole and outre-mer): five digits, as the column holds.
    [RegularExpression("^[0-9]{5}$", ErrorMessage = "Le code postal fait 5 chiffres.")]
    public string? PostalCode { get; set; }
    [StringLength(100, ErrorMessage = "La ville fait au plus 100 caractères.")]
    public string? City { get; set; }
    [StringLength(200, ErrorMessage = "Le nom du contact fait au plus 200 caractères.")]
    public string? ContactName { get; set; }
    [StringLength(30, ErrorMessage = "Le téléphone fait au plus 30 caractères.")]
    public string? ContactPhone { get; set; }
    [StringLength(50, ErrorMessage = "Le numéro d'agrément fait au plus 50 caractères.")]
    public string? AgreementNumber { get; set; }
    public DateOnly? AgreementValidUntil { get; set; }
    public bool PublishesPlaces { get; set; } = true;
    public bool IsActive { get; set; } = true;
    /// <summary>The version read, for an update.</summary>
    public int Version { get; set; }
}

/// <summary>
/// Declares or changes a facility (ManageFacilities of its département). Not child data: the interceptor
/// audits the change; the lines' copies of the département and of « publie ses places » follow.
/// </summary>
public sealed class SaveFacility(AppDbContext db, CurrentUser currentUser, GetFacility get)
{
    public async Task<Result<FacilityView>> CreateAsync(FacilityInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Has(Permission.ManageFacilities))
        {
            return Result<FacilityView>.Forbidden();
        }

        var errors = await ValidateAsync(input, subject, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<FacilityView>.Invalid(errors);
        }

        var facility = new Facility { Name = input.Name!.Trim(), DepartementCode = input.DepartementCode!.Trim() };
        Apply(facility, input);
        db.Facilities.Add(facility);
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(facility.Id, cancellationToken);
    }

    public async Task<Result<FacilityView>> UpdateAsync(Guid facilityId, FacilityInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var facility = await db.Facilities.Include(f => f.Capacities).SingleOrDefaultAsync(f => f.Id == facilityId, cancellationToken);
        if (facility is null || !FacilityRules.MayRead(subject, facility))
        {
            return Result<FacilityView>.NotFound();
        }

        if (!FacilityRules.MayManage(subject, facility.DepartementCode))
        {
            return Result<FacilityView>.Forbidden();
        }

        var errors = await ValidateAsync(input, subject, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<FacilityView>.Invalid(errors);
        }

        db.Entry(facility).Property(f => f.Version).OriginalValue = input.Version;
        facility.Name = input.Name!.Trim();
        facility.DepartementCode = input.DepartementCode!.Trim();
        Apply(facility, input);
        foreach (var line in facility.Capacities)
        {
            line.DepartementCode = facility.DepartementCode;
            line.Published = facility.PublishesPlaces && facility.IsActive;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await get.HandleAsync(facilityId, cancellationToken);
            return Result<FacilityView>.Conflict(current.Value!);
        }

        return await get.HandleAsync(facility.Id, cancellationToken);
    }

    private static void Apply(Facility f, FacilityInput input)
    {
        f.PlaceKind = input.PlaceKind;
        f.ServiceId = input.PlaceKind == PlaceKind.FosterCarer ? null : input.ServiceId;
        f.FosterCarerUserId = input.PlaceKind == PlaceKind.FosterCarer ? input.FosterCarerUserId : null;
        f.Finess = Clean(input.Finess);
        f.FinessCategory = input.FinessCategory;
        f.PostalCode = Clean(input.PostalCode);
        f.City = Clean(input.City);
        f.ContactName = Clean(input.ContactName);
        f.ContactPhone = Clean(input.ContactPhone);
        f.AgreementNumber = input.PlaceKind == PlaceKind.FosterCarer ? Clean(input.AgreementNumber) : null;
        f.AgreementValidUntil = input.PlaceKind == PlaceKind.FosterCarer ? input.AgreementValidUntil : null;
        f.PublishesPlaces = input.PublishesPlaces;
        f.IsActive = input.IsActive;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<Dictionary<string, string[]>> ValidateAsync(FacilityInput input, AccessSubject subject, CancellationToken cancellationToken)
    {
        var errors = Validation.Check(input);
        Validation.Defined<PlaceKind>(input.PlaceKind, nameof(input.PlaceKind), errors);
        if (!string.IsNullOrWhiteSpace(input.DepartementCode) && !FacilityRules.MayManage(subject, input.DepartementCode.Trim()))
        {
            Validation.Add(errors, nameof(input.DepartementCode), "Vous ne gérez pas les lieux d'accueil de ce département.");
        }

        if (!string.IsNullOrWhiteSpace(input.Finess) && !FinessCategories.IsValidFiness(input.Finess.Trim()))
        {
            Validation.Add(errors, nameof(input.Finess), "Le numéro FINESS compte 9 caractères (chiffres, ou A/B pour la Corse).");
        }

        if (input.PlaceKind == PlaceKind.FosterCarer)
        {
            // A foster carer of the département's services: the place gives her access to the children it hosts.
            var isCarer = input.FosterCarerUserId is { } u && await db.Memberships.AnyAsync(
                m => m.UserId == u && m.RoleCode == RoleCatalogue.FosterCarer && m.Service!.Organisation!.DepartementCode == input.DepartementCode, cancellationToken);
            if (!isCarer)
            {
                Validation.Add(errors, nameof(input.FosterCarerUserId), "Choisissez un assistant familial (un compte qui a ce rôle).");
            }
        }
        // The facility's own service is assigned to every child it hosts: one of the département's, or of an association.
        else if (input.ServiceId is { } s && !await db.Services.AnyAsync(
                     x => x.Id == s && x.IsActive && (x.Organisation!.DepartementCode == input.DepartementCode || x.Organisation.Kind == OrganisationKind.AssociationGestionnaire), cancellationToken))
        {
            Validation.Add(errors, nameof(input.ServiceId), "Choisissez un service actif du département ou d'une association.");
        }

        return errors;
    }
}
