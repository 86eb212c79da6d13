using System.Globalization;
using Ariane.Core.Audit;
using Ariane.Core.Notifications;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Notifications;

/// <summary>
/// A notification to write. <paramref name="Title"/> and <paramref name="Text"/> must name no child and hold no
/// personal data (IP numbers, dates and counts only): they appear in the bell of every page and are not audited.
/// <paramref name="DedupKey"/> is unique per recipient: sending it again does nothing.
/// </summary>
public sealed record NotificationDraft(Guid RecipientId, NotificationKind Kind, string Title, string Text, string Link, Guid? SourceId, string DedupKey);

/// <summary>
/// Writes notifications, once each, delivered as each recipient chose (NotificationTiming): at once, after the quiet
/// hours, or held in the day's digest — one summary notification per recipient and day, carrying the held ones.
/// Bounded queries per batch of <see cref="BatchSize"/> drafts, whatever the number of recipients.
/// </summary>
public sealed class NotificationSender(AppDbContext db, TimeProvider time)
{
    public const int BatchSize = 400;

    /// <summary>Writes the drafts not already written; answers how many were new.</summary>
    public async Task<int> SendAsync(IReadOnlyCollection<NotificationDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var written = 0;
        foreach (var batch in drafts.DistinctBy(d => (d.RecipientId, d.DedupKey)).Chunk(BatchSize))
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    written += await SendBatchAsync(batch, cancellationToken);
                    break;
                }
                catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && attempt < 2)
                {
                    // Another run wrote some of them in the meantime: read again what exists, write the rest.
                    db.ChangeTracker.Clear();
                }
            }
        }

        return written;
    }

    private async Task<int> SendBatchAsync(NotificationDraft[] batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var recipients = batch.Select(d => d.RecipientId).Distinct().ToList();
        var keys = batch.Select(d => d.DedupKey).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking()
                .Where(n => recipients.Contains(n.RecipientId) && keys.Contains(n.DedupKey))
                .Select(n => new { n.RecipientId, n.DedupKey })
                .ToListAsync(cancellationToken))
            .Select(n => (n.RecipientId, n.DedupKey)).ToHashSet();
        var fresh = batch.Where(d => !existing.Contains((d.RecipientId, d.DedupKey))).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var freshRecipients = fresh.Select(d => d.RecipientId).Distinct().ToList();
        var preferences = await db.NotificationPreferences.AsNoTracking()
            .Where(p => freshRecipients.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        NotificationPreference PreferenceOf(Guid userId) => preferences.GetValueOrDefault(userId) ?? NotificationPreference.Defaults(userId);

        var held = new List<(NotificationDraft Draft, Notification Row)>();
        foreach (var draft in fresh)
        {
            var preference = PreferenceOf(draft.RecipientId);
            var row = new Notification
            {
                RecipientId = draft.RecipientId,
                Kind = draft.Kind,
                Title = draft.Title,
                Text = draft.Text,
                Link = draft.Link,
                SourceId = draft.SourceId,
                DedupKey = draft.DedupKey,
                CreatedAt = now,
            };
            if (preference.Delivery == NotificationDelivery.DailyDigest && !Notification.IsUrgent(draft.Kind))
            {
                held.Add((draft, row));
            }
            else
            {
                row.VisibleFrom = NotificationTiming.AfterQuietHours(now, preference);
            }

            db.Notifications.Add(row);
        }

        var digests = await AttachToDigestsAsync(held, PreferenceOf, now, cancellationToken);
        db.Audit.Record(AuditEventType.NotificationsCreated,
            details: string.Create(CultureInfo.InvariantCulture, $$"""{"count":{{fresh.Count}},"recipients":{{freshRecipients.Count}},"digests":{{digests}}}"""));
        await db.SaveChangesAsync(cancellationToken);
        return fresh.Count;
    }

    /// <summary>Puts the held notifications in their recipient's coming digest, created or updated; answers how many digests.</summary>
    private async Task<int> AttachToDigestsAsync(
        List<(NotificationDraft Draft, Notification Row)> held, Func<Guid, NotificationPreference> preferenceOf, DateTime now, CancellationToken cancellationToken)
    {
        if (held.Count == 0)
        {
            return 0;
        }

        var slots = held.Select(h => h.Draft.RecipientId).Distinct()
            .ToDictionary(id => id, id => NotificationTiming.DigestSlot(now, preferenceOf(id)));
        var recipients = slots.Keys.ToList();
        var keys = slots.Values.Select(s => DigestKey(s.Day)).Distinct().ToList();
        var digests = await db.Notifications
            .Where(n => recipients.Contains(n.RecipientId) && keys.Contains(n.DedupKey))
            .ToListAsync(cancellationToken);
        var digestIds = digests.Select(d => d.Id).ToList();
        var counts = (await db.Notifications.AsNoTracking()
                .Where(n => n.DigestId != null && digestIds.Contains(n.DigestId.Value))
                .GroupBy(n => new { n.DigestId, n.Kind })
                .Select(g => new { g.Key.DigestId, g.Key.Kind, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.DigestId!.Value);

        foreach (var group in held.GroupBy(h => h.Draft.RecipientId))
        {
            var (day, visibleFrom) = slots[group.Key];
            var digest = digests.SingleOrDefault(d => d.RecipientId == group.Key && d.DedupKey == DigestKey(day));
            var byKind = new Dictionary<NotificationKind, int>();
            if (digest is null)
            {
                digest = new Notification
                {
                    RecipientId = group.Key,
                    Kind = NotificationKind.Digest,
                    Title = string.Empty,
                    Text = string.Empty,
                    Link = "/Notifications",
                    DedupKey = DigestKey(day),
                    CreatedAt = now,
                    VisibleFrom = visibleFrom,
                };
                db.Notifications.Add(digest);
            }
            else
            {
                foreach (var c in counts[digest.Id])
                {
                    byKind[c.Kind] = c.Count;
                }

                // New content in a digest already delivered: it is news again.
                digest.ReadAt = null;
            }

            foreach (var (draft, row) in group)
            {
                row.DigestId = digest.Id;
                byKind[draft.Kind] = byKind.GetValueOrDefault(draft.Kind) + 1;
            }

            (digest.Title, digest.Text) = DigestWording(day, byKind);
        }

        return slots.Count;
    }

    public static string DigestKey(DateOnly day) => "digest:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>« Résumé du 02/09/2026 : 3 notifications » and, per kind, « 2 échéances d'évaluation proches, 1 IP à qualifier ».</summary>
    public static (string Title, string Text) DigestWording(DateOnly day, IReadOnlyDictionary<NotificationKind, int> byKind)
    {
        ArgumentNullException.ThrowIfNull(byKind);
        var total = byKind.Values.Sum();
        var parts = byKind.Where(k => k.Value > 0).OrderBy(k => k.Key).Select(k => KindCount(k.Key, k.Value));
        return ($"Résumé du {Shared.Format.Date(day)} : {total} notification{(total > 1 ? "s" : "")}", string.Join(", ", parts) + ".");
    }

    private static string KindCount(NotificationKind kind, int n) => kind switch
    {
        NotificationKind.AssessmentDueSoon => n > 1 ? $"{n} échéances d'évaluation proches" : "1 échéance d'évaluation proche",
        NotificationKind.AssessmentOverdue => n > 1 ? $"{n} évaluations en retard" : "1 évaluation en retard",
        NotificationKind.ConcernToQualify => n > 1 ? $"{n} IP à qualifier" : "1 IP à qualifier",
        NotificationKind.MeasureDeadline => n > 1 ? $"{n} échéances de mesure" : "1 échéance de mesure",
        NotificationKind.PlacementWithoutMeasure => n > 1 ? $"{n} placements sans mesure en vigueur" : "1 placement sans mesure en vigueur",
        NotificationKind.PlanDue => n > 1 ? $"{n} projets pour l'enfant à établir" : "1 projet pour l'enfant à établir",
        NotificationKind.ReportDue => n > 1 ? $"{n} rapports de situation à rédiger" : "1 rapport de situation à rédiger",
        _ => $"{n} autre{(n > 1 ? "s" : "")}",
    };
}
