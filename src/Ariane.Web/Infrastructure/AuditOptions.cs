using System.ComponentModel.DataAnnotations;

namespace Ariane.Web.Infrastructure;

/// <summary>Section "Audit": the seal keys and the export of chain heads (docs/operations.md, Audit keys).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Seal keys by id, each the base64 of at least 32 random bytes; from a secret store in production.</summary>
    public Dictionary<string, string> SealKeys { get; set; } = [];

    /// <summary>The id of the key that seals new rows; the others only verify older rows.</summary>
    public string? CurrentSealKey { get; set; }

    /// <summary>
    /// When no key is configured: the file that holds the key (outside the database). Created at first
    /// start outside production; in production it must already exist, or keys must be configured.
    /// </summary>
    public string KeyFile { get; set; } = "data/audit-seal.key";

    /// <summary>Where the chain heads are appended (a file outside the database; also written to the log).</summary>
    public string HeadsFile { get; set; } = "data/audit-heads.jsonl";

    [Range(1, 1440)]
    public int HeadExportMinutes { get; set; } = 5;
}
