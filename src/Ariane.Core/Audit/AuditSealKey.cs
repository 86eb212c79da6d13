namespace Ariane.Core.Audit;

/// <summary>
/// A secret the audit rows are sealed with (HMAC-SHA-256). It lives outside the database (configuration
/// or secret store): whoever can write the database but does not hold it cannot re-seal a rewritten
/// chain. Rotation adds a key and makes it current; older rows keep naming the key they were sealed with.
/// </summary>
public sealed class AuditSealKey
{
    /// <summary>Below 256 bits an HMAC-SHA-256 key is weaker than the hash itself.</summary>
    public const int MinimumBytes = 32;

    public AuditSealKey(string id, byte[] secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(secret);
        if (id.Length > 32)
        {
            throw new ArgumentException("A seal key id has at most 32 characters.", nameof(id));
        }

        if (secret.Length < MinimumBytes)
        {
            throw new ArgumentException($"A seal key has at least {MinimumBytes} bytes.", nameof(secret));
        }

        Id = id;
        Secret = secret;
    }

    public string Id { get; }

    public byte[] Secret { get; }

    public override string ToString() => $"AuditSealKey({Id})";
}
