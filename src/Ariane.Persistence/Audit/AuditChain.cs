using Ariane.Core.Audit;
using Ariane.Core.Children;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Persistence.Audit;

/// <summary>
/// Appends rows to their chains (one per département, one for the platform: docs/decisions/0008-audit-chains.md).
/// Must run inside the transaction that writes them. PostgreSQL takes one transaction-scoped advisory lock
/// per chain touched, in a fixed order, so départements append concurrently and never deadlock; SQLite
/// transactions are opened IMMEDIATE by Microsoft.Data.Sqlite, which already holds the database's single
/// write lock. Either way no two writers read the same tail of a chain.
/// </summary>
public static class AuditChain
{
    /// <summary>First half of the advisory lock keys ("Aria"); the second half names the chain.</summary>
    private const int AdvisoryLockClass = 0x41726961;

    /// <summary>PostgreSQL draws the rows' global numbers from this sequence (created by the AuditChains migration).</summary>
    public const string PostgresSequence = "AuditRecordSequence";

    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var key = db.Audit.Keys.RequireCurrent();
        await AssignChainsAsync(db, records, cancellationToken);
        var chains = records.Select(r => r.Chain).Distinct().Order(StringComparer.Ordinal).ToList();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // One statement, the locks taken left to right in the chains' fixed order: no two writers
            // can each hold a lock the other waits for.
            var locks = string.Join(", ", chains.Select(c => $"pg_advisory_xact_lock({AdvisoryLockClass}, {LockId(c)})"));
#pragma warning disable EF1002 // Only integers computed here go into the text, never input.
            await db.Database.ExecuteSqlRawAsync($"SELECT {locks}", cancellationToken);
#pragma warning restore EF1002
        }

        var next = await NextSequencesAsync(db, postgres, records.Count, cancellationToken);
        foreach (var chain in chains)
        {
            var tail = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Chain == chain)
                .OrderByDescending(r => r.ChainSequence)
                .Select(r => new { r.ChainSequence, r.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var position = tail?.ChainSequence ?? 0;
            var previous = tail?.Hash ?? AuditHasher.Genesis;
            foreach (var record in records.Where(r => r.Chain == chain))
            {
                record.Sequence = next.Dequeue();
                record.ChainSequence = ++position;
                AuditHasher.Seal(record, previous, key);
                previous = record.Hash;
                // The listed children are their own rows (AuditListedRows writes them), with no foreign key to
                // the audit row: a key would be one more thing that refuses a deletion for the wrong reason, and
                // the verification already checks that every listed child belongs to an existing row.
                foreach (var listed in record.ListedChildren)
                {
                    listed.AuditSequence = record.Sequence;
                }
            }
        }
    }

    /// <summary>
    /// A row about a child joins the chain of the child's responsible département: as the access facts
    /// noted it, else as tracked (a child being created), else read in one query. Other rows keep the
    /// actor's chain set when they were recorded.
    /// </summary>
    private static async Task AssignChainsAsync(AppDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.Entries<Child>().ToDictionary(e => e.Entity.Id, e => e.Entity.ResponsibleDepartementCode);
        var unknown = new HashSet<Guid>();
        foreach (var record in records)
        {
            if (record.ChildId is { } childId && !db.Audit.TryGetChildDepartement(childId, out _)
                && !tracked.ContainsKey(childId))
            {
                unknown.Add(childId);
            }
        }

        if (unknown.Count > 0)
        {
            var ids = unknown.ToList();
            foreach (var child in await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.ResponsibleDepartementCode }).ToListAsync(cancellationToken))
            {
                db.Audit.NoteChildDepartement(child.Id, child.ResponsibleDepartementCode);
            }
        }

        foreach (var record in records)
        {
            if (record.ChildId is not { } childId)
            {
                continue;
            }

            // A child being created or transferred in this save: its tracked département is the one written.
            if (tracked.TryGetValue(childId, out var code) || db.Audit.TryGetChildDepartement(childId, out code))
            {
                record.Chain = AuditChains.For(record.EventType, code, null);
            }
        }
    }

    private static async Task<Queue<long>> NextSequencesAsync(AppDbContext db, bool postgres, int count, CancellationToken cancellationToken)
    {
        if (postgres)
        {
            var drawn = await db.Database
                .SqlQueryRaw<long>($"SELECT nextval('\"{PostgresSequence}\"') AS \"Value\" FROM generate_series(1, {{0}})", count)
                .ToListAsync(cancellationToken);
            return new Queue<long>(drawn.Order());
        }

        // SQLite: this transaction holds the single write lock, so the last number cannot move.
        var last = await db.AuditRecords.MaxAsync(r => (long?)r.Sequence, cancellationToken) ?? 0;
        return new Queue<long>(Enumerable.Range(1, count).Select(i => last + i));
    }

    /// <summary>A stable 32-bit name for the chain's lock (FNV-1a); a collision only makes two chains share a lock.</summary>
    internal static int LockId(string chain)
    {
        var hash = 2166136261u;
        foreach (var c in chain)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
