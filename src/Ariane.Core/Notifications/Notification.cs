using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Notifications;

/// <summary>What a notification is about; decides whether it may wait for the daily digest.</summary>
public enum NotificationKind
{
    /// <summary>An evaluation's due date is near (within the alert days).</summary>
    AssessmentDueSoon = 1,
    /// <summary>An evaluation's due date has passed: urgent, never held for the digest.</summary>
    AssessmentOverdue = 2,
    /// <summary>An IP received more than a week ago still waits for its qualification.</summary>
    ConcernToQualify = 3,
    /// <summary>A placement request reached a facility the recipient manages the places of.</summary>
    PlacementRequestReceived = 10,
    /// <summary>A facility answered the recipient's placement request.</summary>
    PlacementRequestAnswered = 11,
    /// <summary>A measure in progress reaches its échéance (within the alert months) or has passed it.</summary>
    MeasureDeadline = 12,
    /// <summary>A child is placed with no measure in force to found the placement.</summary>
    PlacementWithoutMeasure = 13,
    /// <summary>A child's PPE is due (3 months after the start of the measure) and none is validated yet.</summary>
    PlanDue = 14,
    /// <summary>A child's rapport de situation is due soon or late.</summary>
    ReportDue = 15,
    /// <summary>The day's summary of the notifications held for the digest.</summary>
    Digest = 100,
}

/// <summary>
/// A message shown in the app to one professional (the bell, /Notifications). Its title and text name no child and
/// carry no personal data — an IP number, a date, a count — because they are shown in the layout of every page and
/// kept outside the audited record: whoever builds one writes it from numbers and dates only (a test checks that no
/// child's name appears). <see cref="SourceId"/> (the IP or the evaluation) serves deduplication, never display.
/// </summary>
[NotAuditedData("a professional's own in-app messages: no child data, no personal data (numbers and dates only); each batch is recorded by the NotificationsCreated event")]
public sealed class Notification : Entity
{
    public Guid RecipientId { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    /// <summary>A relative URL inside the app (« /Concerns/… »), never an absolute one.</summary>
    public required string Link { get; set; }
    /// <summary>The row the notification is about (IP, evaluation), to deduplicate and group; not shown.</summary>
    public Guid? SourceId { get; set; }
    /// <summary>Unique per recipient: a job run twice never writes the same notification twice.</summary>
    public required string DedupKey { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// When it is delivered: counted by the bell and listed from then on (now, the end of quiet hours, or the digest
    /// time). Null for a notification held in a digest: it is shown only inside its <see cref="DigestId"/>.
    /// </summary>
    public DateTime? VisibleFrom { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>The digest notification that carries this one, when the recipient asked for a daily summary.</summary>
    public Guid? DigestId { get; set; }

    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 300;
    public const int DedupKeyMaxLength = 200;

    /// <summary>Whether this kind must reach the person the same day, whatever their digest choice.</summary>
    public static bool IsUrgent(NotificationKind kind) => kind is NotificationKind.AssessmentOverdue;
}

/// <summary>How a professional wants to be notified.</summary>
public enum NotificationDelivery
{
    /// <summary>Each notification at once (outside quiet hours).</summary>
    Immediate = 1,
    /// <summary>One summary a day, at <see cref="NotificationPreference.DigestAt"/>; urgent kinds still come at once.</summary>
    DailyDigest = 2,
}

/// <summary>
/// A professional's choice of delivery; without a row, <see cref="Defaults"/> apply: the daily digest at 08:00 and
/// quiet hours 20:00–08:00 (Paris), because the field study warns of the pressure of constant messages.
/// </summary>
[AuditEvents(Created = AuditEventType.NotificationPreferencesCreated, Updated = AuditEventType.NotificationPreferencesUpdated)]
public sealed class NotificationPreference : Entity, IAudited
{
    public Guid UserId { get; set; }
    public NotificationDelivery Delivery { get; set; } = NotificationDelivery.DailyDigest;
    /// <summary>Paris time of the daily digest.</summary>
    public TimeOnly DigestAt { get; set; } = new(8, 0);
    /// <summary>Start of the quiet hours (Paris time); none when null or equal to <see cref="QuietUntil"/>.</summary>
    public TimeOnly? QuietFrom { get; set; } = new(20, 0);
    /// <summary>End of the quiet hours (Paris time); may be earlier than <see cref="QuietFrom"/> (over midnight).</summary>
    public TimeOnly? QuietUntil { get; set; } = new(8, 0);
    public DateTime UpdatedAt { get; set; }

    public static NotificationPreference Defaults(Guid userId) => new() { UserId = userId };

    public bool HasQuietHours => QuietFrom is { } from && QuietUntil is { } until && from != until;
}
