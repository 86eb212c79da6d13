using Ariane.Core.Access;
using Ariane.Web.Features.Access;
using Ariane.Web.Features.Audit;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ariane.Web.Features.Children;

/// <summary>REST API of the child record: the same handlers as the pages, so the same policy and audit.</summary>
public static class ChildrenApi
{
    public static RouteGroupBuilder MapChildrenApi(this RouteGroupBuilder api)
    {
        var children = api.MapGroup("/children").WithTags("Enfants");

        children.MapGet("/", async ([AsParameters] SearchChildrenQuery q, SearchChildren handler, CancellationToken ct) =>
                (await handler.HandleAsync(q.ToRequest(), ct)).ToHttp(TypedResults.Ok))
            .WithName("SearchChildren").WithSummary("Rechercher des enfants (accents, tirets, ordre des noms, orthographe approchée, numéro de dossier, date partielle)")
            .WithDescription("« q » : noms dans n'importe quel ordre, avec ou sans accents ; un nom mal orthographié est trouvé par sa prononciation (« roland » trouve Rolland), après les noms exacts (« matchedBySound »). Un numéro de dossier entier (« 99-2026-000123 ») ou sa fin (« 2026-000123 », « 000123 ») ; une date de naissance parmi les mots. « mine=true » : seulement les enfants sur lesquels vous êtes nommé(e) ou qui vous sont délégués. Chaque ligne donne l'âge, la commune de l'adresse actuelle, les services affectés, le référent et la fratrie trouvée par la même recherche.")
            .Produces<ChildPage>().ProducesValidationProblem()
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapPost("/", async (CreateChildRequest request, CreateChild handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => r.Created is null
                    ? TypedResults.Conflict(new { title = "Doublons probables : vérifiez puis renvoyez avec confirmNotDuplicate = true.", duplicates = r.Duplicates })
                    : TypedResults.Created($"/api/v1/children/{r.Created.Id}", r.Created)))
            .WithName("CreateChild").WithSummary("Créer un enfant (signale d'abord les doublons probables)")
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapGet("/{childId:guid}", async (Guid childId, GetChild handler, CancellationToken ct) =>
                await handler.HandleAsync(childId, ct) is var result && result.Current is ChildMergedInto merged
                    ? MergedProblem(merged)
                    : result.ToHttp(TypedResults.Ok))
            .WithName("GetChild").WithSummary("Ouvrir le dossier d'un enfant (section identité)")
            .WithDescription("Un dossier fusionné dans un autre répond 404 avec « mergedIntoId » et « mergedIntoDossierNumber » : le dossier à ouvrir.")
            .Produces<ChildRecord>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapPut("/{childId:guid}", async (Guid childId, UpdateChildRequest request, UpdateChild handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateChild").WithSummary("Modifier l'identité (version requise : 409 en cas de conflit)")
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapPost("/{childId:guid}/linked-persons", async (Guid childId, SaveLinkedPersonRequest request, SaveLinkedPerson handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, null, request, ct)).ToHttp(p => TypedResults.Created($"/api/v1/children/{childId}/linked-persons/{p.Id}", p)))
            .WithName("AddLinkedPerson").WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapPut("/{childId:guid}/linked-persons/{personId:guid}", async (Guid childId, Guid personId, SaveLinkedPersonRequest request, SaveLinkedPerson handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, personId, request, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateLinkedPerson").WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapDelete("/{childId:guid}/linked-persons/{personId:guid}", async (Guid childId, Guid personId, RemoveLinkedPerson handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, personId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("RemoveLinkedPerson").WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapPost("/{childId:guid}/addresses", async (Guid childId, AddressInput input, AddAddress handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, input, ct)).ToHttp(a => TypedResults.Created($"/api/v1/children/{childId}/addresses/{a.Id}", a)))
            .WithName("AddAddress").WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapPost("/{childId:guid}/assignments", async (Guid childId, AssignmentInput input, ManageAssignments handler, CancellationToken ct) =>
                (await handler.AssignAsync(childId, input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/children/{childId}", new { id })))
            .WithName("AddAssignment").WithSummary("Affecter un service ou nommer un professionnel")
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        api.MapGet("/assignment-motives", async (ManageAssignments handler, CancellationToken ct) => TypedResults.Ok(await handler.MotivesAsync(ct)))
            .WithTags("Enfants").WithName("ListAssignmentMotives").WithSummary("Motifs d'affectation proposés (code à donner dans « motive »)")
            .WithMetadata(new NoChildDataAttribute());

        children.MapPost("/{childId:guid}/assignments/{assignmentId:guid}/end", async (Guid childId, Guid assignmentId, EndAssignmentRequest request, ManageAssignments handler, CancellationToken ct) =>
                (await handler.EndAsync(childId, assignmentId, request.EndsOn, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("EndAssignment").WithMetadata(new AuditedChildDataAttribute(Section.Identity));

        children.MapPost("/{childId:guid}/merge", async (Guid childId, MergeChildrenRequest request, MergeChildren handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(TypedResults.Ok))
            .WithName("MergeChildren").WithSummary("Fusionner dans ce dossier un autre dossier du même enfant (CRIP, cadre)")
            .WithDescription("Tout ce qui est rattaché à « absorbedChildId » (personnes liées, adresses, affectations, IP, évaluations, documents…) passe à ce dossier, avec son historique ; un doublon (la même IP sur les deux dossiers) est retiré. Le dossier absorbé est conservé, marqué fusionné : il ne sort plus dans les listes, son numéro mène à ce dossier. Motif obligatoire ; tracé sur les deux dossiers.")
            .Produces<ChildMergeDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity) { Writes = true });

        children.MapPost("/{childId:guid}/break-glass", async (Guid childId, BreakGlassRequest request, OpenBreakGlass handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(until => TypedResults.Ok(new { until })))
            .WithName("BreakGlass").WithSummary("Accès d'urgence motivé, limité dans le temps, qui alerte le cadre et le DPO")
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity), new OutsideChildGateAttribute(BreakGlassReason));

        children.MapGet("/{childId:guid}/access-log", async (Guid childId, long? before, int? pageSize, ChildAccessLog handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, before, pageSize ?? 50, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChildAccessLog").WithSummary("Qui a consulté ce dossier")
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity), new OutsideChildGateAttribute(Audit.ChildLogModel.OutsideGateReason));

        return api;
    }

    /// <summary>A merged record: 404, naming the record to open instead (for a reader of that record only: GetChild decided).</summary>
    private static ProblemHttpResult MergedProblem(ChildMergedInto merged) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Dossier fusionné.",
        Detail = merged.Message,
        Extensions = { ["mergedIntoId"] = merged.SurvivorId, ["mergedIntoDossierNumber"] = merged.SurvivorDossierNumber },
    });

    /// <summary>Break-the-glass is asked precisely by someone with no link to the child yet.</summary>
    public const string BreakGlassReason = "l'accès d'urgence est demandé sans lien avec l'enfant ; OpenBreakGlass décide et trace";
}

public sealed class SearchChildrenQuery
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "birthDate")]
    public string? BirthDate { get; set; }

    /// <summary>Only the children the user is named on, or that a colleague delegated to them (« Mes enfants »).</summary>
    [FromQuery(Name = "mine")]
    public bool? Mine { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }

    public SearchChildrenRequest ToRequest() => new() { Q = Q, BirthDate = BirthDate, Mine = Mine ?? false, After = After, PageSize = PageSize ?? 25 };
}

public sealed record EndAssignmentRequest(DateOnly EndsOn);
