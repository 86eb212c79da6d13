using Ariane.Core.Access;
using Ariane.Core.Journal;
using Ariane.Persistence;
using Ariane.Web.Features.Documents;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// Files of journal entries (docs/domain.md, Journal): an attachment of an entry is in the entry's section, so a
/// photo of a health entry is health. Listed with the entries read in full only, in one query per page.
/// </summary>
internal static class JournalAttachments
{
    /// <summary>At most this many files sent with one entry (a photo of the scene, a note from the school...).</summary>
    public const int MaxPerEntry = 5;

    public static async Task<List<JournalEntryView>> WithFilesAsync(AppDbContext db, IReadOnlyList<JournalEntryView> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Where(e => e.Visibility == JournalVisibility.Full).Select(e => e.Id).ToList();
        if (ids.Count == 0)
        {
            return [.. entries];
        }

        var files = await db.Attachments.AsNoTracking()
            .Where(a => a.JournalEntryId != null && ids.Contains(a.JournalEntryId.Value))
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new { EntryId = a.JournalEntryId!.Value, View = new JournalAttachmentView(a.Id, a.FileName, a.ContentType, a.Size) })
            .ToListAsync(cancellationToken);
        var byEntry = files.ToLookup(f => f.EntryId, f => f.View);
        return [.. entries.Select(e => byEntry.Contains(e.Id) ? e with { Attachments = [.. byEntry[e.Id]] } : e)];
    }
}

/// <summary>
/// Adds a file to one's own journal entry (the photo taken after the visit, the school's letter): the entry's author
/// only, while they may still write it; the file goes into the entry's section. Checked as every upload is
/// (<see cref="AttachmentIntake"/>); a refused file stores nothing.
/// </summary>
public sealed class AttachToJournalEntry(AppDbContext db, ChildAccess access, AttachmentIntake intake)
{
    public async Task<Result<AttachmentRow>> HandleAsync(Guid entryId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await db.JournalEntries.AsNoTracking().Where(e => e.Id == entryId).Select(e => new { e.ChildId, e.Section, e.AuthorUserId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Result<AttachmentRow>.NotFound();
        }

        var opening = await access.OpenAsync(found.ChildId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed || JournalRules.VisibilityFor(opening.LevelFor(found.Section)) == JournalVisibility.Hidden)
        {
            return Result<AttachmentRow>.NotFound();
        }

        if (found.AuthorUserId != opening.Subject.UserId || !JournalProjection.MayAttach(opening, found.Section))
        {
            // On record as any refused change, with the entry's section.
            await access.OpenAsync(found.ChildId, AccessOperation.Write, found.Section, cancellationToken);
            return Result<AttachmentRow>.Forbidden();
        }

        if (!request.HasFormContentType)
        {
            return Result<AttachmentRow>.Invalid("file", "Envoyez le fichier dans un formulaire multipart/form-data (champ file).");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (await db.Attachments.CountAsync(a => a.JournalEntryId == entryId, cancellationToken) >= JournalAttachments.MaxPerEntry)
        {
            return Result<AttachmentRow>.Invalid("file", $"Une note porte au plus {JournalAttachments.MaxPerEntry} fichiers.");
        }

        var (received, error) = await intake.ReadAsync(form.Files.GetFile("file"), accepted: null, notAccepted: null, cancellationToken);
        if (received is null)
        {
            return Result<AttachmentRow>.Invalid("file", error!);
        }

        var attachment = await intake.StoreAsync(received, found.ChildId, found.Section, cancellationToken);
        attachment.JournalEntryId = entryId;
        db.Attachments.Add(attachment);
        await intake.SaveAsync(db, [attachment], cancellationToken);
        return Result<AttachmentRow>.Ok(UploadAttachment.Row(attachment));
    }
}
