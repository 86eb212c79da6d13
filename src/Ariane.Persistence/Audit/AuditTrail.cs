using Ariane.Core.Access;
using Ariane.Core.Audit;

namespace Ariane.Persistence.Audit;

/// <summary>
/// Who is acting, from where: set once per request (or job) and stamped on every audit row. The
/// département is the actor's own (their first service's organisation), which decides the chain of the
/// rows that concern no child (docs/decisions/0008-audit-chains.md); it is not stamped on the row.
/// </summary>
public sealed record AuditActor(Guid? UserId, string? UserName, string? IpAddress, string? CorrelationId, string? DepartementCode = null)
{
    public static readonly AuditActor System = new(null, "système", null, null);
}

/// <summary>
/// The audit rows of one unit of work, scoped like the DbContext. Handlers call <see cref="Record"/>
/// for reads and explicit events; the DbContext adds change rows and writes them all with the data.
/// </summary>
public sealed class AuditTrail(Func<AuditActor> actorProvider, TimeProvider time, AuditSealKeys? keys = null)
{
    private readonly List<AuditRecord> pending = [];
    private readonly Dictionary<Guid, string> childDepartements = [];
    private AuditActor? fixedActor;

    public AuditTrail(AuditActor actor, TimeProvider time, AuditSealKeys? keys = null)
        : this(() => actor, time, keys)
    {
    }

    /// <summary>The keys rows are sealed with; none outside the app (design-time tools), which then cannot audit.</summary>
    public AuditSealKeys Keys { get; } = keys ?? AuditSealKeys.None;

    /// <summary>
    /// Remembers the département responsible for a child, as the access facts read it, so that the chain
    /// of that child's rows is known without another query.
    /// </summary>
    public void NoteChildDepartement(Guid childId, string departementCode) => childDepartements[childId] = departementCode;

    internal bool TryGetChildDepartement(Guid childId, out string departementCode) =>
        childDepartements.TryGetValue(childId, out departementCode!);

    /// <summary>
    /// Read when each row is stamped, not when the trail is created: the trail may be created while the
    /// request is still being authenticated (the session check resolves the DbContext), before the user is known.
    /// </summary>
    public AuditActor Actor
    {
        get => fixedActor ?? actorProvider();
        set => fixedActor = value;
    }

    // Truncated to the microsecond: PostgreSQL keeps no finer, and the hash must survive the round trip.
    public DateTime Now
    {
        get
        {
            var now = time.GetUtcNow().UtcDateTime;
            return now.AddTicks(-(now.Ticks % 10));
        }
    }

    internal bool HasPending => pending.Count > 0;

    internal IReadOnlyList<AuditRecord> Pending => pending;

    internal void Clear() => pending.Clear();

    public AuditRecord Record(
        AuditEventType type,
        Guid? childId = null,
        Section? section = null,
        AccessBasis? basis = null,
        string? details = null,
        string? reason = null,
        AuditOutcome outcome = AuditOutcome.Success,
        string? entityType = null,
        Guid? entityId = null,
        Guid? userId = null,
        string? userName = null)
    {
        var record = New(type);
        record.ChildId = childId;
        record.Section = section;
        record.AccessBasis = basis;
        record.Details = details;
        record.Reason = reason;
        record.Outcome = outcome;
        record.EntityType = entityType;
        record.EntityId = entityId;
        record.UserId = userId ?? record.UserId;
        record.UserName = userName ?? record.UserName;

        pending.Add(record);
        return record;
    }

    /// <summary>
    /// The one audit row of a view that shows several children (search results, a list, a dashboard),
    /// with the children it showed: each child's access log then says where it appeared.
    /// </summary>
    public AuditRecord RecordList(AuditEventType type, IEnumerable<Guid> shownChildIds, Section? section = null, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(shownChildIds);
        var record = Record(type, section: section, details: details);
        record.ListedChildren.AddRange(shownChildIds.Distinct().Select(id => new AuditListedChild { ChildId = id }));
        return record;
    }

    internal AuditRecord New(AuditEventType type)
    {
        var actor = Actor;
        return new()
        {
            // The actor's chain; AuditChain moves a row about a child to the child's département.
            Chain = AuditChains.For(type, null, actor.DepartementCode),
            OccurredAt = Now,
            EventType = type,
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            CorrelationId = actor.CorrelationId,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        };
    }
}
