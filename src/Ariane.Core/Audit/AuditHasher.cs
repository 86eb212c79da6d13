using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ariane.Core.Audit;

/// <summary>The hash chain of the audit trail: SHA-256 over the previous hash and a canonical form of the row (with the children it lists).</summary>
public static class AuditHasher
{
    /// <summary>The "previous hash" of the first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
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

        // Each field is prefixed with its length, so no text can move across a field boundary unnoticed.
        var canonical = new StringBuilder();
        foreach (var field in fields)
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(';');
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Sets <see cref="AuditRecord.PreviousHash"/> and <see cref="AuditRecord.Hash"/>.</summary>
    public static void Seal(AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.PreviousHash = previousHash;
        record.Hash = Compute(record, previousHash);
    }
}

/// <summary>Result of walking the chain: null <see cref="FirstBrokenSequence"/> when intact.</summary>
public sealed record AuditVerification(long RowsChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}
