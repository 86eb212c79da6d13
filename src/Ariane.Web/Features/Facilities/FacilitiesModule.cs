using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// The directory of places of care (docs/domain.md, Places): facilities and foster carers with their
/// capacity, the live places board, and placement requests between référents and establishments.
/// </summary>
public sealed class FacilitiesModule : IArianeModule
{
    public int Order => 260;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<CapacityCounter>();
        services.AddSingleton<PlacesRecount>();
        services.AddSingleton<Infrastructure.Jobs.IJob>(sp => sp.GetRequiredService<PlacesRecount>());
        services.AddScoped<GetFacility>();
        services.AddScoped<HostedChildren>();
        services.AddScoped<ListFacilities>();
        services.AddScoped<SaveFacility>();
        services.AddScoped<SaveCapacity>();
        services.AddScoped<PlacesBoard>();
        services.AddScoped<GetPlacementRequest>();
        services.AddScoped<SendPlacementRequest>();
        services.AddScoped<AnswerPlacementRequest>();
        services.AddScoped<WithdrawPlacementRequest>();
        services.AddScoped<ReplyToPlacementQuestion>();
        services.AddScoped<FacilityInbox>();
        services.AddScoped<ChildPlaceProfile>();
        services.AddScoped<ChildPlacementRequests>();
        services.AddScoped<MyFacilities>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Tag = "Lieux d'accueil et places";
        var noChildData = new NoChildDataAttribute();

        api.MapGet("/facilities", async (string? departement, string? after, ListFacilities handler, CancellationToken ct) =>
                (await handler.HandleAsync(departement, after, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListFacilities").WithSummary("L'annuaire des lieux d'accueil du département, par nom (50 par page)")
            .Produces<FacilityPage>().WithMetadata(noChildData);
        api.MapGet("/facilities/{facilityId:guid}", async (Guid facilityId, GetFacility handler, CancellationToken ct) =>
                (await handler.HandleAsync(facilityId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("GetFacility").WithSummary("Un lieu d'accueil : capacité et places disponibles (ROR)")
            .Produces<FacilityView>().WithMetadata(noChildData);
        api.MapGet("/facilities/{facilityId:guid}/children", async (Guid facilityId, HostedChildren handler, CancellationToken ct) =>
                (await handler.HandleAsync(facilityId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListHostedChildren").WithSummary("Les enfants que le lieu accueille aujourd'hui (ceux dont vous pouvez lire le suivi)")
            .Produces<IReadOnlyList<HostedChild>>().WithMetadata(new AuditedChildDataAttribute(Section.Social));
        api.MapPost("/facilities", async (FacilityInput input, SaveFacility handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToHttp(f => TypedResults.Created($"/api/v1/facilities/{f.Id}", f)))
            .WithTags(Tag).WithName("CreateFacility").WithSummary("Déclarer un lieu d'accueil (cadre du département)")
            .Produces<FacilityView>(StatusCodes.Status201Created).WithMetadata(noChildData);
        api.MapPut("/facilities/{facilityId:guid}", async (Guid facilityId, FacilityInput input, SaveFacility handler, CancellationToken ct) =>
                (await handler.UpdateAsync(facilityId, input, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("UpdateFacility").WithSummary("Modifier un lieu d'accueil ; version requise")
            .Produces<FacilityView>().WithMetadata(noChildData);
        api.MapPost("/facilities/{facilityId:guid}/capacities", async (Guid facilityId, CapacityInput input, SaveCapacity handler, CancellationToken ct) =>
                (await handler.AddAsync(facilityId, input, ct)).ToHttp(c => TypedResults.Created($"/api/v1/facilities/{facilityId}", c)))
            .WithTags(Tag).WithName("AddCapacity").WithSummary("Déclarer une ligne de capacité (type d'accueil, âges, sexe, places)")
            .Produces<CapacityView>(StatusCodes.Status201Created).WithMetadata(noChildData);
        api.MapPut("/facilities/{facilityId:guid}/capacities/{capacityId:guid}", async (Guid facilityId, Guid capacityId, CapacityInput input, SaveCapacity handler, CancellationToken ct) =>
                (await handler.UpdateAsync(facilityId, capacityId, input, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("UpdateCapacity").WithSummary("Mettre à jour les places d'une ligne (installées, réservées, fermées) ; version requise")
            .Produces<CapacityView>().WithMetadata(noChildData);
        api.MapDelete("/facilities/{facilityId:guid}/capacities/{capacityId:guid}", async (Guid facilityId, Guid capacityId, SaveCapacity handler, CancellationToken ct) =>
                (await handler.RemoveAsync(facilityId, capacityId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithTags(Tag).WithName("RemoveCapacity").WithSummary("Supprimer une ligne de capacité sans accueil ni demande acceptée")
            .WithMetadata(noChildData);
        api.MapGet("/places", async ([AsParameters] PlacesQuery query, PlacesBoard handler, CancellationToken ct) =>
                (await handler.HandleAsync(query, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListPlaces").WithSummary("Places disponibles publiées, filtrées (type, urgence, âge, sexe, département, code postal), 25 par page")
            .Produces<PlacesPage>().WithMetadata(noChildData);

        api.MapGet("/facilities/{facilityId:guid}/requests", async (Guid facilityId, FacilityInbox handler, CancellationToken ct) =>
                (await handler.HandleAsync(facilityId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("FacilityPlacementRequests").WithSummary("Les demandes de place reçues par le lieu d'accueil, ouvertes d'abord, sans nom d'enfant")
            .Produces<IReadOnlyList<InboxItem>>()
            .WithMetadata(new OutsideChildGateAttribute("L'établissement lit les demandes qui lui sont adressées sans accès au dossier ; chaque demande lue est tracée avec l'enfant."))
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));
        api.MapPost("/placement-requests", async (SendPlacementRequestInput input, SendPlacementRequest handler, CancellationToken ct) =>
                (await handler.HandleAsync(input, ct)).ToHttp(r => TypedResults.Created($"/api/v1/placement-requests/{r.Id}", r)))
            .WithTags(Tag).WithName("SendPlacementRequest").WithSummary("Demander une place à un ou plusieurs lieux d'accueil (âge, sexe, besoins, sans nom)")
            .Produces<PlacementRequestView>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });
        api.MapGet("/placement-requests/{placementRequestId:guid}", async (Guid placementRequestId, GetPlacementRequest handler, CancellationToken ct) =>
                (await handler.HandleAsync(placementRequestId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("GetPlacementRequest").WithSummary("Une demande de place et la réponse de chaque lieu d'accueil (côté demandeur)")
            .Produces<PlacementRequestView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));
        api.MapPost("/placement-requests/{placementRequestId:guid}/targets/{targetId:guid}/answer",
                async (Guid placementRequestId, Guid targetId, PlacementAnswerInput input, AnswerPlacementRequest handler, CancellationToken ct) =>
                (await handler.HandleAsync(placementRequestId, targetId, input, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("AnswerPlacementRequest").WithSummary("Répondre à une demande (informations manquantes, refus motivé, acceptation qui réserve une place)")
            .Produces<PlacementTargetView>()
            .WithMetadata(new OutsideChildGateAttribute("L'établissement répond aux demandes qui lui sont adressées sans accès au dossier ; la réponse est tracée avec l'enfant."))
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });
        api.MapGet("/children/{childId:guid}/placement-requests", async (Guid childId, ChildPlacementRequests handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListChildPlacementRequests").WithSummary("Les demandes de place envoyées pour l'enfant, les plus récentes d'abord, avec la réponse de chaque lieu")
            .Produces<IReadOnlyList<ChildPlacementRequestRow>>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));
        api.MapPost("/placement-requests/{placementRequestId:guid}/withdraw", async (Guid placementRequestId, WithdrawPlacementRequest handler, CancellationToken ct) =>
                (await handler.HandleAsync(placementRequestId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("WithdrawPlacementRequest").WithSummary("Retirer la demande : les places réservées sont libérées")
            .Produces<PlacementRequestView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });
        api.MapPost("/placement-requests/{placementRequestId:guid}/targets/{targetId:guid}/reply",
                async (Guid placementRequestId, Guid targetId, PlacementReplyInput input, ReplyToPlacementQuestion handler, CancellationToken ct) =>
                (await handler.HandleAsync(placementRequestId, targetId, input, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ReplyToPlacementQuestion").WithSummary("Répondre à un lieu d'accueil qui demande des informations : la demande lui est renvoyée")
            .Produces<PlacementRequestView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });
    }

    /// <summary>
    /// The board, the directory and the chef de service's own places. Every href starts with /Facilities
    /// (ModuleTests: an entry points to a page of its module), so the board is /Facilities/Places.
    /// </summary>
    public IEnumerable<NavigationEntry> Navigation =>
    [
        NavigationEntry.For(145, "Places disponibles", "/Facilities/Places", Permission.FindPlaces),
        NavigationEntry.For(146, "Lieux d'accueil", "/Facilities", Permission.ManageFacilities),
        NavigationEntry.For(147, "Places et demandes reçues", "/Facilities/Mine", Permission.ManagePlaces),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Lieux d'accueil et places", 500, 599, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.FacilityCreated] = "Lieu d'accueil déclaré",
            [AuditEventType.FacilityUpdated] = "Lieu d'accueil modifié",
            [AuditEventType.CapacityDeclared] = "Capacité déclarée",
            [AuditEventType.CapacityUpdated] = "Places mises à jour",
            [AuditEventType.CapacityRemoved] = "Ligne de capacité supprimée",
            [AuditEventType.PlacementRequestSent] = "Demande de place envoyée",
            [AuditEventType.PlacementRequestUpdated] = "Demande de place modifiée",
            [AuditEventType.PlacementRequestAnswered] = "Réponse à une demande de place",
            [AuditEventType.PlacementRequestViewed] = "Consultation d'une demande de place",
            [AuditEventType.PlacementRequestsListed] = "Consultation d'une liste de demandes de place",
        }),
    ];
}
