using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Every few minutes, and when the app stops, writes the head of each chain that moved to the heads file
/// and to the log, outside the database: verify-audit then tells a chain re-sealed or cut short after an
/// export (docs/decisions/0008-audit-chains.md). Only positions and seals leave: no personal data.
/// </summary>
public sealed partial class AuditHeadExporter(
    IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditHeadExporter> logger) : BackgroundService
{
    private readonly Dictionary<string, long> exported = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.HeadsFile;
        foreach (var head in await AuditHeadExport.LoadAsync(path, stoppingToken))
        {
            exported[head.Chain] = Math.Max(exported.GetValueOrDefault(head.Chain), head.ChainSequence);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.HeadExportMinutes), time);
        try
        {
            do
            {
                await ExportAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The last heads before the app goes down.
        await ExportAsync(cancellationToken);
    }

    /// <summary>Appends the heads that moved since the last export; a failure is logged and tried again next time.</summary>
    public async Task ExportAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var heads = (await AuditHeadExport.ReadHeadsAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken))
                .Where(h => exported.GetValueOrDefault(h.Chain) != h.ChainSequence).ToList();
            await AuditHeadExport.AppendAsync(options.Value.HeadsFile, heads, cancellationToken);
            foreach (var head in heads)
            {
                exported[head.Chain] = head.ChainSequence;
                LogHead(head.Chain, head.ChainSequence, head.Hash);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain head {Chain} at {ChainSequence}: {Hash}")]
    private partial void LogHead(string chain, long chainSequence, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit chain heads could not be exported ({ExceptionType}); retried at the next tick.")]
    private partial void LogFailed(string exceptionType);
}
