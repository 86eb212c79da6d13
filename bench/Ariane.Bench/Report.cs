using System.Globalization;
using System.Text;

namespace Ariane.Bench;

/// <summary>The figures as Markdown tables, ready for docs/performance.md.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<RunResult> results, BenchOptions options, IReadOnlyList<string> failures, TimeSpan elapsed, string loadAtStart)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        string F(double value, string format = "0.0") => double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

        Line($"## Ariane bench — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line();
        Line($"Machine: {Environment.ProcessorCount} cores, {MemoryGiB()} GiB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}. " +
             $"Requests per latency scenario: {options.Requests} after {options.Warmup} warm-up; throughput: {options.ConcurrentRequests} requests; search term \"{options.SearchTerm}\". Bench run took {elapsed.TotalMinutes:0.0} min. " +
             $"Load average (1, 5, 15 min) at start {loadAtStart}, at end {LoadAverage()}: the machine is shared, so figures carry noise.");
        if (options.AppArguments.Count > 0)
        {
            Line($"Extra app arguments: `{string.Join(' ', options.AppArguments)}`.");
        }

        Line();
        Line("### Start, seed, memory, audit verification");
        Line();
        Line("| Provider | Children | Start + seed (s) | Seeder alone (s) | Restart, seeded (s) | Peak RSS after start (MiB) | Peak RSS whole run (MiB) | RSS at end (MiB) | Peak RSS, restart without seeding (MiB) | Audit rows | verify-audit (s) | of which start-up (s) | Rows/s verified |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var v = r.Verify;
            Line($"| {r.Provider} | {r.Children:N0} | {F(r.StartSeconds)} | {(r.SeedMilliseconds is { } s ? F(s / 1000.0) : "–")} | {F(r.RestartSeconds)} | {F(r.PeakMiBAfterStart, "0")} | {F(r.PeakMiB, "0")} | {F(r.RssMiBAtEnd, "0")} | {F(r.RestartPeakMiB, "0")} | " +
                 $"{(v is null ? "–" : v.Rows.ToString("N0", CultureInfo.InvariantCulture))}{(v is { Intact: false } ? " (NOT intact)" : string.Empty)} | {(v is null ? "–" : F(v.Seconds, "0.00"))} | {(v is null ? "–" : F(v.BaselineSeconds, "0.00"))} | {(v is null ? "–" : F(v.RowsPerSecond, "N0"))} |");
        }

        Line();
        Line("### Latency, one client (ms)");
        Line();
        Line("| Provider | Children | Request | User | n | p50 | p95 | max | mean | errors | note |");
        Line("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            if (r.Token is { } t)
            {
                Line($"| {r.Provider} | {r.Children:N0} | POST /api/v1/auth/token | crip.agent | {t.Count} | {F(t.P50)} | {F(t.P95)} | {F(t.Max)} | {F(t.Mean)} | {t.Errors} | password hash check + audit row |");
            }

            foreach (var (scenario, user, s, detail) in r.Latencies)
            {
                var request = scenario == "search" ? "GET /api/v1/children?q=" : "GET /api/v1/children/{id}";
                Line($"| {r.Provider} | {r.Children:N0} | {request} | {user} | {s.Count} | {F(s.P50)} | {F(s.P95)} | {F(s.Max)} | {F(s.Mean)} | {s.Errors} | {detail} |");
            }
        }

        Line();
        Line("### Keyset paging through the whole accessible list (pageSize 50, ms per page)");
        Line();
        Line("| Provider | Children | User | Children listed | Pages | first tenth of pages (median) | middle tenth (median) | last tenth (median) | all pages p50 | p95 | max | errors |");
        Line("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var p in r.Paging)
            {
                var all = p.All;
                Line($"| {r.Provider} | {r.Children:N0} | {p.User} | {p.Items:N0} | {p.Pages} | {F(p.FirstTenth)} | {F(p.MiddleTenth)} | {F(p.LastTenth)} | {F(all.P50)} | {F(all.P95)} | {F(all.Max)} | {p.Errors} |");
            }
        }

        Line();
        Line($"### Throughput: 1 client vs {options.Clients} concurrent clients (as crip.agent)");
        Line();
        Line("| Provider | Children | Request | Clients | Requests | req/s | p50 (ms) | p95 (ms) | max (ms) | errors |");
        Line("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var t in r.Throughput)
            {
                Line($"| {r.Provider} | {r.Children:N0} | {t.Scenario} | {t.Clients} | {t.Requests} | {F(t.PerSecond, "0")} | {F(t.Latency.P50)} | {F(t.Latency.P95)} | {F(t.Latency.Max)} | {t.Latency.Errors} |");
            }
        }

        Line();
        Line("### SQL commands per request (EF Core command log, second start with Microsoft.EntityFrameworkCore.Database.Command=Information)");
        Line();
        var scenarios = results.SelectMany(r => r.Queries.Select(q => q.Scenario)).Distinct().ToList();
        Line("| Request | " + string.Join(" | ", results.Select(r => $"{r.Provider} {r.Children:N0}")) + " |");
        Line("|---|" + string.Concat(results.Select(_ => "---:|")));
        foreach (var scenario in scenarios)
        {
            Line($"| {scenario} | " + string.Join(" | ", results.Select(r => r.Queries.FirstOrDefault(q => q.Scenario == scenario)?.Commands.ToString(CultureInfo.InvariantCulture) ?? "–")) + " |");
        }

        if (failures.Count > 0)
        {
            Line();
            Line("### Failures");
            Line();
            foreach (var failure in failures)
            {
                Line("- " + failure.ReplaceLineEndings(" "));
            }
        }

        return md.ToString();
    }

    /// <summary>The 1, 5 and 15-minute load averages, from /proc/loadavg.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string MemoryGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return (kb / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
