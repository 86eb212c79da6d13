using Ariane.Core.Common;

namespace Ariane.Core.Children;

public enum TransferState
{
    Proposed = 1,
    Accepted = 2,
    Refused = 3,
    Cancelled = 4,
}

/// <summary>
/// The passage of a child's record from one département to another (docs/decisions/0007-tenancy.md):
/// proposed by the responsible département's référent or cadre, accepted or refused by the receiving
/// département's cadre or CRIP. On acceptance the child's responsible département changes; the sending
/// département keeps reading what it recorded until <see cref="SendingReadUntil"/>, then nothing. The
/// accepted transfers are the history of the responsible département. The reason and the note for the
/// receiving team are social content.
/// </summary>
[Access.RecordSection(Access.Section.Social)]
[AuditEvents(Created = Audit.AuditEventType.TransferProposed, Updated = Audit.AuditEventType.DataUpdated)]
public sealed class DepartementTransfer : Entity, IChildData, IVersioned, ITimestamped
{
    public Guid ChildId { get; set; }
    public required string FromDepartementCode { get; set; }
    public required string ToDepartementCode { get; set; }
    /// <summary>The day the receiving département takes over, as proposed.</summary>
    public DateOnly EffectiveOn { get; set; }
    public required string Reason { get; set; }
    /// <summary>What the receiving team should know first (the family's new address, the hearing coming...).</summary>
    public string? NoteForReceivers { get; set; }
    public TransferState State { get; set; } = TransferState.Proposed;
    public Guid ProposedByUserId { get; set; }
    public required string ProposedByName { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>Why the receiving département refused, or why the sender withdrew it.</summary>
    public string? DecisionReason { get; set; }
    /// <summary>Accepted transfers: the last day the sending département may still read what it recorded.</summary>
    public DateOnly? SendingReadUntil { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int ReasonMaxLength = 1000;
    public const int NoteMaxLength = 4000;
}
