using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Features.Demo;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// The projet pour l'enfant (docs/domain.md §2.5): one living plan per child that every service assigned to the child
/// reads and completes with its own objectives and actions; validated versions frozen and compared; signatures; the
/// plan's documents (full, easy to read for the child, for the parents).
/// </summary>
public sealed class PlansModule : IArianeModule
{
    public int Order => 265;

    /// <summary>What the gate asks before any plan endpoint: the existence of the social follow-up; <see cref="PlanGate"/> decides the rest.</summary>
    private static AuditedChildDataAttribute Plan(bool writes = false) => new(Section.Social) { OpensFor = AccessOperation.SeeExistence, Writes = writes };

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<PlanOptions>().BindConfiguration("Plans");
        services.AddScoped<PlanGate>();
        services.AddScoped<PlanStore>();
        services.AddScoped<GetPlan>();
        services.AddScoped<SavePlanGoal>();
        services.AddScoped<SavePlanAction>();
        services.AddScoped<UpdatePlan>();
        services.AddScoped<ValidatePlan>();
        services.AddScoped<GetPlanVersion>();
        services.AddScoped<SignPlan>();
        services.AddScoped<AttachSignedCopy>();
        services.AddScoped<GeneratePlanDocument>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Tag = "Projet pour l'enfant";
        api.MapGet("/children/{childId:guid}/plan", async (Guid childId, GetPlan handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("GetChildPlan")
            .WithSummary("Le PPE de l'enfant : objectifs (domaine, pour qui, dates, durée attendue, service et auteur, actions liées, progression), actions, suivi par domaine de la dernière évaluation, versions validées")
            .Produces<PlanView>()
            .WithMetadata(Plan());

        api.MapPut("/children/{childId:guid}/plan", async (Guid childId, PlanRequest request, UpdatePlan handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("UpdateChildPlan")
            .WithSummary("Le contenu propre du PPE : personne de confiance, bilan de santé initial, fratrie, projet d'autonomie, paroles de l'enfant, des parents et des tiers ; version requise")
            .Produces<PlanView>()
            .WithMetadata(Plan(writes: true));

        api.MapPost("/children/{childId:guid}/plan/goals", async (Guid childId, PlanGoalRequest request, SavePlanGoal handler, CancellationToken ct) =>
                (await handler.AddAsync(childId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/children/{childId}/plan", v)))
            .WithTags(Tag).WithName("AddPlanGoal")
            .WithSummary("Ajouter un objectif, pour l'un de ses services qui suit l'enfant")
            .Produces<PlanView>(StatusCodes.Status201Created)
            .WithMetadata(Plan(writes: true));

        api.MapPut("/plan-goals/{goalId:guid}", async (Guid goalId, PlanGoalRequest request, SavePlanGoal handler, CancellationToken ct) =>
                (await handler.UpdateAsync(goalId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("UpdatePlanGoal")
            .WithSummary("Modifier un objectif de son service (ou tout objectif pour un cadre du département) ; version requise")
            .Produces<PlanView>()
            .WithMetadata(Plan(writes: true));

        api.MapPost("/children/{childId:guid}/plan/actions", async (Guid childId, PlanActionRequest request, SavePlanAction handler, CancellationToken ct) =>
                (await handler.AddAsync(childId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/children/{childId}/plan", v)))
            .WithTags(Tag).WithName("AddPlanAction")
            .WithSummary("Ajouter une action, qui soutient un objectif de l'enfant (de n'importe quel service)")
            .Produces<PlanView>(StatusCodes.Status201Created)
            .WithMetadata(Plan(writes: true));

        api.MapPut("/plan-actions/{actionId:guid}", async (Guid actionId, PlanActionRequest request, SavePlanAction handler, CancellationToken ct) =>
                (await handler.UpdateAsync(actionId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("UpdatePlanAction")
            .WithSummary("Modifier une action de son service (progression, statut, dates) ; version requise")
            .Produces<PlanView>()
            .WithMetadata(Plan(writes: true));

        api.MapPost("/children/{childId:guid}/plan/validation", async (Guid childId, PlanValidationRequest request, ValidatePlan handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/plan-versions/{v.Id}", v)))
            .WithTags(Tag).WithName("ValidateChildPlan")
            .WithSummary("Valider le PPE tel qu'il est : une version numérotée, figée, que les documents et les comparaisons lisent ; version du projet requise")
            .Produces<PlanVersionRow>(StatusCodes.Status201Created)
            .WithMetadata(Plan(writes: true));

        api.MapGet("/plan-versions/{versionId:guid}", async (Guid versionId, GetPlanVersion handler, CancellationToken ct) =>
                (await handler.HandleAsync(versionId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("GetPlanVersion")
            .WithSummary("Une version validée du PPE, ses signatures et ce qui a changé depuis la précédente")
            .Produces<PlanVersionView>()
            .WithMetadata(Plan());

        api.MapPost("/plan-versions/{versionId:guid}/signatures", async (Guid versionId, PlanSignatureRequest request, SignPlan handler, CancellationToken ct) =>
                (await handler.HandleAsync(versionId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("SignPlanVersion")
            .WithSummary("Enregistrer une signature d'une version validée (département, titulaire de l'autorité parentale, jeune) avec sa date")
            .Produces<PlanVersionView>()
            .WithMetadata(Plan(writes: true));

        // The form is read by the handler, after the gate.
        api.MapPost("/plan-versions/{versionId:guid}/signed-copies", async (Guid versionId, HttpRequest request, AttachSignedCopy handler, CancellationToken ct) =>
                (await handler.HandleAsync(versionId, request, ct)).ToHttp(a => TypedResults.Created($"/api/v1/children/{a.ChildId}/attachments/{a.Id}", a)))
            .WithTags(Tag).WithName("AttachPlanSignedCopy")
            .WithSummary("Joindre la copie signée scannée d'une version validée (multipart : file ; PDF, PNG ou JPEG) ; téléchargée comme une pièce jointe du dossier")
            .Produces<Documents.AttachmentRow>(StatusCodes.Status201Created)
            .WithMetadata(Plan(writes: true));

        api.MapPost("/plan-versions/{versionId:guid}/documents/{edition}", async (Guid versionId, string edition, string? format, GeneratePlanDocument handler, CancellationToken ct) =>
                (await handler.HandleAsync(versionId, edition, format, ct)).ToHttp(v => TypedResults.Created($"/api/v1/documents/{v.Id}", v)))
            .WithTags(Tag).WithName("GeneratePlanDocument")
            .WithSummary("Produire le document d'une version validée : edition « complet », « enfant » (facile à lire, selon l'âge) ou « parents » ; format pdf ou docx")
            .Produces<Documents.GeneratedDocumentView>(StatusCodes.Status201Created)
            .WithMetadata(Plan(writes: true));
    }

    public IEnumerable<DemoSeedStep> DemoSeedSteps => [new(450, "projets pour l'enfant", DemoPlansStep.RunAsync)];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Projet pour l'enfant", 1500, 1599, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.PlanCreated] = "PPE ouvert",
            [AuditEventType.PlanUpdated] = "PPE modifié",
            [AuditEventType.PlanViewed] = "Consultation du PPE",
            [AuditEventType.PlanGoalAdded] = "Objectif du PPE ajouté",
            [AuditEventType.PlanGoalUpdated] = "Objectif du PPE modifié",
            [AuditEventType.PlanActionAdded] = "Action du PPE ajoutée",
            [AuditEventType.PlanActionUpdated] = "Action du PPE modifiée",
            [AuditEventType.PlanValidated] = "PPE validé",
            [AuditEventType.PlanSigned] = "Signature du PPE enregistrée",
            [AuditEventType.PlanVersionViewed] = "Consultation d'une version du PPE",
        }),
    ];
}
