using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Journal;
using Ariane.Web.Features.Demo;
using Ariane.Web.Features.Documents;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// The journal of the child's daily life (docs/domain.md, Journal): dated entries by type, each in its own section,
/// the timeline with its filters, the phone form and its short « après la visite » version, and the API through which
/// an establishment's own software pushes its entries.
/// </summary>
public sealed class JournalModule : IArianeModule
{
    public int Order => 270;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<RecordJournalEntry>();
        services.AddScoped<CorrectJournalEntry>();
        services.AddScoped<AttachToJournalEntry>();
        services.AddScoped<GetJournalEntry>();
        services.AddScoped<JournalTimeline>();
        services.AddScoped<JournalForm>();
        services.AddScoped<FosterChildren>();
        services.AddOptions<JournalOptions>().BindConfiguration("Journal");
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Tag = "Journal";
        api.MapPost("/children/{childId:guid}/journal", async (Guid childId, JournalEntryRequest request, RecordJournalEntry handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/journal/{v.Id}", v)))
            .WithTags(Tag).WithName("RecordJournalEntry")
            .WithSummary("Écrire une note au journal de l'enfant (type, date et heure, faits, analyse ; section santé pour les professionnels de santé, avec son résumé pratique)")
            .Produces<JournalEntryView>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { OpensFor = AccessOperation.Read });

        api.MapGet("/children/{childId:guid}/journal", async (Guid childId, JournalEntryKind? kind, DateOnly? from, DateOnly? to, string? after, JournalTimeline handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, new JournalFilter(kind, from, to, after), ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListJournalEntries")
            .WithSummary("Le journal de l'enfant, du plus récent au plus ancien, par pages de 50 (curseur next) ; filtres : type, période (from, to)")
            .Produces<JournalPage>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapGet("/journal/{entryId:guid}", async (Guid entryId, GetJournalEntry handler, CancellationToken ct) =>
                (await handler.HandleAsync(entryId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("GetJournalEntry")
            .WithSummary("Une note du journal ; une note de santé ne montre aux autres que sa date, son type, son auteur et son résumé pratique")
            .Produces<JournalEntryView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPut("/journal/{entryId:guid}", async (Guid entryId, JournalEntryRequest request, CorrectJournalEntry handler, CancellationToken ct) =>
                (await handler.HandleAsync(entryId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("CorrectJournalEntry")
            .WithSummary("Corriger sa propre note (version requise) ; sa section ne change pas")
            .Produces<JournalEntryView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        // The form is read by the handler, after the gate; the file goes into the entry's own section.
        api.MapPost("/journal/{entryId:guid}/attachments", async (Guid entryId, HttpRequest request, AttachToJournalEntry handler, CancellationToken ct) =>
                (await handler.HandleAsync(entryId, request, ct)).ToHttp(a => TypedResults.Created($"/api/v1/children/{a.ChildId}/attachments/{a.Id}", a)))
            .WithTags(Tag).WithName("AttachToJournalEntry")
            .WithSummary("Joindre un fichier à sa propre note (multipart : file) ; il prend la section de la note (santé pour une note de santé), 5 fichiers au plus")
            .Produces<AttachmentRow>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { OpensFor = AccessOperation.Read });
    }

    public IEnumerable<NavigationEntry> Navigation =>
    [
        NavigationEntry.For(102, "Mes enfants accueillis", "/Journal/Foster", Permission.RecordIncident),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Journal", 1600, 1699, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.JournalEntryRecorded] = "Note du journal écrite",
            [AuditEventType.JournalEntryUpdated] = "Note du journal corrigée",
            [AuditEventType.JournalEntryViewed] = "Consultation d'une note du journal",
            [AuditEventType.JournalListed] = "Consultation du journal",
            [AuditEventType.JournalEntryRemoved] = "Note du journal supprimée",
        }),
    ];

    public IEnumerable<DemoSeedStep> DemoSeedSteps => [new(500, "journal", DemoJournalStep.RunAsync)];
}
