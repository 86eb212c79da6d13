using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Reports;
using Ariane.Web.Features.Demo;
using Ariane.Web.Features.Documents;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// Rapports de situation and de fin de mesure (docs/domain.md §2.6), pre-filled from the record, validated by a cadre,
/// produced as PDF and DOCX; their transmission to a court's inbox in Ariane (or the dispatch recorded), opened and
/// acknowledged there (§6).
/// </summary>
public sealed class ReportsModule : IArianeModule
{
    public int Order => 275;

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration("Reports");
        services.AddScoped<ReportPrefiller>();
        services.AddScoped<ChildReports>();
        services.AddScoped<DraftReport>();
        services.AddScoped<GetReport>();
        services.AddScoped<UpdateReport>();
        services.AddScoped<ValidateReport>();
        services.AddScoped<GenerateReportDocument>();
        services.AddScoped<TransmitDocument>();
        services.AddScoped<CourtInbox>();
        services.AddScoped<FollowUpBoard>();
        services.AddScoped<OpenTransmission>();
        services.AddScoped<AcknowledgeTransmission>();
        services.AddSingleton<FollowUpDeadlineAlerts>();
        services.AddSingleton<Infrastructure.Jobs.IJob>(sp => sp.GetRequiredService<FollowUpDeadlineAlerts>());
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Tag = "Rapports";
        api.MapGet("/children/{childId:guid}/reports", async (Guid childId, ChildReports handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ListChildReports")
            .WithSummary("Les rapports de l'enfant et la date du prochain rapport de situation dû")
            .Produces<ChildReportsView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/children/{childId:guid}/reports", async (Guid childId, DraftReportRequest request, DraftReport handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/reports/{v.Id}", v)))
            .WithTags(Tag).WithName("DraftReport")
            .WithSummary("Ouvrir un rapport (de situation ou de fin de mesure) pré-rempli depuis le dossier pour la période")
            .Produces<ReportRow>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapGet("/reports/{reportId:guid}", async (Guid reportId, GetReport handler, CancellationToken ct) =>
                (await handler.HandleAsync(reportId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("GetReport")
            .WithSummary("Un rapport : ce que le dossier a pré-rempli, ce que l'auteur a écrit, ses documents et transmissions")
            .Produces<ReportView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPut("/reports/{reportId:guid}", async (Guid reportId, ReportRequest request, UpdateReport handler, CancellationToken ct) =>
                (await handler.HandleAsync(reportId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("UpdateReport")
            .WithSummary("Compléter un brouillon : évaluation par domaine et autonomie, appréciation du PPE, propositions, faits marquants ; version requise")
            .Produces<ReportView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/reports/{reportId:guid}/validation", async (Guid reportId, Plans.PlanValidationRequest request, ValidateReport handler, CancellationToken ct) =>
                (await handler.HandleAsync(reportId, request.Version, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("ValidateReport")
            .WithSummary("Valider un rapport (cadre du département) : il est figé ; version requise")
            .Produces<ReportView>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/reports/{reportId:guid}/documents", async (Guid reportId, string? format, GenerateReportDocument handler, CancellationToken ct) =>
                (await handler.HandleAsync(reportId, format, ct)).ToHttp(v => TypedResults.Created($"/api/v1/documents/{v.Id}", v)))
            .WithTags(Tag).WithName("GenerateReportDocument")
            .WithSummary("Produire le document d'un rapport validé, en pdf ou docx")
            .Produces<GeneratedDocumentView>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/documents/{documentId:guid}/transmissions", async (Guid documentId, TransmissionRequest request, TransmitDocument handler, CancellationToken ct) =>
                (await handler.HandleAsync(documentId, request, ct)).ToHttp(v => TypedResults.Created($"/api/v1/documents/{documentId}", v)))
            .WithTags(Tag).WithName("TransmitDocument")
            .WithSummary("Transmettre un document à une juridiction par Ariane, ou enregistrer un envoi fait autrement (destinataire, moyen)")
            .Produces<TransmissionRow>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapGet("/follow-up/due", async (FollowUpKind? kind, bool? mine, string? after, FollowUpBoard handler, CancellationToken ct) =>
                (await handler.HandleAsync(kind, mine == true, after, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("FollowUpDue")
            .WithSummary("Les échéances du suivi : PPE à établir et rapports de situation à rédiger dans les 30 jours ou en retard (kind PlanDue ou ReportDue, mine : ceux dont on est référent) ; par pages de 50")
            .Produces<FollowUpBoardPage>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapGet("/court/inbox", async (CourtInbox handler, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("CourtInbox")
            .WithSummary("La boîte de réception de la juridiction : les documents qui lui ont été transmis")
            .Produces<IReadOnlyList<CourtInboxRow>>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapGet("/court/transmissions/{transmissionId:guid}/document", async (Guid transmissionId, OpenTransmission handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(transmissionId, ct)).ToHttp(f => DocumentsModule.Send(http, f)))
            .WithTags(Tag).WithName("OpenTransmission")
            .WithSummary("Ouvrir un document transmis à sa juridiction (tracé)")
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/court/transmissions/{transmissionId:guid}/acknowledgement", async (Guid transmissionId, AcknowledgeTransmission handler, CancellationToken ct) =>
                (await handler.HandleAsync(transmissionId, ct)).ToHttp(TypedResults.Ok))
            .WithTags(Tag).WithName("AcknowledgeTransmission")
            .WithSummary("Accuser réception d'un document transmis")
            .Produces<CourtInboxRow>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });
    }

    public IEnumerable<DemoSeedStep> DemoSeedSteps =>
    [
        new(460, "rapports de situation", DemoReportsStep.RunAsync),
        new(520, "échéances du suivi", DemoReportsStep.DeadlinesAsync),
    ];

    public IEnumerable<NavigationEntry> Navigation =>
    [
        NavigationEntry.For(108, "Échéances du suivi", "/Reports/Due", Permission.RecordMeasure),
        NavigationEntry.For(125, "Documents reçus", "/Reports/Inbox", Permission.ReceiveTransmissions),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Rapports et transmissions", 2200, 2299, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.ReportDrafted] = "Rapport ouvert",
            [AuditEventType.ReportUpdated] = "Rapport modifié",
            [AuditEventType.ReportViewed] = "Consultation d'un rapport",
            [AuditEventType.ReportValidated] = "Rapport validé",
            [AuditEventType.DocumentTransmitted] = "Document transmis",
            [AuditEventType.TransmissionUpdated] = "Transmission mise à jour",
            [AuditEventType.TransmissionOpened] = "Document transmis ouvert par la juridiction",
            [AuditEventType.TransmissionAcknowledged] = "Accusé de réception d'un document transmis",
            [AuditEventType.CourtInboxListed] = "Consultation des documents reçus",
            [AuditEventType.FollowUpBoardListed] = "Consultation des échéances du suivi",
        }),
    ];
}
