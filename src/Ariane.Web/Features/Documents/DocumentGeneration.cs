using System.Security.Cryptography;
using System.Text.Json;
using Ariane.Core.Documents;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Documents;

/// <summary>What a generation request asks: the format (« pdf » or « docx »).</summary>
public static class DocumentFormats
{
    public static DocumentFileFormat? Parse(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "pdf" => DocumentFileFormat.Pdf,
        "docx" => DocumentFileFormat.Docx,
        _ => null,
    };

    public static string ContentType(DocumentFileFormat format) => format == DocumentFileFormat.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string Extension(DocumentFileFormat format) => format == DocumentFileFormat.Pdf ? "pdf" : "docx";

    public const string FormatError = "Le format demandé doit être « pdf » ou « docx ».";
}

/// <summary>A generation as the API returns it.</summary>
public sealed record GeneratedDocumentView(
    Guid Id, Guid GenerationId, DocumentKind Kind, LegalNature LegalNature, DocumentFileFormat Format, int Number,
    DocumentSourceKind SourceKind, Guid SourceId, string FileName, long Size, bool ContainsHealth,
    IReadOnlyList<RedactionTag> RedactionTags, string GeneratedByName, DateTime GeneratedAt, IReadOnlyList<Guid> ChildIds);

/// <summary>
/// Renders a document, stores its file and writes one <see cref="GeneratedDocument"/> row per child listed
/// (their « document généré » audit rows come with them). The number is the next one for the kind and source;
/// two generations at once that took the same number: the second answers a conflict and its file is removed.
/// </summary>
public sealed class DocumentGeneration(AppDbContext db, IFileStore files, CurrentUser currentUser, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public sealed record Request(
        DocumentKind Kind, LegalNature LegalNature, DocumentFileFormat Format, DocumentSourceKind SourceKind, Guid SourceId,
        string DepartementCode, string FileStem, DocumentContent Content, IReadOnlyList<Guid> ChildIds, IReadOnlySet<Guid> ChildrenWithHealth);

    public async Task<Result<GeneratedDocumentView>> StoreAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = request.Format == DocumentFileFormat.Pdf ? PdfRenderer.Render(request.Content) : DocxRenderer.Render(request.Content);
        var number = 1 + (await db.GeneratedDocuments.Where(d => d.Kind == request.Kind && d.SourceId == request.SourceId)
            .MaxAsync(d => (int?)d.Number, cancellationToken) ?? 0);
        string key;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            key = await files.PutAsync(stream, cancellationToken);
        }

        var generation = Guid.CreateVersion7();
        var now = time.GetUtcNow().UtcDateTime;
        var tags = JsonSerializer.Serialize(request.Content.RedactionTags, Json);
        var userId = currentUser.UserId ?? Guid.Empty;
        var name = await currentUser.DisplayNameAsync(cancellationToken);
        var fileName = $"{request.FileStem}-v{number}.{DocumentFormats.Extension(request.Format)}";
        var rows = request.ChildIds.Select(childId => new GeneratedDocument
        {
            ChildId = childId,
            GenerationId = generation,
            Kind = request.Kind,
            LegalNature = request.LegalNature,
            Format = request.Format,
            Number = number,
            SourceKind = request.SourceKind,
            SourceId = request.SourceId,
            DepartementCode = request.DepartementCode,
            FileName = fileName,
            ContentType = DocumentFormats.ContentType(request.Format),
            Size = bytes.Length,
            FileKey = key,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ContainsHealth = request.ChildrenWithHealth.Contains(childId),
            RedactionTags = tags,
            GeneratedByUserId = userId,
            GeneratedByName = name,
            GeneratedAt = now,
        }).ToList();
        db.GeneratedDocuments.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            await files.DeleteAsync(key, CancellationToken.None);
            return Result<GeneratedDocumentView>.Conflict(new { number });
        }

        return Result<GeneratedDocumentView>.Ok(View(rows));
    }

    public static GeneratedDocumentView View(IReadOnlyList<GeneratedDocument> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var d = rows[0];
        return new GeneratedDocumentView(d.Id, d.GenerationId, d.Kind, d.LegalNature, d.Format, d.Number, d.SourceKind, d.SourceId,
            d.FileName, d.Size, rows.Any(r => r.ContainsHealth), Tags(d.RedactionTags), d.GeneratedByName, d.GeneratedAt,
            [.. rows.Select(r => r.ChildId)]);
    }

    public static IReadOnlyList<RedactionTag> Tags(string json) => JsonSerializer.Deserialize<List<RedactionTag>>(json, Json) ?? [];
}
