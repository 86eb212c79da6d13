using System.Globalization;
using Ariane.Core.Audit;
using Ariane.Core.Jobs;
using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Infrastructure.Jobs;

/// <summary>What became of a request to run a job.</summary>
public enum JobRunOutcome
{
    Succeeded,
    Failed,
    /// <summary>A run for this job and period exists already (done, failed, or running elsewhere): nothing started.</summary>
    AlreadyClaimed,
}

/// <summary>
/// Runs one job for one period: claims the run by inserting its JobRun row (the unique (JobName, RunKey) index
/// refuses a second claim, from this instance or another), runs the job in a fresh scope as the system, then records
/// the outcome in the row and in the audit. Only the type of a failure is kept and logged, never its message.
/// </summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRunner> logger)
{
    public async Task<JobRunOutcome> RunAsync(IJob job, string runKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var runId = await ClaimAsync(job, runKey, cancellationToken);
        if (runId is null)
        {
            return JobRunOutcome.AlreadyClaimed;
        }

        var progress = new JobProgress(scopes, runId.Value);
        string? errorType = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Actor = AuditActor.System;
            await job.RunAsync(scope.ServiceProvider, progress, cancellationToken);
        }
        catch (Exception ex)
        {
            // The message may quote data (a name in a constraint error): the type only.
            errorType = ex.GetType().Name;
            LogFailed(job.Name, runKey, errorType);
        }

        await FinishAsync(job, runKey, runId.Value, progress, errorType);
        return errorType is null ? JobRunOutcome.Succeeded : JobRunOutcome.Failed;
    }

    private async Task<Guid?> ClaimAsync(IJob job, string runKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Audit.Actor = AuditActor.System;
        var run = new JobRun { JobName = job.Name, RunKey = runKey, StartedAt = time.GetUtcNow().UtcDateTime };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return run.Id;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    private async Task FinishAsync(IJob job, string runKey, Guid runId, JobProgress progress, string? errorType)
    {
        // Recorded even when the app is stopping: the row must not stay « running » for a run that ended.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Audit.Actor = AuditActor.System;
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        run.Status = errorType is null ? JobRunStatus.Succeeded : JobRunStatus.Failed;
        run.Processed = progress.Processed;
        run.Total = progress.Total;
        run.ErrorType = errorType;
        var details = string.Create(CultureInfo.InvariantCulture,
            $$"""{"job":"{{job.Name}}","runKey":"{{runKey}}","processed":{{progress.Processed}}{{(errorType is null ? "" : $",\"error\":\"{errorType}\"")}}}""");
        db.Audit.Record(errorType is null ? AuditEventType.JobRunSucceeded : AuditEventType.JobRunFailed, details: details,
            outcome: errorType is null ? AuditOutcome.Success : AuditOutcome.Failure, entityType: nameof(JobRun), entityId: runId);
        await db.SaveChangesAsync(CancellationToken.None);
        LogFinished(job.Name, runKey, run.Status, progress.Processed);
    }

    private sealed class JobProgress(IServiceScopeFactory scopes, Guid runId) : IJobProgress
    {
        public int Processed { get; private set; }
        public int? Total { get; private set; }

        public async Task ReportAsync(int processed, int? total, CancellationToken cancellationToken)
        {
            (Processed, Total) = (processed, total);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // JobRun is not audited data: a direct update, outside the job's own unit of work.
            await db.JobRuns.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Processed, processed).SetProperty(r => r.Total, total), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} ({RunKey}) failed ({ExceptionType}).")]
    private partial void LogFailed(string job, string runKey, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} ({RunKey}) finished: {Status}, {Processed} processed.")]
    private partial void LogFinished(string job, string runKey, JobRunStatus status, int processed);
}
