using Ariane.Core.Access;
using Ariane.Core.Audit;

namespace Ariane.Persistence.Audit;

/// <summary>Who is acting, from where: set once per request (or job) and stamped on every audit row.</summary>
public sealed record AuditActor(Guid? UserId, string? UserName, string? IpAddress, string? CorrelationId)
{
    public static readonly AuditActor System = new(null, "système", null, null);
}

/// <summary>
/// The audit rows of one unit of work, scoped like the DbContext. Handlers call <see cref="Record"/>
/// for reads and explicit events; the DbContext adds change rows and writes them all with the data.
/// </summary>
public sealed class AuditTrail(Func<AuditActor> actorProvider, TimeProvider time)
{
    private readonly List<AuditRecord> pending = [];
    private AuditActor? fixedActor;

    public AuditTrail(AuditActor actor, TimeProvider time)
        : this(() => actor, time)
    {
    }

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
