using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Documents;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Documents;

public sealed record AttachmentRow(Guid Id, Section Section, Guid? ConcernId, string FileName, string ContentType, long Size, string UploadedByName, DateTime UploadedAt,
    Guid ChildId, Guid? JournalEntryId, Guid? PlanVersionId);

/// <summary>
/// Attaches a file to a child's record in a section (the reader must be allowed to write that section), optionally
/// to one of their IPs. The type is detected from the content: refused when not an accepted type, when the
/// declared type or the extension contradicts it, or when the file exceeds the configured size. Nothing is stored then.
/// </summary>
public sealed class UploadAttachment(AppDbContext db, ChildAccess access, AttachmentIntake intake)
{
    /// <summary>
    /// The API's multipart request (file, section, concernId), read only once the gate has let the request in;
    /// <paramref name="section"/> fixed by the endpoint (health) or taken from the form.
    /// </summary>
    public async Task<Result<AttachmentRow>> HandleAsync(Guid childId, HttpRequest request, Section? section, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return Result<AttachmentRow>.Invalid("file", "Envoyez le fichier dans un formulaire multipart/form-data (champs file, section).");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var chosen = section ?? (Enum.TryParse<Section>(form["section"].ToString(), ignoreCase: true, out var parsed) ? parsed : null);
        Guid? concernId = Guid.TryParse(form["concernId"].ToString(), out var concern) ? concern : null;
        return await HandleAsync(childId, form.Files.GetFile("file"), chosen, concernId, cancellationToken);
    }

    public async Task<Result<AttachmentRow>> HandleAsync(Guid childId, IFormFile? file, Section? section, Guid? concernId, CancellationToken cancellationToken)
    {
        if (section is not { } target || !Enum.IsDefined(target))
        {
            return Result<AttachmentRow>.Invalid("section", "Choisissez la partie du dossier où classer le fichier.");
        }

        var opening = await access.OpenAsync(childId, AccessOperation.Write, target, cancellationToken);
        if (!opening.Allowed)
        {
            return opening.Permits(AccessOperation.Read, Section.Social) ? Result<AttachmentRow>.Forbidden() : Result<AttachmentRow>.NotFound();
        }

        var (received, error) = await intake.ReadAsync(file, accepted: null, notAccepted: null, cancellationToken);
        if (received is null)
        {
            return Result<AttachmentRow>.Invalid("file", error!);
        }

        if (concernId is { } concern && !await db.ConcernChildren.AnyAsync(c => c.ConcernId == concern && c.ChildId == childId, cancellationToken))
        {
            return Result<AttachmentRow>.Invalid("concernId", "Cette information préoccupante ne concerne pas l'enfant.");
        }

        var attachment = await intake.StoreAsync(received, childId, target, cancellationToken);
        attachment.ConcernId = concernId;
        db.Attachments.Add(attachment);
        await intake.SaveAsync(db, [attachment], cancellationToken);
        return Result<AttachmentRow>.Ok(Row(attachment));
    }

    internal static AttachmentRow Row(Attachment a) =>
        new(a.Id, a.Section, a.ConcernId, a.FileName, a.ContentType, a.Size, a.UploadedByName, a.UploadedAt, a.ChildId, a.JournalEntryId, a.PlanVersionId);

    /// <summary>The name as offered back on download: no folder, no control or reserved character, at most 150 characters.</summary>
    public static string Sanitise(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var kept = new string([.. bare.Where(c => !char.IsControl(c) && "<>:\"/\\|?*".IndexOf(c, StringComparison.Ordinal) < 0)]).Trim().Trim('.').Trim();
        if (kept.Length > 150)
        {
            var extension = Path.GetExtension(kept);
            kept = kept[..(150 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }

        return kept.Length == 0 ? "fichier" : kept;
    }
}

/// <summary>
/// Downloads an attachment: the child is opened for reading the attachment's own section (a Health file is
/// « not found » for a reader without health, with its « accès refusé » row); one « pièce téléchargée » row.
/// </summary>
public sealed class DownloadAttachment(AppDbContext db, ChildAccess access, IFileStore files)
{
    public async Task<Result<FileDownload>> HandleAsync(Guid childId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ChildId == childId, cancellationToken);
        if (attachment is null)
        {
            return Result<FileDownload>.NotFound();
        }

        var opening = await access.OpenAsync(childId, AccessOperation.Read, attachment.Section, cancellationToken);
        if (!opening.Allowed || (opening.RecordedBefore is { } cutoff && attachment.UploadedAt >= cutoff))
        {
            return Result<FileDownload>.NotFound();
        }

        var content = await files.GetAsync(attachment.FileKey, cancellationToken);
        if (content is null)
        {
            return Result<FileDownload>.NotFound();
        }

        db.Audit.Record(AuditEventType.AttachmentDownloaded, childId, attachment.Section, opening.Basis, entityId: attachmentId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<FileDownload>.Ok(new FileDownload(content, attachment.ContentType, attachment.FileName));
    }
}

/// <summary>
/// The attachments of a child that the reader may read: those of a section they may not read are left out
/// (not even their name), so that a list never says more than the files it offers.
/// </summary>
public sealed class ChildAttachments(AppDbContext db, ChildAccess access)
{
    public async Task<Result<IReadOnlyList<AttachmentRow>>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<IReadOnlyList<AttachmentRow>>.NotFound();
        }

        var sections = Enum.GetValues<Section>().Where(s => opening.May(AccessOperation.Read, s)).ToList();
        var query = db.Attachments.AsNoTracking().Where(a => a.ChildId == childId && sections.Contains(a.Section));
        if (opening.RecordedBefore is { } cutoff)
        {
            query = query.Where(a => a.UploadedAt < cutoff);
        }

        var rows = await query.OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        db.Audit.Record(AuditEventType.AttachmentsListed, childId, Section.Social, opening.Basis);
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<AttachmentRow>>.Ok([.. rows.Select(UploadAttachment.Row)]);
    }
}
