using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Organisations;

public sealed class CreateOrganisationRequest
{
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(200, ErrorMessage = "Le nom ne peut dépasser 200 caractères.")]
    [Display(Name = "Nom de l'organisation")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choisissez le type d'organisation.")]
    [EnumDataType(typeof(OrganisationKind), ErrorMessage = "Type d'organisation inconnu.")]
    [Display(Name = "Type")]
    public OrganisationKind? Kind { get; set; }

    [RegularExpression("^([0-9]{2,3}|2[AaBb])$", ErrorMessage = "Code INSEE du département : 2 ou 3 chiffres, ou 2A / 2B.")]
    [Display(Name = "Code du département (facultatif)")]
    public string? DepartementCode { get; set; }
}

/// <summary>Creates an institution (département, association gestionnaire, MDPH...), audited.</summary>
public sealed class CreateOrganisation(AppDbContext db, AdminScope scope)
{
    /// <summary>Whether the form may be shown at all.</summary>
    public async Task<Result<bool>> CanCreateAsync(CancellationToken cancellationToken) =>
        await scope.ForAsync(Permission.ManageOrganisations, cancellationToken) is not null ? Result<bool>.Ok(true) : Result<bool>.Forbidden();

    public async Task<Result<Guid>> HandleAsync(CreateOrganisationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reach = await scope.ForAsync(Permission.ManageOrganisations, cancellationToken);
        if (reach is null)
        {
            return Result<Guid>.Forbidden();
        }

        var errors = Validation.Check(request);
        var code = string.IsNullOrWhiteSpace(request.DepartementCode) ? null : request.DepartementCode.Trim().ToUpperInvariant();
        // A département's administrator adds organisations to their own département; a new département,
        // or the platform's own organisation, is the platform administrator's.
        if (!reach.MayUseDepartementCode(code) && !errors.ContainsKey("departementCode"))
        {
            Validation.Add(errors, "departementCode", code is null
                ? "Indiquez le département de cette organisation : une association qui sert plusieurs départements est créée par l'administrateur de la plateforme."
                : "Vous administrez un autre département : une organisation de ce département est créée par ses administrateurs.");
        }
        else if (!reach.Platform && request.Kind is OrganisationKind.Departement or OrganisationKind.Platform && !errors.ContainsKey("kind"))
        {
            Validation.Add(errors, "kind", "Un département, ou l'opérateur de la plateforme, est créé par l'administrateur de la plateforme.");
        }

        var name = request.Name?.Trim() ?? string.Empty;
        if (errors.Count == 0 && await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            Validation.Add(errors, "name", "Une organisation porte déjà ce nom.");
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid(errors);
        }

        var organisation = new Organisation
        {
            Name = name,
            Kind = request.Kind!.Value,
            DepartementCode = string.IsNullOrWhiteSpace(request.DepartementCode) ? null : request.DepartementCode.Trim().ToUpperInvariant(),
        };
        db.Organisations.Add(organisation);
        db.Audit.Record(
            AuditEventType.OrganisationCreated,
            entityType: nameof(Organisation),
            entityId: organisation.Id,
            details: JsonSerializer.Serialize(new { name = organisation.Name, kind = organisation.Kind.ToString(), departementCode = organisation.DepartementCode }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(organisation.Id);
    }
}
