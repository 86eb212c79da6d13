using System.Globalization;

namespace Ariane.Bench;

/// <summary>Command-line settings of the bench, with defaults sized for the 2-core reference machine.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        Options:
          --providers Sqlite,Postgres   providers to run (default both)
          --sizes 300,20000             demo dataset sizes, in children (default 300,20000)
          --requests 200                measured requests per latency scenario (after warm-up)
          --warmup 20                   warm-up requests per scenario
          --tokens 20                   measured token requests
          --clients 4                   concurrent clients in the throughput scenarios
          --concurrent-requests 200     requests per throughput scenario
          --search martin               the common name searched
          --max-pages 2500              bound on pages when walking a list
          --max-minutes 120             the whole bench stops after this
          --start-timeout-minutes 30    start and seed must finish within this
          --app <path>                  Ariane.Web.dll (default: src/Ariane.Web/bin/Release/net10.0)
          --app-arg <arg>               extra argument passed to the app (repeatable)
          --work <dir>                  where databases and app logs go (default: a new temp directory)
          --keep                        keep the work directory
          --out <file>                  also write the Markdown report there
        """;

    public IReadOnlyList<string> Providers { get; private set; } = ["Sqlite", "Postgres"];
    public IReadOnlyList<int> Sizes { get; private set; } = [300, 20_000];
    public int Requests { get; private set; } = 200;
    public int Warmup { get; private set; } = 20;
    public int TokenRequests { get; private set; } = 20;
    public int Clients { get; private set; } = 4;
    public int ConcurrentRequests { get; private set; } = 200;
    public string SearchTerm { get; private set; } = "martin";
    public int MaxPages { get; private set; } = 2500;
    public int MaxMinutes { get; private set; } = 120;
    public int StartTimeoutMinutes { get; private set; } = 30;
    public string AppDll { get; private set; } = DefaultAppDll();
    public List<string> AppArguments { get; } = [];
    public string WorkDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "ariane-bench-" + Guid.NewGuid().ToString("N")[..8]);
    public bool KeepWorkDirectory { get; private set; }
    public string? OutputFile { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i]} needs a positive number.");
            switch (args[i])
            {
                case "--providers":
                    options.Providers = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Provider)];
                    break;
                case "--sizes":
                    options.Sizes = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture))];
                    break;
                case "--requests": options.Requests = Number(); break;
                case "--warmup": options.Warmup = Number(); break;
                case "--tokens": options.TokenRequests = Number(); break;
                case "--clients": options.Clients = Number(); break;
                case "--concurrent-requests": options.ConcurrentRequests = Number(); break;
                case "--search": options.SearchTerm = Value(); break;
                case "--max-pages": options.MaxPages = Number(); break;
                case "--max-minutes": options.MaxMinutes = Number(); break;
                case "--start-timeout-minutes": options.StartTimeoutMinutes = Number(); break;
                case "--app": options.AppDll = Path.GetFullPath(Value()); break;
                case "--app-arg": options.AppArguments.Add(Value()); break;
                case "--work": options.WorkDirectory = Path.GetFullPath(Value()); options.KeepWorkDirectory = true; break;
                case "--keep": options.KeepWorkDirectory = true; break;
                case "--out": options.OutputFile = Path.GetFullPath(Value()); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return options;
    }

    private static string Provider(string name) => name.ToUpperInvariant() switch
    {
        "SQLITE" => "Sqlite",
        "POSTGRES" or "POSTGRESQL" => "Postgres",
        _ => throw new ArgumentException($"Unknown provider {name}: Sqlite or Postgres."),
    };

    /// <summary>The Release build of the app, found from the repository root above the bench's own folder.</summary>
    public static string DefaultAppDll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ariane.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, "src", "Ariane.Web", "bin", "Release", "net10.0", "Ariane.Web.dll");
    }
}
