using System.ComponentModel.DataAnnotations;

namespace Ariane.Web.Infrastructure.Jobs;

/// <summary>Configuration section « Jobs » (docs/operations.md).</summary>
public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this instance runs the scheduled jobs. Default true; tests turn it off and call jobs directly.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for a due job.</summary>
    [Range(5, 3600)]
    public int CheckEverySeconds { get; set; } = 60;
}
