using Ariane.Core.Common;

namespace Ariane.Core.Jobs;

public enum JobRunStatus
{
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>
/// One run of a background job (Infrastructure/Jobs). (<see cref="JobName"/>, <see cref="RunKey"/>) is unique: the
/// run of a job for one Paris day is claimed by inserting this row, so that it never starts twice. Only counts and
/// the type of a failure are kept — never an exception's message, which may hold personal data.
/// </summary>
[NotAuditedData("operational progress of the platform's jobs, with no personal data; each finished run writes a JobRunSucceeded or JobRunFailed event")]
public sealed class JobRun : Entity
{
    public required string JobName { get; set; }
    /// <summary>The period the run is for: the Paris day (« 2026-09-01 ») for a daily job.</summary>
    public required string RunKey { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public JobRunStatus Status { get; set; } = JobRunStatus.Running;
    public int Processed { get; set; }
    public int? Total { get; set; }
    /// <summary>The .NET type name of the failure (« TimeoutException »), never its message.</summary>
    public string? ErrorType { get; set; }

    public const int NameMaxLength = 100;
    public const int RunKeyMaxLength = 50;
}
