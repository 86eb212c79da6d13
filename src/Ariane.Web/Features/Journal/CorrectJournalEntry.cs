using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// Corrects an entry: only its author, while they may still write its section of the child's record, and on the
/// version they read (two corrections at once give a conflict, not an overwrite). The section stays as written:
/// a health entry never becomes readable by everyone through a correction. The audit keeps the old and new text.
/// </summary>
public sealed class CorrectJournalEntry(AppDbContext db, ChildAccess access, GetJournalEntry get, TimeProvider time)
{
    public async Task<Result<JournalEntryView>> HandleAsync(Guid entryId, JournalEntryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await db.JournalEntries.AsNoTracking().Where(e => e.Id == entryId).Select(e => new { e.ChildId, e.Section, e.AuthorUserId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Result<JournalEntryView>.NotFound();
        }

        var opening = await access.OpenAsync(found.ChildId, AccessOperation.Write, found.Section, cancellationToken);
        if (!opening.Allowed || found.AuthorUserId != opening.Subject.UserId)
        {
            return opening.Permits(AccessOperation.Read, Section.Social) ? Result<JournalEntryView>.Forbidden() : Result<JournalEntryView>.NotFound();
        }

        if (request.Section is { } asked && asked != found.Section)
        {
            return Result<JournalEntryView>.Invalid("section", "La partie du dossier d'une note ne change pas : écrivez une nouvelle note.");
        }

        var errors = JournalInput.Validate(request, found.Section, time.GetUtcNow().UtcDateTime, out var occurredAt);
        await JournalInput.CheckGoalAsync(db, found.ChildId, request, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<JournalEntryView>.Invalid(errors);
        }

        var entry = await db.JournalEntries.SingleAsync(e => e.Id == entryId, cancellationToken);
        if (entry.Version != request.Version)
        {
            return await ConflictAsync(entryId, cancellationToken);
        }

        db.Entry(entry).Property(e => e.Version).OriginalValue = request.Version;
        JournalInput.Apply(entry, request, occurredAt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(entryId, cancellationToken);
        }

        return Result<JournalEntryView>.Ok(JournalInput.FullView(entry, mayCorrect: true));
    }

    /// <summary>The entry as it now stands, read (and so audited) like any other reading of it.</summary>
    private async Task<Result<JournalEntryView>> ConflictAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var current = await get.HandleAsync(entryId, cancellationToken);
        return current.Value is { } view ? Result<JournalEntryView>.Conflict(view) : Result<JournalEntryView>.NotFound();
    }
}
