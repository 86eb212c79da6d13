using Ariane.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Persistence.Audit;

/// <summary>
/// Walks audit chains in order, in batches, and reports per chain the first row whose position, link,
/// seal or key is wrong, counting the children each list row showed as part of that row. With the chain
/// heads exported outside the database (<see cref="AuditHeadExport"/>), it also tells a chain re-sealed
/// from some row on, or cut short, from an intact one (docs/decisions/0008-audit-chains.md).
/// </summary>
public static class AuditVerifier
{
    /// <summary>Every chain in the database, then the listed children that belong to no row.</summary>
    public static async Task<AuditReport> VerifyAllAsync(
        AppDbContext db, AuditSealKeys keys, IReadOnlyList<AuditChainHead> exportedHeads, CancellationToken cancellationToken, int batchSize = 5000)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(exportedHeads);
        var stored = await db.AuditRecords.AsNoTracking().Select(r => r.Chain).Distinct().ToListAsync(cancellationToken);
        // A chain known only from its exported heads has been removed altogether: verify it too.
        var chains = stored.Concat(exportedHeads.Select(h => h.Chain)).Distinct().Order(StringComparer.Ordinal).ToList();
        var results = new List<AuditVerification>();
        foreach (var chain in chains)
        {
            results.Add(await VerifyAsync(db, keys, chain, exportedHeads, cancellationToken, batchSize));
        }

        // A listed child whose row is gone (or never was) is covered by no seal.
        var rows = db.AuditRecords;
        var stray = await db.AuditListedChildren.AsNoTracking()
            .Where(l => !rows.Any(r => r.Sequence == l.AuditSequence))
            .Select(l => (long?)l.AuditSequence).FirstOrDefaultAsync(cancellationToken);
        return new AuditReport(results, stray);
    }

    public static async Task<AuditVerification> VerifyAsync(
        AppDbContext db, AuditSealKeys keys, string chain, IReadOnlyList<AuditChainHead> exportedHeads, CancellationToken cancellationToken, int batchSize = 5000)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(exportedHeads);
        var heads = exportedHeads.Where(h => h.Chain == chain).GroupBy(h => h.ChainSequence).ToDictionary(g => g.Key, g => g.First());
        long checkedRows = 0;
        long expected = 1;
        var previous = AuditHasher.Genesis;
        var sealedSoFar = false;
        while (true)
        {
            var after = expected - 1;
            var batch = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Chain == chain && r.ChainSequence > after)
                .OrderBy(r => r.ChainSequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                var lastExported = heads.Values.MaxBy(h => h.ChainSequence);
                return lastExported is not null && lastExported.ChainSequence > after
                    ? Broken(chain, checkedRows, after + 1, after,
                        $"la chaîne s'arrête à la ligne {after}, or la ligne {lastExported.ChainSequence} avait été exportée le {lastExported.ExportedAt:yyyy-MM-dd HH:mm} UTC : la fin a été supprimée")
                    : new AuditVerification(chain, checkedRows, null, null, after);
            }

            // The children the batch's list views showed, in one query: part of each row's seal.
            var sequences = batch.Select(r => r.Sequence).ToList();
            var listed = (await db.AuditListedChildren.AsNoTracking()
                .Where(l => sequences.Contains(l.AuditSequence))
                .ToListAsync(cancellationToken)).ToLookup(l => l.AuditSequence);

            foreach (var record in batch)
            {
                record.ListedChildren.AddRange(listed[record.Sequence]);
                var problem = Check(record, expected, previous, keys, ref sealedSoFar);
                if (problem is null && heads.TryGetValue(record.ChainSequence, out var head) && !string.Equals(head.Hash, record.Hash, StringComparison.Ordinal))
                {
                    problem = $"la ligne ne correspond plus à la tête de chaîne exportée le {head.ExportedAt:yyyy-MM-dd HH:mm} UTC : la chaîne a été réécrite";
                }

                if (problem is not null)
                {
                    return Broken(chain, checkedRows, expected, expected - 1, problem);
                }

                previous = record.Hash;
                expected++;
                checkedRows++;
            }
        }
    }

    private static string? Check(AuditRecord record, long expected, string previous, AuditSealKeys keys, ref bool sealedSoFar)
    {
        if (record.ChainSequence != expected)
        {
            return $"ligne {expected} manquante (suivante trouvée : {record.ChainSequence})";
        }

        if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
        {
            return "le lien avec la ligne précédente est rompu";
        }

        AuditSealKey? key = null;
        if (record.KeyId is null)
        {
            // Only the platform chain's first rows, written before seal keys existed, may be unkeyed: an
            // unkeyed row anywhere else would let whoever writes the database forge a seal.
            if (sealedSoFar || record.Chain != AuditChains.Platform)
            {
                return "ligne non scellée par une clé là où le journal est scellé";
            }
        }
        else
        {
            key = keys.Find(record.KeyId);
            if (key is null)
            {
                return $"ligne scellée avec la clé « {record.KeyId} », absente de la configuration";
            }

            sealedSoFar = true;
        }

        return string.Equals(AuditHasher.Compute(record, previous, key), record.Hash, StringComparison.Ordinal)
            ? null
            : "le contenu de la ligne a été modifié (ou scellé de nouveau sans la clé)";
    }

    private static AuditVerification Broken(string chain, long checkedRows, long position, long head, string problem) =>
        new(chain, checkedRows, position, problem, head);
}

/// <summary>The verification of every chain, and the first listed child that belongs to no row (if any).</summary>
public sealed record AuditReport(IReadOnlyList<AuditVerification> Chains, long? StrayListedSequence)
{
    public bool IsIntact => StrayListedSequence is null && Chains.All(c => c.IsIntact);

    public long RowsChecked => Chains.Sum(c => c.RowsChecked);
}
