using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Documents;

/// <summary>A file to send: its content, its type as stored, the name offered.</summary>
public sealed record FileDownload(Stream Content, string ContentType, string FileName);

/// <summary>
/// Downloads a generated document. The file lists every child of its generation, so the reader must read the
/// social section of each of them, and the health section of those whose health content it shows; any refusal
/// answers « not found » (its « accès refusé » row written). One « document téléchargé » row per child.
/// </summary>
public sealed class DownloadDocument(AppDbContext db, ChildAccess access, IFileStore files)
{
    public async Task<Result<FileDownload>> HandleAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var document = await db.GeneratedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Result<FileDownload>.NotFound();
        }

        var rows = await db.GeneratedDocuments.AsNoTracking().Where(d => d.GenerationId == document.GenerationId)
            .OrderBy(d => d.ChildId).ToListAsync(cancellationToken);
        var allowed = new List<(Guid ChildId, Section Section, AccessBasis Basis)>();
        foreach (var row in rows)
        {
            var section = row.ContainsHealth ? Section.Health : Section.Social;
            var social = await access.OpenAsync(row.ChildId, AccessOperation.Read, Section.Social, cancellationToken);
            if (!social.Allowed || (social.RecordedBefore is { } cutoff && row.GeneratedAt >= cutoff))
            {
                return Result<FileDownload>.NotFound();
            }

            var opening = section == Section.Social ? social : await access.OpenAsync(row.ChildId, AccessOperation.Read, section, cancellationToken);
            if (!opening.Allowed)
            {
                return Result<FileDownload>.NotFound();
            }

            allowed.Add((row.ChildId, section, opening.Basis));
        }

        var content = await files.GetAsync(document.FileKey, cancellationToken);
        if (content is null)
        {
            return Result<FileDownload>.NotFound();
        }

        foreach (var (childId, section, basis) in allowed)
        {
            db.Audit.Record(AuditEventType.DocumentDownloaded, childId, section, basis, entityId: documentId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<FileDownload>.Ok(new FileDownload(content, document.ContentType, document.FileName));
    }
}
