using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Reports;

/// <summary>How a document left: through Ariane to a court's inbox, or recorded as sent by another channel.</summary>
public enum TransmissionChannel
{
    /// <summary>To the recipient service's inbox in Ariane (a court with accounts).</summary>
    Ariane = 1,
    Post = 2,
    HandDelivered = 3,
    /// <summary>A secure messaging service outside Ariane (the court's own platform).</summary>
    SecureMessaging = 4,
}

/// <summary>
/// The transmission of a generated document (docs/domain.md §6): to a court's service (its judges and clerks receive
/// it in their inbox, open it — audited — and acknowledge receipt), or, where the court has no account, the dispatch as
/// recorded (to whom, when, by which channel). Every transmission is on the child's record; the sender sees its state.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.DocumentTransmitted, Updated = AuditEventType.TransmissionUpdated)]
public sealed class DocumentTransmission : Entity, IChildData
{
    public Guid ChildId { get; set; }
    public Guid DocumentId { get; set; }
    public required string DocumentName { get; set; }
    public TransmissionChannel Channel { get; set; }
    /// <summary>The receiving service in Ariane (a court's jurisdiction), for <see cref="TransmissionChannel.Ariane"/>.</summary>
    public Guid? RecipientServiceId { get; set; }
    /// <summary>The recipient as written, for another channel (« Tribunal pour enfants de Lyon, greffe »).</summary>
    public required string RecipientName { get; set; }
    public string? Note { get; set; }
    public Guid SentByUserId { get; set; }
    public required string SentByName { get; set; }
    public DateTime SentAt { get; set; }
    public DateTime? OpenedAt { get; set; }
    public string? OpenedByName { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedByName { get; set; }
}
