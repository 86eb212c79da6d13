using Ariane.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Persistence.Audit;

/// <summary>
/// Appends rows to the hash chain. Must run inside the transaction that writes them: PostgreSQL takes
/// a transaction-scoped advisory lock; SQLite transactions are opened IMMEDIATE by Microsoft.Data.Sqlite,
/// which already holds the database's single write lock. Either way no two writers read the same tail.
/// </summary>
public static class AuditChain
{
    /// <summary>Arbitrary constant naming the audit chain's advisory lock in PostgreSQL.</summary>
    private const long AdvisoryLockKey = 0x41726961_6E650001;

    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }

        var tail = await db.AuditRecords.AsNoTracking()
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? AuditHasher.Genesis;
        foreach (var record in records)
        {
            record.Sequence = ++sequence;
            AuditHasher.Seal(record, previous);
            previous = record.Hash;
            // The listed children are their own rows (AuditListedRows writes them), with no foreign key to
            // the audit row: a key would be one more thing that refuses a deletion for the wrong reason, and
            // the chain already checks that every listed child belongs to an existing row (VerifyAsync).
            foreach (var listed in record.ListedChildren)
            {
                listed.AuditSequence = record.Sequence;
            }
        }
    }

    /// <summary>
    /// Walks the whole chain in order, in batches, and reports the first row whose hash or link is wrong,
    /// counting the children each list row showed as part of that row.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken cancellationToken, int batchSize = 5000)
    {
        ArgumentNullException.ThrowIfNull(db);
        long checkedRows = 0;
        long expectedSequence = 1;
        var previous = AuditHasher.Genesis;
        while (true)
        {
            var after = expectedSequence - 1;
            var batch = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Sequence > after)
                .OrderBy(r => r.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                // A listed child hanging after the last row (or on a removed one) is covered by no hash.
                var stray = await db.AuditListedChildren.AsNoTracking()
                    .Where(l => l.AuditSequence > after || l.AuditSequence < 1)
                    .Select(l => (long?)l.AuditSequence).FirstOrDefaultAsync(cancellationToken);
                return stray is { } s
                    ? new AuditVerification(checkedRows, s, $"enfant listé rattaché à la ligne {s}, absente du journal")
                    : new AuditVerification(checkedRows, null, null);
            }

            // The children the batch's list views showed, in one query: part of each row's hash.
            var first = batch[0].Sequence;
            var last = batch[^1].Sequence;
            var listed = (await db.AuditListedChildren.AsNoTracking()
                .Where(l => l.AuditSequence >= first && l.AuditSequence <= last)
                .ToListAsync(cancellationToken)).ToLookup(l => l.AuditSequence);

            foreach (var record in batch)
            {
                record.ListedChildren.AddRange(listed[record.Sequence]);
                if (record.Sequence != expectedSequence)
                {
                    return new AuditVerification(checkedRows, expectedSequence, $"ligne {expectedSequence} manquante (suivante trouvée : {record.Sequence})");
                }

                if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
                {
                    return new AuditVerification(checkedRows, record.Sequence, "le lien avec la ligne précédente est rompu");
                }

                if (!string.Equals(AuditHasher.Compute(record, previous), record.Hash, StringComparison.Ordinal))
                {
                    return new AuditVerification(checkedRows, record.Sequence, "le contenu de la ligne a été modifié");
                }

                previous = record.Hash;
                expectedSequence++;
                checkedRows++;
            }
        }
    }
}
