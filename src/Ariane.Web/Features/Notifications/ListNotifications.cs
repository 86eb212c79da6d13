using System.Globalization;
using Ariane.Core.Notifications;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Notifications;

public sealed record NotificationItem(Guid Id, NotificationKind Kind, string Title, string Text, string Link, DateTime DeliveredAt, bool IsRead);

public sealed record NotificationDto(
    Guid Id, NotificationKind Kind, string Title, string Text, string Link, DateTime DeliveredAt, DateTime? ReadAt, IReadOnlyList<NotificationItem> Items);

public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, int Unread, string? NextCursor);

/// <summary>
/// The signed-in user's delivered notifications, newest first, paged on (VisibleFrom, Id); a digest comes with the
/// notifications it carries. Two queries whatever the number of notifications. No child data: nothing to audit.
/// </summary>
public sealed class ListNotifications(AppDbContext db, CurrentUser currentUser, TimeProvider time)
{
    public const int PageSize = 20;

    public async Task<Result<NotificationPage>> HandleAsync(string? after, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } me)
        {
            return Result<NotificationPage>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me && n.VisibleFrom <= now);
        if (after is not null)
        {
            if (!Cursor.TryParse(after, out var at, out var id))
            {
                return Result<NotificationPage>.Invalid("after", "Le curseur de page n'est pas valide.");
            }

            query = query.Where(n => n.VisibleFrom < at || (n.VisibleFrom == at && n.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(n => n.VisibleFrom).ThenByDescending(n => n.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        rows = [.. rows.Take(PageSize)];
        var digestIds = rows.Where(r => r.Kind == NotificationKind.Digest).Select(r => r.Id).ToList();
        var carried = digestIds.Count == 0
            ? []
            : await db.Notifications.AsNoTracking().Where(n => n.RecipientId == me && n.DigestId != null && digestIds.Contains(n.DigestId.Value))
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var byDigest = carried.ToLookup(n => n.DigestId!.Value);
        var unread = await UnreadCountAsync(db, me, now, cancellationToken);
        var items = rows.Select(r => new NotificationDto(r.Id, r.Kind, r.Title, r.Text, r.Link, r.VisibleFrom!.Value, r.ReadAt,
            [.. byDigest[r.Id].Select(c => new NotificationItem(c.Id, c.Kind, c.Title, c.Text, c.Link, r.VisibleFrom!.Value, r.ReadAt is not null))])).ToList();
        return Result<NotificationPage>.Ok(new NotificationPage(items, unread, more ? Cursor.Format(rows[^1].VisibleFrom!.Value, rows[^1].Id) : null));
    }

    /// <summary>The bell's figure: one COUNT on the (RecipientId, ReadAt, VisibleFrom) index.</summary>
    public static Task<int> UnreadCountAsync(AppDbContext db, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null && n.VisibleFrom <= now, cancellationToken);
    }

    private static class Cursor
    {
        public static string Format(DateTime at, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{at.Ticks}.{id:N}");

        public static bool TryParse(string value, out DateTime at, out Guid id)
        {
            (at, id) = (default, default);
            var parts = value.Split('.');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || !Guid.TryParseExact(parts[1], "N", out id))
            {
                return false;
            }

            at = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
    }
}

/// <summary>The unread count of the signed-in user, for the layout's bell (one query per page).</summary>
public sealed class NotificationBell(AppDbContext db, CurrentUser currentUser, TimeProvider time)
{
    public async Task<int> UnreadAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is { } me ? await ListNotifications.UnreadCountAsync(db, me, time.GetUtcNow().UtcDateTime, cancellationToken) : 0;
}
