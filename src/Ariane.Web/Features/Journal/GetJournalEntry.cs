using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Journal;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// One entry, as its reader may see it: a health entry read by someone without health read shows its date, type,
/// author and practical summary only, and its audit row says so (section social); read in full, the row carries the
/// entry's own section. An entry of a section the reader may not know of is « not found ».
/// </summary>
public sealed class GetJournalEntry(AppDbContext db, ChildAccess access)
{
    public async Task<Result<JournalEntryView>> HandleAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var found = await db.JournalEntries.AsNoTracking().Where(e => e.Id == entryId).Select(e => new { e.ChildId, e.RecordedAt }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Result<JournalEntryView>.NotFound();
        }

        var opening = await access.OpenAsync(found.ChildId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed || (opening.RecordedBefore is { } cutoff && found.RecordedAt >= cutoff))
        {
            return Result<JournalEntryView>.NotFound();
        }

        var view = await JournalProjection.Select(db.JournalEntries.AsNoTracking().Where(e => e.Id == entryId), db.PlanGoals, JournalProjection.For(opening),
            opening.Subject.UserId, JournalProjection.Writable(opening)).SingleOrDefaultAsync(cancellationToken);
        if (view is null)
        {
            return Result<JournalEntryView>.NotFound();
        }

        var section = view.Visibility == JournalVisibility.Full ? view.Section : Section.Social;
        db.Audit.Record(AuditEventType.JournalEntryViewed, found.ChildId, section, opening.Basis, entityId: entryId,
            details: view.Visibility == JournalVisibility.Full ? null : """{"summaryOnly":true}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<JournalEntryView>.Ok((await JournalAttachments.WithFilesAsync(db, [JournalProjection.Labelled(view)], cancellationToken))[0]);
    }
}
