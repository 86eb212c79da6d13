using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Measures;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Jobs;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// Administrative and judicial measures (docs/domain.md, Measures): open, renew, end, the waiting list of
/// measures decided but not carried out, the échéances on dashboards and as notifications.
/// </summary>
public sealed class MeasuresModule : IArianeModule
{
    public int Order => 230;

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<MeasureDeadlineOptions>().BindConfiguration("Measures");
        services.AddScoped<MeasureGate>();
        services.AddScoped<MeasureSave>();
        services.AddScoped<GetMeasure>();
        services.AddScoped<OpenMeasure>();
        services.AddScoped<StartMeasure>();
        services.AddScoped<RenewMeasure>();
        services.AddScoped<EndMeasure>();
        services.AddScoped<ChildMeasures>();
        services.AddScoped<WaitingMeasures>();
        services.AddScoped<MeasureDeadlines>();
        services.AddScoped<ListMeasureChoices>();
        services.AddSingleton<MeasureDeadlineAlerts>();
        services.AddSingleton<IJob>(sp => sp.GetRequiredService<MeasureDeadlineAlerts>());
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Tag = "Mesures";
        api.MapPost("/children/{childId:guid}/measures", async (Guid childId, OpenMeasureRequest request, OpenMeasure handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/measures/{v.Id}", v)))
            .WithTags(Tag).WithName("OpenMeasure")
            .WithSummary("Ouvrir une mesure administrative ou judiciaire (sans date de début : décidée, en attente de prise en charge)")
            .Produces<MeasureView>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapGet("/children/{childId:guid}/measures", async (Guid childId, ChildMeasures handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListChildMeasures")
            .WithSummary("Les mesures de l'enfant : nature, code OLINPE, état, dates, service, jours d'attente, rappels")
            .Produces<IReadOnlyList<MeasureRow>>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapGet("/measures/waiting", async (Guid? serviceId, string? after, WaitingMeasures handler, CancellationToken ct) =>
                (await handler.HandleAsync(serviceId, after, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListWaitingMeasures")
            .WithSummary("Liste d'attente : mesures décidées non encore exercées, les plus anciennes d'abord, avec les jours d'attente")
            .Produces<MeasureBoard>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapGet("/measures/deadlines", async (string? after, MeasureDeadlines handler, CancellationToken ct) =>
                (await handler.HandleAsync(after, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListMeasureDeadlines")
            .WithSummary("Échéances : mesures en cours arrivant à échéance (ou dépassée), les plus proches d'abord")
            .Produces<MeasureBoard>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapGet("/measures/{measureId:guid}", async (Guid measureId, GetMeasure handler, CancellationToken ct) =>
                (await handler.HandleAsync(measureId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("GetMeasure")
            .WithSummary("Une mesure : nature, dates, service, rappels ; la chaîne des décisions pour les personnes habilitées au judiciaire")
            .Produces<MeasureView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/measures/{measureId:guid}/start", async (Guid measureId, StartMeasureRequest request, StartMeasure handler, CancellationToken ct) =>
                (await handler.HandleAsync(measureId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("StartMeasure")
            .WithSummary("Début de la prise en charge d'une mesure décidée ; version requise")
            .Produces<MeasureView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/measures/{measureId:guid}/renewal", async (Guid measureId, RenewMeasureRequest request, RenewMeasure handler, CancellationToken ct) =>
                (await handler.HandleAsync(measureId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("RenewMeasure")
            .WithSummary("Renouveler une mesure : nouvelle décision (judiciaire) et nouvelle échéance ; version requise")
            .Produces<MeasureView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/measures/{measureId:guid}/end", async (Guid measureId, EndMeasureRequest request, EndMeasure handler, CancellationToken ct) =>
                (await handler.HandleAsync(measureId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("EndMeasure")
            .WithSummary("Fin de mesure : date, motif (MOTFININT), motif de mainlevée (MOTIFML) ; version requise")
            .Produces<MeasureView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });
    }

    public IEnumerable<NavigationEntry> Navigation =>
    [
        NavigationEntry.For(107, "Mesures", "/Measures", Permission.RecordMeasure),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Mesures", 1300, 1399, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.MeasureOpened] = "Mesure ouverte",
            [AuditEventType.MeasureUpdated] = "Mesure modifiée",
            [AuditEventType.MeasureViewed] = "Consultation d'une mesure",
            [AuditEventType.MeasuresListed] = "Consultation d'une liste de mesures",
            [AuditEventType.MeasureDecisionRecorded] = "Décision enregistrée",
            [AuditEventType.MeasureDecisionUpdated] = "Décision modifiée",
            [AuditEventType.MeasureRenewed] = "Mesure renouvelée",
            [AuditEventType.MeasureEnded] = "Fin de mesure",
        }),
    ];
}
