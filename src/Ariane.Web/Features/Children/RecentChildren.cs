using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>
/// « Récemment consultés »: the records the user opened lately, newest first, each once, read from the
/// audit trail's « dossier consulté » rows (no second store of what a user did). Only those the user may
/// still read today are listed: an assignment that ended takes the child off the list. The listing is
/// audited like a search.
/// </summary>
public sealed class RecentChildren(AppDbContext db, ChildAccess access, CurrentUser currentUser, ChildListColumns columns)
{
    public const int MaxShown = 10;

    /// <summary>
    /// How far back the trail is read: the user's latest openings, so that the query reads a bounded slice
    /// of the (UserId, Sequence) index however long the user has worked. Enough for ten distinct records
    /// unless one was opened hundreds of times in between.
    /// </summary>
    private const int ViewsRead = 500;

    public async Task<IReadOnlyList<ChildListItem>> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = (await currentUser.SubjectAsync(cancellationToken)).UserId;
        var readable = await access.ReadableAsync(Section.Identity, cancellationToken);
        var views = db.AuditRecords.AsNoTracking()
            .Where(r => r.UserId == userId && r.EventType == AuditEventType.ChildViewed && r.ChildId != null)
            .OrderByDescending(r => r.Sequence)
            .Take(ViewsRead);
        var latest = views.GroupBy(r => r.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(r => r.Sequence) });
        var rows = await readable
            .Join(latest, c => (Guid?)c.Id, l => l.ChildId, (c, l) => new { Child = c, l.Last })
            .OrderByDescending(x => x.Last)
            .Take(MaxShown)
            .Select(x => x.Child)
            .ToListAsync(cancellationToken);
        var items = await columns.BuildAsync([.. rows.Select(c => (c, false))], siblingScope: null, cancellationToken);

        if (items.Count > 0)
        {
            db.Audit.Record(AuditEventType.ChildSearched, section: Section.Identity, details: JsonSerializer.Serialize(new { recent = true, results = items.Count }));
            await db.SaveChangesAsync(cancellationToken);
        }

        return items;
    }
}
