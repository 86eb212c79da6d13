using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Journal;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// A child's journal, newest first, by pages of 50 read by keyset on (occurred at, id) over the index of the same
/// columns: a child with 10,000 entries opens like a child with 10 (docs/performance.md, Journal). Filtered in SQL
/// by type and period and by what the reader may see (<see cref="JournalProjection"/>); one « journal consulté »
/// audit row per page. The team of an establishment reads it as the référent does: the policy decides, per child.
/// </summary>
public sealed class JournalTimeline(AppDbContext db, ChildAccess access)
{
    public async Task<Result<JournalPage>> HandleAsync(Guid childId, JournalFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<JournalPage>.NotFound();
        }

        if (filter.Kind is { } kind && !Enum.IsDefined(kind))
        {
            return Result<JournalPage>.Invalid("kind", "Choisissez un type de la liste.");
        }

        if ((filter.From is { } f && !JournalInput.InRange(f)) || (filter.To is { } t && !JournalInput.InRange(t)))
        {
            return Result<JournalPage>.Invalid(filter.From is { } bad && !JournalInput.InRange(bad) ? "from" : "to", "Vérifiez la date : elle est hors de la période possible.");
        }

        if (filter is { From: { } from, To: { } to } && to < from)
        {
            return Result<JournalPage>.Invalid("to", "La fin de la période doit suivre son début.");
        }

        var query = db.JournalEntries.AsNoTracking().Where(e => e.ChildId == childId);
        if (filter.Kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        if (filter.From is { } start)
        {
            var fromUtc = Format.FromParis(start.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.OccurredAt >= fromUtc);
        }

        if (filter.To is { } end)
        {
            var toUtc = Format.FromParis(end.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.OccurredAt < toUtc);
        }

        if (opening.RecordedBefore is { } cutoff)
        {
            query = query.Where(e => e.RecordedAt < cutoff);
        }

        if (JournalCursor.TryParse(filter.After, out var afterAt, out var afterId))
        {
            query = query.Where(e => e.OccurredAt < afterAt || (e.OccurredAt == afterAt && e.Id.CompareTo(afterId) < 0));
        }

        var writable = JournalProjection.Writable(opening);
        var rows = await JournalProjection.Select(query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id), db.PlanGoals, JournalProjection.For(opening), opening.Subject.UserId, writable)
            .Take(JournalCursor.PageSize + 1)
            .ToListAsync(cancellationToken);
        var more = rows.Count > JournalCursor.PageSize;
        var entries = await JournalAttachments.WithFilesAsync(db, [.. rows.Take(JournalCursor.PageSize).Select(JournalProjection.Labelled)], cancellationToken);
        var child = await JournalProjection.ChildAsync(db, opening, cancellationToken);
        db.Audit.Record(AuditEventType.JournalListed, childId, Section.Social, opening.Basis, details: $$"""{"shown":{{entries.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        var next = more ? JournalCursor.Format(entries[^1].OccurredAt, entries[^1].Id) : null;
        return Result<JournalPage>.Ok(new JournalPage(child, entries, next, writable.Count > 0 || JournalProjection.RecordsIncidentsOnly(opening), writable.Contains(Section.Health)));
    }
}
