using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Organisations;

public sealed class CreateServiceRequest
{
    [Required(ErrorMessage = "Choisissez l'organisation.")]
    [Display(Name = "Organisation")]
    public Guid? OrganisationId { get; set; }

    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(200, ErrorMessage = "Le nom ne peut dépasser 200 caractères.")]
    [Display(Name = "Nom du service ou de l'établissement")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choisissez le type de service.")]
    [EnumDataType(typeof(ServiceKind), ErrorMessage = "Type de service inconnu.")]
    [Display(Name = "Type")]
    public ServiceKind? Kind { get; set; }

    [StringLength(9, MinimumLength = 9, ErrorMessage = "Le numéro FINESS compte exactement 9 caractères.")]
    [Display(Name = "Numéro FINESS (facultatif)")]
    public string? Finess { get; set; }

    [Display(Name = "Catégorie FINESS (facultative)")]
    public int? FinessCategory { get; set; }
}

/// <summary>Creates a service or establishment in an organisation, with its FINESS number when registered.</summary>
public sealed class CreateService(AppDbContext db, AdminScope scope)
{
    public async Task<Result<Guid>> HandleAsync(CreateServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reach = await scope.ForAsync(Permission.ManageOrganisations, cancellationToken);
        if (reach is null)
        {
            return Result<Guid>.Forbidden();
        }

        var errors = Validation.Check(request);
        var finess = string.IsNullOrWhiteSpace(request.Finess) ? null : request.Finess.Trim().ToUpperInvariant();
        if (finess is not null && !errors.ContainsKey("finess"))
        {
            if (!FinessCategories.IsValidFiness(finess))
            {
                Validation.Add(errors, "finess", "Numéro FINESS invalide : 9 chiffres (2A ou 2B pour la Corse).");
            }
            else if (await db.Services.AnyAsync(s => s.Finess == finess, cancellationToken))
            {
                Validation.Add(errors, "finess", "Ce numéro FINESS est déjà celui d'un autre service.");
            }
        }

        if (request.FinessCategory is { } category && !FinessCategories.Labels.ContainsKey(category))
        {
            Validation.Add(errors, "finessCategory", "Catégorie FINESS inconnue.");
        }

        if (request.OrganisationId is { } organisationId && !await reach.Organisations(db.Organisations).AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            Validation.Add(errors, "organisationId", "Cette organisation n'existe pas.");
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid(errors);
        }

        var service = new Service
        {
            OrganisationId = request.OrganisationId!.Value,
            Name = request.Name!.Trim(),
            Kind = request.Kind!.Value,
            Finess = finess,
            FinessCategory = request.FinessCategory,
        };
        db.Services.Add(service);
        db.Audit.Record(
            AuditEventType.ServiceCreated,
            entityType: nameof(Service),
            entityId: service.Id,
            details: JsonSerializer.Serialize(new
            {
                organisationId = service.OrganisationId,
                name = service.Name,
                kind = service.Kind.ToString(),
                finess,
                finessCategory = service.FinessCategory,
            }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Result<Guid>.Invalid("finess", "Ce numéro FINESS est déjà celui d'un autre service.");
        }

        return Result<Guid>.Ok(service.Id);
    }
}
