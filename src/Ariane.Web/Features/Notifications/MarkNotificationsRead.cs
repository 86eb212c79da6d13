using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Notifications;

/// <summary>
/// Marks one of the user's delivered notifications, or all of them, as read. Another user's notification, or one not
/// yet delivered, is unknown (404). Notifications are not audited data: a direct update.
/// </summary>
public sealed class MarkNotificationsRead(AppDbContext db, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<bool>> OneAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } me)
        {
            return Result<bool>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var mine = db.Notifications.Where(n => n.Id == notificationId && n.RecipientId == me && n.VisibleFrom <= now);
        if (!await mine.AnyAsync(cancellationToken))
        {
            return Result<bool>.NotFound();
        }

        await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return Result<bool>.Ok(true);
    }

    /// <summary>Answers how many were marked.</summary>
    public async Task<Result<int>> AllAsync(CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } me)
        {
            return Result<int>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var count = await db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null && n.VisibleFrom <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return Result<int>.Ok(count);
    }
}
