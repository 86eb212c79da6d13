using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Ariane.Web.IntegrationTests.Infrastructure;

namespace Ariane.Bench;

/// <summary>
/// One run: a fresh database of one provider, the app started on it and seeded with the demo dataset,
/// then every measurement over HTTP, then `verify-audit` on the same database. Bounded loops only.
/// </summary>
internal sealed partial class Benchmark(BenchOptions options, TextWriter progress)
{
    /// <summary>A département-wide user (CRIP) and a service-scoped one (ASE Nord referent).</summary>
    private const string DepartementUser = "crip.agent";
    private const string ServiceUser = "referent.nord";

    public async Task<RunResult> RunAsync(string provider, int children, CancellationToken cancellationToken)
    {
        var result = new RunResult { Provider = provider, Children = children };
        var runDirectory = Path.Combine(options.WorkDirectory, $"{provider}-{children}");
        Directory.CreateDirectory(runDirectory);
        var (connectionString, cleanup) = await PrepareDatabaseAsync(provider, children, runDirectory);
        try
        {
            var database = new[] { $"--Database:Provider={provider}", $"--Database:ConnectionString={connectionString}" };
            await RunServerAsync(result, database, runDirectory, cancellationToken);
            result.Verify = await VerifyAuditAsync(database, cancellationToken);
            progress.WriteLine($"  verify-audit: {result.Verify.Rows} rows in {result.Verify.Seconds:0.00} s (start-up alone {result.Verify.BaselineSeconds:0.00} s)");
        }
        finally
        {
            await cleanup();
        }

        return result;
    }

    private static async Task<(string ConnectionString, Func<Task> Cleanup)> PrepareDatabaseAsync(string provider, int children, string runDirectory)
    {
        if (provider == "Sqlite")
        {
            var file = Path.Combine(runDirectory, "ariane.db");
            return ($"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                return Task.CompletedTask;
            }
            );
        }

        var server = await PostgresServer.GetAsync();
        var name = PostgresServer.NewDatabaseName($"bench{children}");
        var connectionString = await server.CreateDatabaseAsync(name);
        return (connectionString, () => server.DropDatabaseAsync(name));
    }

    private async Task RunServerAsync(RunResult result, string[] database, string runDirectory, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };

        // First start: migrate, seed, then every timing with the app's own logging settings.
        progress.WriteLine($"[{result.Provider} {result.Children}] starting and seeding ...");
        var started = Stopwatch.StartNew();
        var (server, api) = await StartAsync(http, database, result.Children, [], Path.Combine(runDirectory, "app.log"), cancellationToken);
        await using (server)
        {
            result.StartSeconds = started.Elapsed.TotalSeconds;
            result.SeedMilliseconds = server.SeedMilliseconds;
            result.PeakMiBAfterStart = server.Memory().PeakMiB;
            progress.WriteLine($"  up in {result.StartSeconds:0.0} s (seeder: {result.SeedMilliseconds} ms), peak RSS {result.PeakMiBAfterStart:0} MiB");
            await MeasureLatenciesAsync(result, api, runDirectory, cancellationToken);
            var memory = server.Memory();
            result.PeakMiB = memory.PeakMiB;
            result.RssMiBAtEnd = memory.CurrentMiB;
            progress.WriteLine($"  peak RSS {result.PeakMiB:0} MiB, RSS at end {result.RssMiBAtEnd:0} MiB");
            await server.StopAsync();
        }

        // Second start on the same, already seeded database, with EF Core's command log on, to count queries.
        string[] commandLog =
        [
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information",
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information",
        ];
        started.Restart();
        (server, api) = await StartAsync(http, database, result.Children, commandLog, Path.Combine(runDirectory, "app-commands.log"), cancellationToken);
        await using (server)
        {
            result.RestartSeconds = started.Elapsed.TotalSeconds;
            progress.WriteLine($"  restarted on the seeded database in {result.RestartSeconds:0.0} s");
            await CountQueriesAsync(result, server, api, cancellationToken);
            result.RestartPeakMiB = server.Memory().PeakMiB;
            await server.StopAsync();
        }
    }

    private async Task<(AppServer Server, ApiClient Api)> StartAsync(
        HttpClient http, string[] database, int children, string[] extra, string logPath, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] arguments =
        [
            "--urls", baseAddress.ToString().TrimEnd('/'),
            .. database,
            "--Database:MigrateAtStart=true",
            "--Demo:Enabled=true",
            $"--Demo:Children={children}",
            $"--Demo:Password={ApiClient.DemoPassword}",
            "--Security:RequireTwoFactor=false",
            "--Security:ApiTokenMinutes=480",
            .. extra,
            .. options.AppArguments,
        ];
        var server = AppServer.Start(options.AppDll, arguments, logPath);
        try
        {
            await server.WaitHealthyAsync(http, baseAddress, TimeSpan.FromMinutes(options.StartTimeoutMinutes), cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return (server, new ApiClient(http, baseAddress));
    }

    private async Task MeasureLatenciesAsync(RunResult result, ApiClient api, string runDirectory, CancellationToken cancellationToken)
    {
        result.Token = await MeasureTokensAsync(api, cancellationToken);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DepartementUser] = await api.TokenAsync(DepartementUser, cancellationToken),
            [ServiceUser] = await api.TokenAsync(ServiceUser, cancellationToken),
        };

        var ids = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var (user, token) in tokens)
        {
            var search = await MeasureAsync(options.Requests, _ => $"/api/v1/children?q={Uri.EscapeDataString(options.SearchTerm)}", token, api, cancellationToken);
            result.Latencies.Add(("search", user, search.Stats, $"q={options.SearchTerm}, {search.LastItems} on the page"));
            progress.WriteLine($"  search as {user}: p50 {search.Stats.P50:0.0} ms, p95 {search.Stats.P95:0.0} ms");

            var (paging, all) = await PageThroughAsync(api, user, token, cancellationToken);
            result.Paging.Add(paging);
            ids[user] = all;
            progress.WriteLine($"  paged {paging.Items} children as {user} in {paging.Pages} pages: first tenth {paging.FirstTenth:0.0} ms, middle {paging.MiddleTenth:0.0} ms, last {paging.LastTenth:0.0} ms (medians)");
            await File.WriteAllLinesAsync(
                Path.Combine(runDirectory, $"pages-{user}.csv"),
                ["page,milliseconds", .. paging.PageMilliseconds.Select((ms, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1},{ms:0.000}"))],
                cancellationToken);

            if (all.Count == 0)
            {
                continue;
            }

            var spread = Spread(all, options.Requests);
            var open = await MeasureAsync(options.Requests, i => $"/api/v1/children/{spread[i % spread.Count]}", token, api, cancellationToken);
            result.Latencies.Add(("open record", user, open.Stats, $"{spread.Count} distinct children"));
            progress.WriteLine($"  open record as {user}: p50 {open.Stats.P50:0.0} ms, p95 {open.Stats.P95:0.0} ms");
        }

        await MeasureConcurrencyAsync(result, api, tokens[DepartementUser], ids[DepartementUser], cancellationToken);
    }

    private async Task<LatencyStats> MeasureTokensAsync(ApiClient api, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        var errors = 0;
        for (var i = 0; i < options.Warmup / 4 + options.TokenRequests; i++)
        {
            var answer = await api.IssueTokenAsync(DepartementUser, cancellationToken);
            if (i < options.Warmup / 4)
            {
                continue;
            }

            samples.Add(answer.Milliseconds);
            errors += answer.Ok ? 0 : 1;
        }

        var stats = LatencyStats.From(samples, errors);
        progress.WriteLine($"  token: p50 {stats.P50:0.0} ms, p95 {stats.P95:0.0} ms");
        return stats;
    }

    /// <summary>Warm-up, then <paramref name="count"/> sequential requests.</summary>
    private async Task<(LatencyStats Stats, int LastItems)> MeasureAsync(
        int count, Func<int, string> url, string token, ApiClient api, CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Warmup; i++)
        {
            await api.GetAsync(url(count + i), token, cancellationToken);
        }

        var samples = new List<double>(count);
        var errors = 0;
        var items = 0;
        for (var i = 0; i < count; i++)
        {
            var answer = await api.GetAsync(url(i), token, cancellationToken);
            samples.Add(answer.Milliseconds);
            if (!answer.Ok)
            {
                errors++;
            }
            else if (answer.Body.StartsWith("{\"items\"", StringComparison.Ordinal))
            {
                items = ApiClient.ParsePage(answer.Body).Ids.Count;
            }
        }

        return (LatencyStats.From(samples, errors), items);
    }

    /// <summary>The whole list the user may read, 50 a page, following the keyset cursors to the end.</summary>
    private async Task<(PagingStats Stats, List<Guid> Ids)> PageThroughAsync(ApiClient api, string user, string token, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var times = new List<double>();
        var errors = 0;
        string? cursor = null;
        // Bounded: the dataset cannot hold more pages than this.
        var maxPages = options.MaxPages;
        for (var page = 0; page < maxPages; page++)
        {
            var url = "/api/v1/children?pageSize=50" + (cursor is null ? string.Empty : "&after=" + Uri.EscapeDataString(cursor));
            var answer = await api.GetAsync(url, token, cancellationToken);
            times.Add(answer.Milliseconds);
            if (!answer.Ok)
            {
                errors++;
                break;
            }

            var (pageIds, next) = ApiClient.ParsePage(answer.Body);
            ids.AddRange(pageIds);
            cursor = next;
            if (cursor is null)
            {
                break;
            }
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            throw new InvalidOperationException($"Keyset paging as {user} returned a child twice.");
        }

        return (new PagingStats(user, times.Count, ids.Count, times, errors), ids);
    }

    /// <summary>
    /// The same audited reads by 1 client, then by several at once: every audited read appends to the
    /// hash chain under one lock, so they serialise. /health (no audit) shows what the host does without it.
    /// </summary>
    private async Task MeasureConcurrencyAsync(RunResult result, ApiClient api, string token, List<Guid> ids, CancellationToken cancellationToken)
    {
        var spread = Spread(ids, options.ConcurrentRequests);
        var scenarios = new (string Name, Func<int, string> Url, string? Token)[]
        {
            ("open record", i => $"/api/v1/children/{spread[i % spread.Count]}", token),
            ("search", _ => $"/api/v1/children?q={Uri.EscapeDataString(options.SearchTerm)}", token),
            ("/health (not audited)", _ => "/health", null),
        };
        foreach (var (name, url, scenarioToken) in scenarios)
        {
            foreach (var clients in new[] { 1, options.Clients }.Distinct())
            {
                var stats = await ThroughputAsync(api, name, clients, options.ConcurrentRequests, url, scenarioToken, cancellationToken);
                result.Throughput.Add(stats);
                progress.WriteLine($"  {name}, {clients} client(s): {stats.PerSecond:0} req/s, p95 {stats.Latency.P95:0.0} ms, errors {stats.Latency.Errors}");
            }
        }
    }

    private async Task<ThroughputStats> ThroughputAsync(
        ApiClient api, string name, int clients, int total, Func<int, string> url, string? token, CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Warmup; i++)
        {
            await api.GetAsync(url(total + i), token, cancellationToken);
        }

        var next = -1;
        var samples = new double[total];
        var errors = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var answer = await api.GetAsync(url(i), token, cancellationToken);
                samples[i] = answer.Milliseconds;
                if (!answer.Ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        return new ThroughputStats(name, clients, total, elapsed, LatencyStats.From(samples, errors));
    }

    /// <summary>
    /// SQL commands issued by one request of each kind, counted in the app's EF Core command log between
    /// the request and its "Request finished" line. Nothing else runs meanwhile.
    /// </summary>
    private async Task CountQueriesAsync(RunResult result, AppServer server, ApiClient api, CancellationToken cancellationToken)
    {
        var crip = await api.TokenAsync(DepartementUser, cancellationToken);
        var referent = await api.TokenAsync(ServiceUser, cancellationToken);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal) { [DepartementUser] = crip, [ServiceUser] = referent };
        var ids = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var (user, token) in tokens)
        {
            var page = await api.GetAsync("/api/v1/children?pageSize=50", token, cancellationToken);
            ids[user] = page.Ok ? ApiClient.ParsePage(page.Body).Ids : [];
        }

        var firstPage = await api.GetAsync("/api/v1/children?pageSize=50", crip, cancellationToken);
        var cursor = ApiClient.ParsePage(firstPage.Body).Next;
        var scenarios = new List<(string Name, Func<Task<Timed>> Request)>
        {
            ("token", () => api.IssueTokenAsync(DepartementUser, cancellationToken)),
            ($"search q={options.SearchTerm} as {DepartementUser}", () => api.GetAsync($"/api/v1/children?q={options.SearchTerm}", crip, cancellationToken)),
            ($"search q={options.SearchTerm} as {ServiceUser}", () => api.GetAsync($"/api/v1/children?q={options.SearchTerm}", referent, cancellationToken)),
            ($"list page 1 as {DepartementUser}", () => api.GetAsync("/api/v1/children?pageSize=50", crip, cancellationToken)),
        };
        if (cursor is not null)
        {
            scenarios.Add(($"list page 2 (cursor) as {DepartementUser}", () => api.GetAsync("/api/v1/children?pageSize=50&after=" + Uri.EscapeDataString(cursor), crip, cancellationToken)));
        }

        foreach (var (user, token) in tokens)
        {
            if (ids[user].Count > 0)
            {
                var id = ids[user][ids[user].Count / 2];
                scenarios.Add(($"open record as {user}", () => api.GetAsync($"/api/v1/children/{id}", token, cancellationToken)));
            }
        }

        scenarios.Add(("open record refused (404) as " + ServiceUser, () => api.GetAsync($"/api/v1/children/{Guid.CreateVersion7()}", referent, cancellationToken)));

        foreach (var (name, request) in scenarios)
        {
            // Let the log catch up with everything before, then count around this one request.
            await Task.Delay(300, cancellationToken);
            var finishedBefore = server.RequestsFinished;
            var commandsBefore = server.CommandCount;
            await request();
            await server.WaitForRequestsFinishedAsync(finishedBefore + 1, cancellationToken);
            result.Queries.Add(new QueryCount(name, server.CommandCount - commandsBefore));
        }

        progress.WriteLine("  SQL commands per request: " + string.Join(", ", result.Queries.Select(q => $"{q.Scenario}={q.Commands}")));
    }

    private async Task<VerifyStats> VerifyAuditAsync(string[] database, CancellationToken cancellationToken)
    {
        string[] quiet = ["--Logging:LogLevel:Default=Warning"];
        var baseline = await RunCommandAsync(["migrate", .. database, .. quiet], cancellationToken);
        var verify = await RunCommandAsync(["verify-audit", .. database, .. quiet], cancellationToken);
        var match = VerifiedPattern().Match(verify.Output);
        return new VerifyStats(
            match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1,
            verify.Seconds,
            baseline.Seconds,
            verify.ExitCode == 0 && match.Success);
    }

    private async Task<(int ExitCode, string Output, double Seconds)> RunCommandAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(options.AppDll)!,
        };
        startInfo.ArgumentList.Add(options.AppDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            progress.WriteLine($"  {arguments[0]} exited with {process.ExitCode}: {output}");
        }

        return (process.ExitCode, output, seconds);
    }

    /// <summary><paramref name="count"/> ids spread evenly over the list (distinct when the list is long enough).</summary>
    private static List<Guid> Spread(List<Guid> ids, int count) =>
        ids.Count <= count ? ids : [.. Enumerable.Range(0, count).Select(i => ids[(int)((long)i * ids.Count / count)])];

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"intact : (\d+) lignes")]
    private static partial Regex VerifiedPattern();
}
