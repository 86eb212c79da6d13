using Ariane.Core.Access;

namespace Ariane.Core.Audit;

/// <summary>
/// One line of the append-only audit trail. Rows form one hash chain per département (and one for the
/// platform): <see cref="Hash"/> covers every field, the children the row lists and the previous row's
/// hash in the same chain, so that altering or removing any row breaks its chain from there on.
/// Docs: docs/decisions/0008-audit-chains.md.
/// </summary>
[Common.NotAuditedData("the audit itself")]
public sealed class AuditRecord
{
    /// <summary>
    /// The row's number across all chains: unique, increasing, not gap-free (PostgreSQL draws it from a
    /// sequence, which a rolled-back transaction skips). Views page by it; listed children point at it.
    /// </summary>
    public long Sequence { get; set; }

    /// <summary>The chain the row belongs to: a département code ("99", "2A"), or <see cref="AuditChains.Platform"/>.</summary>
    public string Chain { get; set; } = AuditChains.Platform;

    /// <summary>Position in its chain, gap-free from 1: a missing row shows as a gap.</summary>
    public long ChainSequence { get; set; }

    /// <summary>
    /// The seal key the hash was computed with (<see cref="AuditSealKey"/>); null for rows sealed before
    /// keys existed, with a plain SHA-256 (the platform chain's first rows only).
    /// </summary>
    public string? KeyId { get; set; }
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

    /// <summary>
    /// The children a list view showed (search results, duplicate check...), one row each, so that each
    /// child's access log can say where it appeared. Empty for every other event.
    /// </summary>
    public List<AuditListedChild> ListedChildren { get; } = [];
}

/// <summary>
/// "This child was shown by that audited list view": append-only like the audit row it belongs to, and
/// covered by that row's hash. Only keys: no other child's data can be read from it.
/// </summary>
[Common.NotAuditedData("part of the audit row it belongs to")]
public sealed class AuditListedChild
{
    public long AuditSequence { get; set; }
    public Guid ChildId { get; set; }
}
