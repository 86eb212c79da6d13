using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Documents;

/// <summary>
/// Documents and attachments (docs/decisions/0010-documents.md): the documents generated from the recorded
/// data (acknowledgement of an IP, evaluation report) as PDF or DOCX, every generation kept; the files attached
/// to a child's record in a section; the file store both use.
/// </summary>
public sealed class DocumentsModule : IArianeModule
{
    public int Order => 220;

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<FileStoreOptions>().BindConfiguration("Files");
        services.AddSingleton<IFileStore, FileSystemFileStore>();
        services.AddScoped<DocumentTemplates>();
        services.AddScoped<DocumentGeneration>();
        services.AddScoped<GenerateAcknowledgement>();
        services.AddScoped<GenerateAssessmentReport>();
        services.AddScoped<DownloadDocument>();
        services.AddScoped<ChildDocuments>();
        services.AddScoped<SourceDocuments>();
        services.AddScoped<AttachmentIntake>();
        services.AddScoped<UploadAttachment>();
        services.AddScoped<DownloadAttachment>();
        services.AddScoped<ChildAttachments>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/concerns/{concernId:guid}/documents/acknowledgement", async (Guid concernId, string? format, GenerateAcknowledgement handler, CancellationToken ct) =>
                (await handler.HandleAsync(concernId, format, ct)).ToHttp(d => TypedResults.Created($"/api/v1/documents/{d.Id}", d)))
            .WithTags("Documents").WithName("GenerateAcknowledgement")
            .WithSummary("Générer l'accusé de réception d'une IP pour le transmetteur (pdf ou docx) ; chaque génération est conservée")
            .Produces<GeneratedDocumentView>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/assessments/{assessmentId:guid}/documents/report", async (Guid assessmentId, string? format, GenerateAssessmentReport handler, CancellationToken ct) =>
                (await handler.HandleAsync(assessmentId, format, ct)).ToHttp(d => TypedResults.Created($"/api/v1/documents/{d.Id}", d)))
            .WithTags("Documents").WithName("GenerateAssessmentReport")
            .WithSummary("Générer le rapport d'évaluation (pdf ou docx), santé selon les droits de qui le génère ; chaque génération est conservée")
            .Produces<GeneratedDocumentView>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapGet("/documents/{documentId:guid}", async (Guid documentId, DownloadDocument handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(documentId, ct)).ToHttp(f => Send(http, f)))
            .WithTags("Documents").WithName("DownloadDocument")
            .WithSummary("Télécharger un document généré (chaque enfant qu'il cite doit être lisible ; santé si le document en contient)")
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapGet("/children/{childId:guid}/documents", async (Guid childId, ChildDocuments handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Documents").WithName("ListChildDocuments")
            .WithSummary("Les documents générés qui concernent l'enfant, les plus récents d'abord")
            .Produces<IReadOnlyList<DocumentRow>>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/children/{childId:guid}/attachments",
                async (Guid childId, HttpRequest request, UploadAttachment handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, null, ct)).ToHttp(a => TypedResults.Created($"/api/v1/children/{childId}/attachments/{a.Id}", a)))
            .WithTags("Pièces jointes").WithName("UploadAttachment")
            .WithSummary("Joindre un fichier au dossier (multipart : file, section, concernId facultatif) ; type reconnu au contenu, 10 Mo au plus")
            .Produces<AttachmentRow>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        // The form is read by the handler, after the gate (no binding, no content-type matching before it).
        // Health files have their own endpoint, gated on the health section: the professionals who write it
        // (health professionals) only read the social section, which the endpoint above asks to write.
        api.MapPost("/children/{childId:guid}/health-attachments",
                async (Guid childId, HttpRequest request, UploadAttachment handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, Section.Health, ct)).ToHttp(a => TypedResults.Created($"/api/v1/children/{childId}/attachments/{a.Id}", a)))
            .WithTags("Pièces jointes").WithName("UploadHealthAttachment")
            .WithSummary("Joindre un fichier à la section santé du dossier (professionnel de santé) ; type reconnu au contenu, 10 Mo au plus")
            .Produces<AttachmentRow>(StatusCodes.Status201Created)
            .WithMetadata(new AuditedChildDataAttribute(Section.Health) { Writes = true });

        api.MapGet("/children/{childId:guid}/attachments", async (Guid childId, ChildAttachments handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Pièces jointes").WithName("ListAttachments")
            .WithSummary("Les pièces jointes de l'enfant dans les sections que le lecteur peut lire (les autres ne sont pas citées)")
            .Produces<IReadOnlyList<AttachmentRow>>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapGet("/children/{childId:guid}/attachments/{attachmentId:guid}",
                async (Guid childId, Guid attachmentId, DownloadAttachment handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(childId, attachmentId, ct)).ToHttp(f => Send(http, f)))
            .WithTags("Pièces jointes").WithName("DownloadAttachment")
            .WithSummary("Télécharger une pièce jointe (la section de la pièce doit être lisible)")
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));
    }

    /// <summary>A file as a download, never displayed inline nor sniffed by the browser.</summary>
    public static IResult Send(HttpContext http, FileDownload file)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(file);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Documents et pièces jointes", 1700, 1799, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.DocumentGenerated] = "Document généré",
            [AuditEventType.DocumentDownloaded] = "Document téléchargé",
            [AuditEventType.DocumentsListed] = "Consultation de la liste des documents",
            [AuditEventType.AttachmentUploaded] = "Pièce jointe déposée",
            [AuditEventType.AttachmentDownloaded] = "Pièce jointe téléchargée",
            [AuditEventType.AttachmentsListed] = "Consultation de la liste des pièces jointes",
            [AuditEventType.AttachmentDeleted] = "Pièce jointe supprimée",
            [AuditEventType.DocumentTemplateChanged] = "Modèle de document modifié",
        }),
    ];
}
