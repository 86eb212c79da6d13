using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Where the child lives (docs/domain.md, Placements): stays in places of care and their changes, the
/// rights of visit and contact, and the protected flag that hides the place.
/// </summary>
public sealed class PlacementsModule : IArianeModule
{
    public int Order => 240;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PlaceNames>();
        services.AddScoped<ChildJourney>();
        services.AddScoped<OpenPlacement>();
        services.AddScoped<EndPlacement>();
        services.AddScoped<SetChildProtection>();
        services.AddScoped<ChildContactRights>();
        services.AddScoped<SaveContactRight>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string tag = "Accueils et droits de visite";
        api.MapGet("/children/{childId:guid}/journey", async (Guid childId, ChildJourney handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(tag).WithName("GetChildJourney")
            .WithSummary("Le parcours de l'enfant : mesures et lieux d'accueil, les plus récents d'abord, avec le nombre de changements de lieu")
            .Produces<ChildJourneyView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/children/{childId:guid}/placements", async (Guid childId, OpenPlacementRequest request, OpenPlacement handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/children/{childId}/journey", v)))
            .WithTags(tag).WithName("OpenPlacement")
            .WithSummary("Enregistrer un accueil ; si l'enfant est déjà accueilli, c'est un changement de lieu : l'accueil en cours se termine la veille")
            .Produces<ChildJourneyView>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/placements/{placementId:guid}/end", async (Guid placementId, EndPlacementRequest request, EndPlacement handler, CancellationToken ct) =>
                (await handler.HandleAsync(placementId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(tag).WithName("EndPlacement")
            .WithSummary("Terminer un accueil (date, motif) ; version requise")
            .Produces<ChildJourneyView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/children/{childId:guid}/protection", async (Guid childId, ProtectChildRequest request, SetChildProtection handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, true, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(tag).WithName("ProtectChild")
            .WithSummary("Protéger le dossier (cadre, motif obligatoire) : aucun envoi automatique à la famille, lieu d'accueil masqué")
            .Produces<ChildProtectionView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/children/{childId:guid}/protection/lift", async (Guid childId, ProtectChildRequest request, SetChildProtection handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, false, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(tag).WithName("LiftChildProtection")
            .WithSummary("Lever la protection du dossier (cadre, motif obligatoire)")
            .Produces<ChildProtectionView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapGet("/children/{childId:guid}/contact-rights", async (Guid childId, ChildContactRights handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(tag).WithName("ListContactRights")
            .WithSummary("Qui peut voir ou appeler cet enfant : le droit en vigueur de chaque personne liée, interdits et suspendus d'abord")
            .Produces<ContactRightsCard>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/children/{childId:guid}/contact-rights", async (Guid childId, ContactRightRequest request, SaveContactRight handler, CancellationToken ct) =>
                (await handler.RecordAsync(childId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/children/{childId}/contact-rights", v)))
            .WithTags(tag).WithName("RecordContactRight")
            .WithSummary("Enregistrer le droit de visite ou de contact d'une personne liée")
            .Produces<ContactRightsCard>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPut("/contact-rights/{contactRightId:guid}", async (Guid contactRightId, ContactRightRequest request, SaveContactRight handler, CancellationToken ct) =>
                (await handler.UpdateAsync(contactRightId, request, false, ct)).ToHttp(TypedResults.Ok))
            .WithTags(tag).WithName("UpdateContactRight")
            .WithSummary("Modifier un droit de visite ; version requise")
            .Produces<ContactRightsCard>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapDelete("/contact-rights/{contactRightId:guid}", async (Guid contactRightId, [FromQuery] int version, SaveContactRight handler, CancellationToken ct) =>
                (await handler.UpdateAsync(contactRightId, new ContactRightRequest { Version = version }, true, ct)).ToHttp(TypedResults.Ok))
            .WithTags(tag).WithName("RemoveContactRight")
            .WithSummary("Supprimer un droit de visite enregistré par erreur ; version requise")
            .Produces<ContactRightsCard>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });
    }

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Placements", 1400, 1499, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.PlacementOpened] = "Accueil enregistré",
            [AuditEventType.PlacementUpdated] = "Accueil modifié ou terminé",
            [AuditEventType.PlacementRemoved] = "Accueil supprimé",
            [AuditEventType.PlacementsViewed] = "Consultation du parcours de placement",
            [AuditEventType.HostedChildrenListed] = "Liste des enfants accueillis par un lieu",
            [AuditEventType.ContactRightRecorded] = "Droit de visite enregistré",
            [AuditEventType.ContactRightUpdated] = "Droit de visite modifié",
            [AuditEventType.ContactRightRemoved] = "Droit de visite supprimé",
            [AuditEventType.ContactRightsViewed] = "Consultation des droits de visite",
            [AuditEventType.ChildProtectionSet] = "Dossier protégé (sans trace)",
            [AuditEventType.ChildProtectionLifted] = "Protection du dossier levée",
        }),
    ];
}
