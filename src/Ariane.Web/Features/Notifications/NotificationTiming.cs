using Ariane.Core.Notifications;
using Ariane.Web.Features.Shared;

namespace Ariane.Web.Features.Notifications;

/// <summary>
/// When a notification is delivered — becomes visible and counted — given the recipient's choices. Pure: the caller
/// gives the instant. Quiet hours and the digest time are Paris wall-clock times; the results are UTC instants.
/// </summary>
public static class NotificationTiming
{
    /// <summary><paramref name="utc"/>, or the end of the quiet hours when it falls inside them.</summary>
    public static DateTime AfterQuietHours(DateTime utc, NotificationPreference preference)
    {
        ArgumentNullException.ThrowIfNull(preference);
        if (!preference.HasQuietHours)
        {
            return utc;
        }

        var (from, until) = (preference.QuietFrom!.Value, preference.QuietUntil!.Value);
        var local = Format.ToParis(utc);
        var at = TimeOnly.FromDateTime(local);
        var day = DateOnly.FromDateTime(local);
        var overMidnight = from > until;
        var quiet = overMidnight ? at >= from || at < until : at >= from && at < until;
        if (!quiet)
        {
            return utc;
        }

        // 20:00–08:00 at 22:00: the end is tomorrow morning; at 06:00, this morning.
        var endDay = overMidnight && at >= from ? day.AddDays(1) : day;
        return Format.FromParis(endDay.ToDateTime(until));
    }

    /// <summary>
    /// The digest a notification held at <paramref name="nowUtc"/> joins: the next digest time (today's if it is still
    /// to come, else tomorrow's), and when that digest is delivered (after quiet hours, should they cover it).
    /// </summary>
    public static (DateOnly Day, DateTime VisibleFrom) DigestSlot(DateTime nowUtc, NotificationPreference preference)
    {
        ArgumentNullException.ThrowIfNull(preference);
        var day = DateOnly.FromDateTime(Format.ToParis(nowUtc));
        var at = Format.FromParis(day.ToDateTime(preference.DigestAt));
        if (at < nowUtc)
        {
            day = day.AddDays(1);
            at = Format.FromParis(day.ToDateTime(preference.DigestAt));
        }

        return (day, AfterQuietHours(at, preference));
    }
}
