using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure.Jobs;

/// <summary>
/// The hosted service that starts the due jobs: every <see cref="JobOptions.CheckEverySeconds"/>, each job whose
/// time of day has come and whose run for the Paris day is not yet claimed runs, one after the other (the machine is
/// small). A job missed while the app was down runs at the next start the same day. Off when Jobs:Enabled is false.
/// </summary>
public sealed partial class JobScheduler(
    IEnumerable<IJob> jobs, JobRunner runner, IOptions<JobOptions> options, TimeProvider time, ILogger<JobScheduler> logger) : BackgroundService
{
    // The run keys already claimed by this process or found claimed: no query for them again.
    private readonly Dictionary<string, string> claimed = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled();
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckEverySeconds), time);
        try
        {
            do
            {
                await RunDueAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs every job that is due now and not yet run for its period.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            var key = job.Schedule.DueRunKey(time.GetUtcNow().UtcDateTime);
            if (key is null || claimed.GetValueOrDefault(job.Name) == key)
            {
                continue;
            }

            try
            {
                await runner.RunAsync(job, key, cancellationToken);
                claimed[job.Name] = key;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be unreachable for a while: tried again at the next tick.
                LogCheckFailed(job.Name, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Background jobs are disabled (Jobs:Enabled=false).")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} could not be started ({ExceptionType}); tried again at the next check.")]
    private partial void LogCheckFailed(string job, string exceptionType);
}
