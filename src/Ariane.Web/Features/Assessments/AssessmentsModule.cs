using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Assessments;

/// <summary>
/// Evaluations of IPs (docs/domain.md, Evaluation): open with the team and the household's minors, the
/// grid of the versioned framework, the health observations, the conclusion and its validation.
/// </summary>
public sealed class AssessmentsModule : IArianeModule
{
    public int Order => 210;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<AssessmentAccess>();
        services.AddScoped<AssessmentCandidates>();
        services.AddScoped<ProposeAssessment>();
        services.AddScoped<OpenAssessment>();
        services.AddScoped<GetAssessment>();
        services.AddScoped<SaveAssessment>();
        services.AddScoped<RecordHealthObservation>();
        services.AddScoped<ConcludeAssessment>();
        services.AddScoped<ValidateAssessment>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/concerns/{concernId:guid}/assessment-proposal", async (Guid concernId, ProposeAssessment handler, CancellationToken ct) =>
                (await handler.HandleAsync(concernId, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Évaluations").WithName("ProposeAssessment")
            .WithSummary("Évaluateurs possibles et autres mineurs du foyer, pour ouvrir l'évaluation d'une IP")
            .Produces<AssessmentProposal>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/concerns/{concernId:guid}/assessment", async (Guid concernId, OpenAssessmentRequest request, OpenAssessment handler, CancellationToken ct) =>
                (await handler.HandleAsync(concernId, request, ct)).ToHttp(a => TypedResults.Created($"/api/v1/assessments/{a.Id}", a)))
            .WithTags("Évaluations").WithName("OpenAssessment")
            .WithSummary("Ouvrir l'évaluation d'une IP à évaluer : équipe (au moins 2 par défaut), autres mineurs du foyer ; version de l'IP requise")
            .Produces<OpenedAssessment>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapGet("/assessments/{assessmentId:guid}", async (Guid assessmentId, GetAssessment handler, CancellationToken ct) =>
                (await handler.HandleAsync(assessmentId, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Évaluations").WithName("GetAssessment")
            .WithSummary("Une évaluation : grille par enfant et décompte par domaine, perceptions, conclusion")
            .Produces<AssessmentView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPut("/assessments/{assessmentId:guid}", async (Guid assessmentId, SaveAssessmentRequest request, SaveAssessment handler, CancellationToken ct) =>
                (await handler.HandleAsync(assessmentId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Évaluations").WithName("SaveAssessment")
            .WithSummary("Enregistrer l'évaluation en cours : visites, information des parents, perceptions, grille ; version requise")
            .Produces<AssessmentView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/assessments/{assessmentId:guid}/children/{childId:guid}/health-observations",
                async (Guid assessmentId, Guid childId, HealthObservationRequest request, RecordHealthObservation handler, CancellationToken ct) =>
                (await handler.HandleAsync(assessmentId, childId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Évaluations").WithName("RecordHealthObservation")
            .WithSummary("Observation de santé d'un enfant (professionnel de santé de l'équipe), avec le résumé pratique lu par les autres")
            .Produces<AssessmentView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Health) { Writes = true });

        api.MapPost("/assessments/{assessmentId:guid}/conclusion", async (Guid assessmentId, ConcludeAssessmentRequest request, ConcludeAssessment handler, CancellationToken ct) =>
                (await handler.HandleAsync(assessmentId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Évaluations").WithName("ConcludeAssessment")
            .WithSummary("Conclure : classement sans suite, prestation administrative ou saisine argumentée ; FINEVAL, NOTIFEVAL ; version requise")
            .Produces<AssessmentView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/assessments/{assessmentId:guid}/validation", async (Guid assessmentId, ValidateAssessmentRequest request, ValidateAssessment handler, CancellationToken ct) =>
                (await handler.HandleAsync(assessmentId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Évaluations").WithName("ValidateAssessment")
            .WithSummary("Valider la conclusion (cadre), ou la renvoyer à l'équipe avec une note ; version requise")
            .Produces<AssessmentView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });
    }

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Évaluations", 1200, 1299, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.AssessmentOpened] = "Évaluation ouverte",
            [AuditEventType.AssessmentUpdated] = "Évaluation modifiée",
            [AuditEventType.AssessmentViewed] = "Consultation d'une évaluation",
            [AuditEventType.AssessmentChildAdded] = "Enfant couvert par une évaluation",
            [AuditEventType.AssessmentEvaluatorAdded] = "Évaluateur ajouté",
            [AuditEventType.AssessmentEvaluatorRemoved] = "Évaluateur retiré",
            [AuditEventType.AssessmentAnswerRecorded] = "Critère de la grille renseigné",
            [AuditEventType.AssessmentAnswerUpdated] = "Critère de la grille modifié",
            [AuditEventType.HealthObservationRecorded] = "Observation de santé enregistrée",
            [AuditEventType.HealthObservationUpdated] = "Observation de santé modifiée",
            [AuditEventType.AssessmentConcluded] = "Évaluation conclue",
            [AuditEventType.AssessmentValidated] = "Conclusion validée",
            [AuditEventType.AssessmentFrameworkLoaded] = "Référentiel d'évaluation chargé",
        }),
    ];
}
