using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ariane.Core.Audit;

/// <summary>
/// The seal of the audit trail: an HMAC-SHA-256, under a key kept outside the database, over the previous
/// hash in the row's chain and a canonical form of the row (with the children it lists, its chain, its
/// position and the key's id). Rows from before keys existed (<see cref="AuditRecord.KeyId"/> null) keep
/// their plain SHA-256 over the older canonical form. Docs: docs/decisions/0008-audit-chains.md.
/// </summary>
public static class AuditHasher
{
    /// <summary>The "previous hash" of the first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The hash of <paramref name="record"/>: keyed with <paramref name="key"/>, which must be the key
    /// the row names; unkeyed (a row from before keys) when the row names none.
    /// </summary>
    public static string Compute(AuditRecord record, string previousHash, AuditSealKey? key)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!string.Equals(record.KeyId, key?.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The row names seal key '{record.KeyId}', not '{key?.Id}'.", nameof(key));
        }

        string[] fields =
        [
            previousHash,
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            ((int)record.EventType).ToString(CultureInfo.InvariantCulture),
            ((int)record.Outcome).ToString(CultureInfo.InvariantCulture),
            record.UserId?.ToString() ?? string.Empty,
            record.UserName ?? string.Empty,
            record.ChildId?.ToString() ?? string.Empty,
            record.Section is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : string.Empty,
            record.AccessBasis is { } b ? ((int)b).ToString(CultureInfo.InvariantCulture) : string.Empty,
            record.EntityType ?? string.Empty,
            record.EntityId?.ToString() ?? string.Empty,
            record.Details ?? string.Empty,
            record.Reason ?? string.Empty,
            record.IpAddress ?? string.Empty,
            record.CorrelationId ?? string.Empty,
        ];
        if (record.ListedChildren.Count > 0)
        {
            // Canonical order, so that the hash does not depend on how the rows come back from the database.
            // Rows listing no child keep the form they always had (and their hashes).
            fields = [.. fields, string.Join(',', record.ListedChildren.Select(l => l.ChildId.ToString("D")).Order(StringComparer.Ordinal))];
        }

        if (key is not null)
        {
            // Keyed rows also seal where they stand: a row cannot be moved to another chain or position.
            fields = [.. fields, record.Chain, record.ChainSequence.ToString(CultureInfo.InvariantCulture), key.Id];
        }

        // Each field is prefixed with its length, so no text can move across a field boundary unnoticed.
        var canonical = new StringBuilder();
        foreach (var field in fields)
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(';');
        }

        var data = Encoding.UTF8.GetBytes(canonical.ToString());
        var bytes = key is null ? SHA256.HashData(data) : HMACSHA256.HashData(key.Secret, data);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Sets <see cref="AuditRecord.KeyId"/>, <see cref="AuditRecord.PreviousHash"/> and <see cref="AuditRecord.Hash"/>.</summary>
    public static void Seal(AuditRecord record, string previousHash, AuditSealKey key)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(key);
        record.KeyId = key.Id;
        record.PreviousHash = previousHash;
        record.Hash = Compute(record, previousHash, key);
    }
}

/// <summary>
/// Result of walking one chain: null <see cref="FirstBrokenSequence"/> (a position in the chain) when
/// intact. <see cref="Head"/> is the last row checked.
/// </summary>
public sealed record AuditVerification(string Chain, long RowsChecked, long? FirstBrokenSequence, string? Problem, long Head = 0)
{
    public bool IsIntact => FirstBrokenSequence is null;
}
