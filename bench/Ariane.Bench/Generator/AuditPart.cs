using Ariane.Core.Audit;
using Ariane.Persistence.Audit;

namespace Ariane.Bench.Generator;

/// <summary>
/// Seals and writes the audit history the other parts recorded, as the app would have: one chain per
/// département (in time order, positions from 1), each row sealed with the HMAC key the app is then started
/// with, so that `verify-audit` checks the generated history like any other. The row numbers
/// (<see cref="AuditRecord.Sequence"/>) are unique across chains, drawn from one counter.
/// Docs: docs/decisions/0008-audit-chains.md, docs/performance.md.
/// </summary>
internal sealed class AuditPart(AuditSealKey key) : IDatasetPart
{
    private long sequence;

    public string Name => "audit";

    /// <summary>The last row number given, for the app's sequence to continue from.</summary>
    public long LastSequence => sequence;

    /// <summary>The last row of each chain written, for the exported heads.</summary>
    public List<AuditChainHead> Heads { get; } = [];

    public Task WriteAsync(DepartementBatch batch, BulkLoader loader, CancellationToken cancellationToken) =>
        WriteChainAsync(batch.Departement.Code, batch.Audit, loader, cancellationToken);

    public async Task WriteChainAsync(string chain, List<AuditRecord> records, BulkLoader loader, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            // PostgreSQL keeps microseconds: the sealed time must be the one read back.
            record.OccurredAt = new DateTime(record.OccurredAt.Ticks - record.OccurredAt.Ticks % 10, DateTimeKind.Utc);
        }

        records.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        var previous = AuditHasher.Genesis;
        long position = 0;
        foreach (var record in records)
        {
            record.Sequence = ++sequence;
            record.Chain = chain;
            record.ChainSequence = ++position;
            foreach (var listed in record.ListedChildren)
            {
                listed.AuditSequence = record.Sequence;
            }

            AuditHasher.Seal(record, previous, key);
            previous = record.Hash;
        }

        await loader.CopyAsync(records, cancellationToken);
        await loader.CopyAsync(records.SelectMany(r => r.ListedChildren), cancellationToken);
        if (records.Count > 0)
        {
            Heads.Add(new AuditChainHead(chain, records[^1].ChainSequence, records[^1].Hash, DateTime.UtcNow));
        }

        records.Clear();
    }
}
