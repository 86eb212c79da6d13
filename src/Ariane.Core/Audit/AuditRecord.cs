using Ariane.Core.Access;

namespace Ariane.Core.Audit;

/// <summary>
/// One line of the append-only audit trail. <see cref="Hash"/> covers every field and the previous
/// row's hash, so that altering or removing any row breaks the chain from there on.
/// </summary>
[Common.NotAuditedData("the audit itself")]
public sealed class AuditRecord
{
    /// <summary>Position in the chain, gap-free from 1.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public AuditEventType EventType { get; set; }
    public AuditOutcome Outcome { get; set; } = AuditOutcome.Success;
    public Guid? UserId { get; set; }
    /// <summary>Login name at the time, so the trail stays readable if the account is renamed.</summary>
    public string? UserName { get; set; }
    public Guid? ChildId { get; set; }
    public Section? Section { get; set; }
    public AccessBasis? AccessBasis { get; set; }
    public string? EntityType { get; set; }
    public Guid? EntityId { get; set; }
    /// <summary>JSON: changed fields with old and new values, or the parameters of a read/search.</summary>
    public string? Details { get; set; }
    public string? Reason { get; set; }
    public string? IpAddress { get; set; }
    public string? CorrelationId { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
