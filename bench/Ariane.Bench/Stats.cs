namespace Ariane.Bench;

/// <summary>Latency figures of one scenario, in milliseconds; errors are answers other than the expected status.</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double Max, double Mean, int Errors)
{
    public static LatencyStats From(IReadOnlyCollection<double> milliseconds, int errors = 0)
    {
        if (milliseconds.Count == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN, errors);
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencyStats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1], sorted.Average(), errors)
        {
            P99 = Percentile(sorted, 0.99),
        };
    }

    public double P99 { get; init; } = double.NaN;

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Throughput of a fixed number of requests shared by <paramref name="Clients"/> concurrent clients.</summary>
internal sealed record ThroughputStats(string Scenario, int Clients, int Requests, double Seconds, LatencyStats Latency)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>Walking a whole list with keyset cursors: the latency of each page, in order.</summary>
internal sealed record PagingStats(string User, int Pages, int Items, IReadOnlyList<double> PageMilliseconds, int Errors)
{
    /// <summary>Median latency of the first tenth of the pages (at least one page): medians, so that one slow page does not make a trend.</summary>
    public double FirstTenth => Median(PageMilliseconds.Take(TenthSize));

    public double MiddleTenth => Median(PageMilliseconds.Skip((PageMilliseconds.Count - TenthSize) / 2).Take(TenthSize));

    public double LastTenth => Median(PageMilliseconds.TakeLast(TenthSize));

    public LatencyStats All => LatencyStats.From([.. PageMilliseconds], Errors);

    private int TenthSize => Math.Max(1, PageMilliseconds.Count / 10);

    private static double Median(IEnumerable<double> values) => LatencyStats.From([.. values]).P50;
}

/// <summary>SQL commands one request issued, read from the app's EF Core command log.</summary>
internal sealed record QueryCount(string Scenario, long Commands);

/// <summary>`verify-audit` on the run's database, and the cost of starting the app for a command (`migrate` with nothing to do).</summary>
internal sealed record VerifyStats(long Rows, double Seconds, double BaselineSeconds, bool Intact)
{
    public double RowsPerSecond => Rows / Math.Max(0.001, Seconds - BaselineSeconds);
}

/// <summary>Everything measured for one provider and one dataset size.</summary>
internal sealed class RunResult
{
    public required string Provider { get; init; }
    public required int Children { get; init; }
    public double StartSeconds { get; set; }
    public long? SeedMilliseconds { get; set; }
    public double RestartSeconds { get; set; }
    public double RestartPeakMiB { get; set; }
    public double PeakMiBAfterStart { get; set; }
    public double PeakMiB { get; set; }
    public double RssMiBAtEnd { get; set; }
    public LatencyStats? Token { get; set; }
    public List<(string Scenario, string User, LatencyStats Stats, string Detail)> Latencies { get; } = [];
    public List<PagingStats> Paging { get; } = [];
    public List<ThroughputStats> Throughput { get; } = [];
    public List<QueryCount> Queries { get; } = [];
    public VerifyStats? Verify { get; set; }
}
