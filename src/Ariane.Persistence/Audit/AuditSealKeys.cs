using Ariane.Core.Audit;

namespace Ariane.Persistence.Audit;

/// <summary>
/// The seal keys the app knows: the current one seals new rows, the others verify older rows after a
/// rotation. Loaded from configuration (Audit:SealKeys, Audit:CurrentSealKey) or from a key file outside
/// the database (docs/operations.md, Audit keys).
/// </summary>
public sealed class AuditSealKeys
{
    public static readonly AuditSealKeys None = new([], null);

    private readonly Dictionary<string, AuditSealKey> byId;

    public AuditSealKeys(IEnumerable<AuditSealKey> keys, string? currentId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        byId = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        if (currentId is not null && !byId.ContainsKey(currentId))
        {
            throw new ArgumentException($"The current seal key '{currentId}' is not among the keys.", nameof(currentId));
        }

        Current = currentId is null ? null : byId[currentId];
    }

    public AuditSealKey? Current { get; }

    public IReadOnlyCollection<string> Ids => byId.Keys;

    public AuditSealKey? Find(string? id) => id is not null && byId.TryGetValue(id, out var key) ? key : null;

    /// <summary>The key new rows are sealed with; "no key, no audit, no data".</summary>
    public AuditSealKey RequireCurrent() =>
        Current ?? throw new InvalidOperationException("No audit seal key is configured (Audit:SealKeys and Audit:CurrentSealKey): nothing can be audited, so nothing is saved.");
}
