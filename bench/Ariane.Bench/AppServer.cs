using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ariane.Bench;

/// <summary>
/// The app (Ariane.Web.dll) running as a child process of the bench. Its console output is read
/// line by line: kept in a log file, and counted (SQL commands executed, requests finished) so that
/// the bench can tell how many queries one request issued.
/// </summary>
internal sealed partial class AppServer : IAsyncDisposable
{
    private const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";
    private const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Lock gate = new();
    private readonly Queue<string> recent = new();
    private long commands;
    private long requestsFinished;
    private long? seedMilliseconds;

    private AppServer(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
    }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public long CommandCount => Interlocked.Read(ref commands);

    public long RequestsFinished => Interlocked.Read(ref requestsFinished);

    /// <summary>What the demo seeder logged as its own duration.</summary>
    public long? SeedMilliseconds
    {
        get
        {
            lock (gate)
            {
                return seedMilliseconds;
            }
        }
    }

    public static AppServer Start(string appDll, IEnumerable<string> arguments, string logPath)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
        };
        startInfo.ArgumentList.Add(appDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Not "Production": the app refuses demo data on PostgreSQL in production. Nothing else depends on it.
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        startInfo.Environment.Remove("ASPNETCORE_URLS");
        startInfo.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        var log = new StreamWriter(logPath) { AutoFlush = false };
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new AppServer(process, log);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start dotnet " + appDll);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        // EF Core's CommandExecuted (20101) or CommandError (20102); ASP.NET Core's "Request finished" (2).
        // The app's console log is JSON ("Category":..., "EventId":...) or simple ("info: Category[EventId]").
        if (line.Contains(CommandCategory, StringComparison.Ordinal) && (HasEvent(line, 20101) || HasEvent(line, 20102)))
        {
            Interlocked.Increment(ref commands);
        }
        else if (line.Contains(HostingCategory, StringComparison.Ordinal) && HasEvent(line, 2))
        {
            Interlocked.Increment(ref requestsFinished);
        }

        lock (gate)
        {
            log.WriteLine(line);
            recent.Enqueue(line);
            if (recent.Count > 60)
            {
                recent.Dequeue();
            }

            var seeded = SeededPattern().Match(line);
            if (seeded.Success)
            {
                seedMilliseconds = long.Parse(seeded.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
    }

    private static bool HasEvent(string line, int eventId) =>
        line.Contains($"\"EventId\":{eventId},", StringComparison.Ordinal) || line.Contains($"[{eventId}]", StringComparison.Ordinal);

    /// <summary>The last lines the app wrote, for error messages.</summary>
    public string RecentOutput()
    {
        lock (gate)
        {
            return string.Join('\n', recent);
        }
    }

    /// <summary>Polls GET /health until it answers 200; fails if the app exits or the time runs out.</summary>
    public async Task WaitHealthyAsync(HttpClient http, Uri baseAddress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting:\n{RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(baseAddress, "/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the seeder runs before Kestrel starts.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The app did not answer /health within {timeout.TotalMinutes:0} min:\n{RecentOutput()}");
    }

    /// <summary>Waits until the app has logged <paramref name="count"/> finished requests (its log is asynchronous).</summary>
    public async Task WaitForRequestsFinishedAsync(long count, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (RequestsFinished < count)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("The app did not log the end of the request: is Microsoft.AspNetCore.Hosting.Diagnostics logged at Information?");
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Peak resident set size (VmHWM) and current one (VmRSS) in MiB, from /proc.</summary>
    public (double PeakMiB, double CurrentMiB) Memory()
    {
        double peak = 0, current = 0;
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = KiloBytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = KiloBytes(line) / 1024.0;
            }
        }

        return (peak, current);
    }

    private static long KiloBytes(string line) =>
        long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>Asks the app to stop (SIGTERM: a graceful shutdown), and kills it if it does not within 20 s.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-s", "TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        lock (gate)
        {
            log.Flush();
        }

        await log.DisposeAsync();
    }

    [GeneratedRegex(@"Demo dataset seeded in (\d+) ms")]
    private static partial Regex SeededPattern();
}
