using System.Security.Cryptography;
using Ariane.Core.Audit;
using Ariane.Persistence.Audit;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Reads the seal keys from configuration, or else from the key file, which is created on first start
/// outside production (a demo or a developer's machine). Production refuses to start without a key
/// rather than audit with none: "no audit, no data".
/// </summary>
public static class AuditKeyLoader
{
    public static AuditSealKeys Load(AuditOptions options, IHostEnvironment environment, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.SealKeys.Count > 0)
        {
            var keys = options.SealKeys.Select(k => new AuditSealKey(k.Key, Decode(k.Key, k.Value))).ToList();
            var current = options.CurrentSealKey ?? (keys.Count == 1 ? keys[0].Id : null)
                ?? throw new InvalidOperationException("Audit:CurrentSealKey doit nommer la clé qui scelle les nouvelles lignes d'audit.");
            if (keys.All(k => k.Id != current))
            {
                throw new InvalidOperationException($"Audit:CurrentSealKey « {current} » ne figure pas dans Audit:SealKeys.");
            }

            return new AuditSealKeys(keys, current);
        }

        var path = Path.GetFullPath(options.KeyFile);
        if (!File.Exists(path))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException("Aucune clé de scellement du journal d'audit : renseignez Audit:SealKeys et Audit:CurrentSealKey (coffre de secrets), ou Audit:KeyFile.");
            }

            Create(path);
            logger.LogWarning("Audit seal key created in {KeyFile}: keep it outside the database and back it up apart from it.", path);
        }

        var line = File.ReadAllText(path).Trim();
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new InvalidOperationException($"Le fichier de clé d'audit {path} doit contenir « identifiant:base64 ».");
        }

        var id = line[..colon];
        return new AuditSealKeys([new AuditSealKey(id, Decode(id, line[(colon + 1)..]))], id);
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var content = $"k{DateTime.UtcNow:yyyyMMdd}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";
        try
        {
            // CreateNew: two processes starting at once keep the first key written.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream);
            writer.Write(content);
        }
        catch (IOException) when (File.Exists(path))
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static byte[] Decode(string id, string base64)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64.Trim());
            return bytes.Length >= AuditSealKey.MinimumBytes
                ? bytes
                : throw new InvalidOperationException($"La clé d'audit « {id} » fait moins de {AuditSealKey.MinimumBytes} octets.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"La clé d'audit « {id} » n'est pas du base64.");
        }
    }
}
