using System.Diagnostics;
using System.Globalization;
using Ariane.Bench;

// Ariane benchmark: see docs/performance.md. Usage (`generate ...` fills a database instead: Generator/GenerateCommand.cs):
//   dotnet bench/Ariane.Bench/bin/Release/net10.0/Ariane.Bench.dll [--providers Sqlite,Postgres] [--sizes 300,20000]
//     [--requests 200] [--warmup 20] [--clients 4] [--search martin] [--out results.md] [--app-arg --Some:Setting=x]...
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length > 0 && args[0] == "generate")
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    return args.Contains("--help") ? Print(Ariane.Bench.Generator.GenerateCommand.Usage) : await Ariane.Bench.Generator.GenerateCommand.RunAsync(args[1..], Console.Error, cancel.Token);
}

if (args.Length > 0 && args[0] == "dataset")
{
    if (args.Contains("--help"))
    {
        return Print(DatasetOptions.Usage);
    }

    DatasetOptions datasetOptions;
    string? datasetOut;
    try
    {
        (datasetOptions, datasetOut) = DatasetOptions.Parse(args[1..], BenchOptions.DefaultAppDll());
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine(DatasetOptions.Usage);
        return 64;
    }

    var datasetReport = await new DatasetBenchmark(datasetOptions, Console.Error).RunAsync(CancellationToken.None);
    Console.WriteLine(datasetReport);
    if (datasetOut is not null)
    {
        await File.WriteAllTextAsync(datasetOut, datasetReport);
    }

    return 0;
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 64;
}

if (!File.Exists(options.AppDll))
{
    Console.Error.WriteLine($"{options.AppDll} not found: build the app first (dotnet build bench/Ariane.Bench -c Release).");
    return 66;
}

Directory.CreateDirectory(options.WorkDirectory);
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(options.MaxMinutes));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var progress = Console.Error;
progress.WriteLine($"Ariane bench: app {options.AppDll}, work directory {options.WorkDirectory}");
var results = new List<RunResult>();
var failures = new List<string>();
var total = Stopwatch.StartNew();
var loadAtStart = Report.LoadAverage();
foreach (var provider in options.Providers)
{
    foreach (var size in options.Sizes)
    {
        try
        {
            results.Add(await new Benchmark(options, progress).RunAsync(provider, size, stop.Token));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException or OperationCanceledException)
        {
            failures.Add($"{provider} {size}: {ex.GetType().Name}: {ex.Message}");
            progress.WriteLine($"[{provider} {size}] FAILED: {ex}");
            if (stop.IsCancellationRequested)
            {
                break;
            }
        }
    }
}

var report = Report.Markdown(results, options, failures, total.Elapsed, loadAtStart);
Console.WriteLine(report);
if (options.OutputFile is not null)
{
    await File.WriteAllTextAsync(options.OutputFile, report);
    progress.WriteLine($"Written to {options.OutputFile}");
}

if (!options.KeepWorkDirectory)
{
    try
    {
        Directory.Delete(options.WorkDirectory, recursive: true);
    }
    catch (IOException)
    {
        // Best effort.
    }
}

return failures.Count == 0 ? 0 : 1;

static int Print(string text)
{
    Console.WriteLine(text);
    return 0;
}
