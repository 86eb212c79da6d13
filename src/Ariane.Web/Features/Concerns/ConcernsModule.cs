using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Concerns;
using Ariane.Web.Features.Assessments;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Concerns;

/// <summary>
/// The CRIP's informations préoccupantes (docs/domain.md, CRIP): record, qualify, the dashboard of
/// deadlines, and the child's IPs on their record. Evaluations are the Assessments module.
/// </summary>
public sealed class ConcernsModule : IArianeModule
{
    public int Order => 200;

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<ConcernDeadlineOptions>().BindConfiguration("Concerns");
        services.AddScoped<ConcernAccess>();
        services.AddScoped<RecordConcern>();
        services.AddScoped<GetConcern>();
        services.AddScoped<QualifyConcern>();
        services.AddScoped<ListConcerns>();
        services.AddScoped<ChildConcerns>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/concerns", async ([AsParameters] ListConcernsQuery query, ListConcerns handler, CancellationToken ct) =>
                (await handler.HandleAsync(query.ToRequest(), ct)).ToHttp(TypedResults.Ok))
            .WithTags("Informations préoccupantes").WithName("ListConcerns")
            .WithSummary("Tableau de bord de la CRIP : IP par état, échéance et jours restants, les plus urgentes d'abord")
            .Produces<ConcernBoard>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/concerns", async (RecordConcernRequest request, RecordConcern handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => r.Recorded is { } c
                    ? TypedResults.Created($"/api/v1/concerns/{c.Id}", r)
                    : (IResult)TypedResults.Ok(r)))
            .WithTags("Informations préoccupantes").WithName("RecordConcern")
            .WithSummary("Enregistrer une IP (CRIP) ; si un nouvel enfant ressemble à un enfant connu, rien n'est écrit et les doublons possibles sont rendus")
            .Produces<RecordConcernResult>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapGet("/concerns/{concernId:guid}", async (Guid concernId, GetConcern handler, CancellationToken ct) =>
                (await handler.HandleAsync(concernId, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Informations préoccupantes").WithName("GetConcern")
            .WithSummary("Une IP : contenu, enfants, adultes, auteur (selon les droits), qualification, évaluation")
            .Produces<ConcernView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/concerns/{concernId:guid}/qualification", async (Guid concernId, QualifyConcernRequest request, QualifyConcern handler, CancellationToken ct) =>
                (await handler.HandleAsync(concernId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Informations préoccupantes").WithName("QualifyConcern")
            .WithSummary("Qualifier l'IP (à évaluer, signalement au procureur, juge déjà saisi, pas une IP) ; version requise")
            .Produces<ConcernView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapGet("/children/{childId:guid}/concerns", async (Guid childId, ChildConcerns handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Informations préoccupantes").WithName("ListChildConcerns")
            .WithSummary("Les IP qui concernent l'enfant, avec leur état")
            .Produces<IReadOnlyList<ChildConcernRow>>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));
    }

    public IEnumerable<DemoSeedStep> DemoSeedSteps => [new(300, "informations préoccupantes et évaluations", DemoConcernsStep.RunAsync)];

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(105, "IP et évaluations", "/Concerns", s => s.Has(Permission.RecordConcern) || s.Has(Permission.QualifyConcern)
            || s.Has(Permission.ValidateAssessment) || s.Has(Permission.Evaluate)),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Informations préoccupantes", 1100, 1199, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.ConcernRecorded] = "IP enregistrée",
            [AuditEventType.ConcernUpdated] = "IP modifiée ou qualifiée",
            [AuditEventType.ConcernViewed] = "Consultation d'une IP",
            [AuditEventType.ConcernsListed] = "Consultation d'une liste d'IP",
            [AuditEventType.ConcernChildAdded] = "Enfant ajouté à une IP",
            [AuditEventType.ConcernChildRemoved] = "Enfant retiré d'une IP",
            [AuditEventType.ConcernReporterRecorded] = "Auteur d'une IP enregistré",
            [AuditEventType.ConcernReporterUpdated] = "Auteur d'une IP modifié",
            [AuditEventType.ChildrenMerged] = "Dossiers fusionnés",
        }),
    ];
}

/// <summary>The dashboard's query string.</summary>
public sealed class ListConcernsQuery
{
    public ConcernState? State { get; set; }
    public Guid? EvaluatorId { get; set; }
    public Guid? ServiceId { get; set; }
    public string? After { get; set; }

    public ListConcernsRequest ToRequest() => new() { State = State, EvaluatorId = EvaluatorId, ServiceId = ServiceId, After = After };
}
