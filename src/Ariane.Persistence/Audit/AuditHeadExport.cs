using System.Globalization;
using System.Text.Json;
using Ariane.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Persistence.Audit;

/// <summary>The last row of a chain at some moment, kept outside the database: position and seal only, no personal data.</summary>
public sealed record AuditChainHead(string Chain, long ChainSequence, string Hash, DateTime ExportedAt);

/// <summary>
/// The heads file: one JSON line per exported head, appended, never rewritten. Whoever rewrites the
/// database after an export cannot make the exported seal match again without the key, nor hide the
/// rows up to it by cutting the chain (docs/decisions/0008-audit-chains.md).
/// </summary>
public static class AuditHeadExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The current head of every chain that has rows: one indexed lookup per known chain.</summary>
    public static async Task<List<AuditChainHead>> ReadHeadsAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Chains are départements (of organisations) and the platform: a short list, unlike the rows.
        var chains = await db.Organisations.AsNoTracking().Where(o => o.DepartementCode != null)
            .Select(o => o.DepartementCode!).Distinct().ToListAsync(cancellationToken);
        chains.Add(AuditChains.Platform);
        var heads = new List<AuditChainHead>();
        foreach (var chain in chains.Distinct().Order(StringComparer.Ordinal))
        {
            var tail = await db.AuditRecords.AsNoTracking().Where(r => r.Chain == chain)
                .OrderByDescending(r => r.ChainSequence).Select(r => new { r.ChainSequence, r.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            if (tail is not null)
            {
                heads.Add(new AuditChainHead(chain, tail.ChainSequence, tail.Hash, now));
            }
        }

        return heads;
    }

    public static async Task AppendAsync(string path, IEnumerable<AuditChainHead> heads, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(heads);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var lines = heads.Select(h => JsonSerializer.Serialize(h, Json)).ToList();
        if (lines.Count > 0)
        {
            await File.AppendAllLinesAsync(path, lines, cancellationToken);
        }
    }

    /// <summary>Every head exported so far; an unreadable line is an error, not a line to skip.</summary>
    public static async Task<List<AuditChainHead>> LoadAsync(string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return [];
        }

        var heads = new List<AuditChainHead>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            heads.Add(JsonSerializer.Deserialize<AuditChainHead>(line, Json)
                ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}, line {number}: not a chain head.")));
        }

        return heads;
    }
}
