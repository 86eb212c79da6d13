using Ariane.Core.Audit;
using Ariane.Core.Children;

namespace Ariane.Bench.Generator;

/// <summary>
/// A child's follow-up by its département: from <see cref="Start"/> (when the record was opened) to
/// <see cref="End"/> (null: followed today), by a territory and a référent, maybe placed in a MECS.
/// Later parts hang their entities on it (an IP before the start, measures over the span...).
/// </summary>
internal sealed record FollowUp(Child Child, DateTime Start, DateOnly? End, Territory Territory, GeneratedUser Referent, Mecs? Mecs, DateOnly? PlacedOn);

/// <summary>
/// Everything generated for one département, written part by part (each part one COPY per table), then
/// its audit history as one chain. Held in memory one département at a time, so that memory stays that
/// of the largest département whatever the scale.
/// </summary>
internal sealed class DepartementBatch(DepartementStructure departement, Random random, DateOnly today)
{
    public DepartementStructure Departement { get; } = departement;

    public Random Random { get; } = random;

    public DateOnly Today { get; } = today;

    public List<FollowUp> FollowUps { get; } = [];

    /// <summary>The département's audit history, unsealed and in any order: the audit part orders and seals it.</summary>
    public List<AuditRecord> Audit { get; } = [];

    /// <summary>An audit row as the app would have written it (the seal comes later).</summary>
    public AuditRecord Record(AuditEventType type, DateTime at, GeneratedUser? actor, Guid? childId = null)
    {
        var record = new AuditRecord
        {
            EventType = type,
            OccurredAt = at,
            UserId = actor?.User.Id,
            UserName = actor?.User.UserName,
            ChildId = childId,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        };
        Audit.Add(record);
        return record;
    }
}

/// <summary>
/// One kind of data the generator writes for each département. A later module (IPs, measures, placements,
/// plans, journal) adds its part: entities through <see cref="BulkLoader.CopyAsync{T}"/> and the audit rows
/// the app would have written for them through <see cref="DepartementBatch.Record"/>. Parts run in order.
/// </summary>
internal interface IDatasetPart
{
    string Name { get; }

    Task WriteAsync(DepartementBatch batch, BulkLoader loader, CancellationToken cancellationToken);
}
