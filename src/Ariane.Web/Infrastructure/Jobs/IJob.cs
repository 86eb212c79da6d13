using System.Globalization;
using Ariane.Web.Features.Shared;

namespace Ariane.Web.Infrastructure.Jobs;

/// <summary>
/// A background job (docs/architecture.md, Background jobs). Registered as a singleton <see cref="IJob"/> by its
/// module; <see cref="JobScheduler"/> runs it when due, each run in a fresh DI scope whose audit actor is the system.
/// A job must be safe to run twice: what it writes is deduplicated (the run itself is claimed once per period).
/// </summary>
public interface IJob
{
    /// <summary>Stable name, stored in the JobRun rows: never rename a job.</summary>
    string Name { get; }

    /// <summary>When it runs.</summary>
    JobSchedule Schedule { get; }

    /// <param name="scopedServices">The run's own scope: its DbContext, its audit trail (actor: the system).</param>
    /// <param name="progress">Where to report the items done, for the JobRun row and the /Jobs page.</param>
    Task RunAsync(IServiceProvider scopedServices, IJobProgress progress, CancellationToken cancellationToken);
}

/// <summary>The job's progress: items processed out of a total when known.</summary>
public interface IJobProgress
{
    Task ReportAsync(int processed, int? total, CancellationToken cancellationToken);
}

/// <summary>A daily schedule, at a Paris wall-clock time: the run of day D is due from D at <see cref="ParisTime"/>.</summary>
public sealed record JobSchedule(TimeOnly ParisTime)
{
    public static JobSchedule DailyAt(int hour, int minute = 0) => new(new TimeOnly(hour, minute));

    /// <summary>The key of the run due at <paramref name="utcNow"/> (the Paris day, « 2026-09-01 »), or null before the time of day.</summary>
    public string? DueRunKey(DateTime utcNow)
    {
        var paris = Format.ToParis(utcNow);
        return TimeOnly.FromDateTime(paris) >= ParisTime ? RunKeyOf(DateOnly.FromDateTime(paris)) : null;
    }

    public static string RunKeyOf(DateOnly parisDay) => parisDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
