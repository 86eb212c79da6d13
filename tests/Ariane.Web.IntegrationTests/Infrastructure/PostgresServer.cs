using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server per test process, started on first use from the locally
/// installed binaries (newest /usr/lib/postgresql/*/bin, or $ARIANE_PG_BIN), listening on a free
/// TCP port of 127.0.0.1 with trust authentication and durability turned off. It is stopped and
/// its data directory deleted when the process exits. Tests create their own databases on it.
/// When the process runs as root, the server runs as the unprivileged "postgres" user.
/// </summary>
public sealed partial class PostgresServer
{
    private const string DirectoryPrefix = "ariane-pg-";
    private const string OwnerFileName = "owner.pid";
    private const string MissingBinariesHint =
        "install the postgresql package: scripts/install-test-deps.sh (or set ARIANE_PG_BIN to a directory holding initdb and pg_ctl)";

    private static readonly string[] RunuserPaths = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"];

    private static readonly Lazy<Task<PostgresServer>> Instance =
        new(() => Task.Run(Start), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly string _dataDirectory;
    private readonly bool _runAsPostgresUser;
    private int _stopped;

    private PostgresServer(string binDirectory, string rootDirectory, bool runAsPostgresUser, int port)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _dataDirectory = Path.Combine(rootDirectory, "data");
        _runAsPostgresUser = runAsPostgresUser;
        Port = port;
    }

    /// <summary>TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Directory of the PostgreSQL binaries in use.</summary>
    public string BinDirectory => _binDirectory;

    /// <summary>Connection string to the maintenance database "postgres".</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>The shared server, started on the first call (thread-safe; later calls get the same instance).</summary>
    public static Task<PostgresServer> GetAsync() => Instance.Value;

    public string ConnectionString(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            IncludeErrorDetail = true,
        };
        return builder.ConnectionString;
    }

    /// <summary>
    /// Creates database <paramref name="name"/> (letters, digits and underscores; at most 63 characters),
    /// optionally as a copy of <paramref name="template"/>, and returns its connection string.
    /// PostgreSQL copies only a database nobody is connected to: connections to the template are closed first.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        var sql = "CREATE DATABASE " + QuoteIdentifier(name);
        if (template is not null)
        {
            sql += " TEMPLATE " + QuoteIdentifier(template);
            ClearPool(template);
            await ExecuteAdminAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + template +
                "' AND pid <> pg_backend_pid()").ConfigureAwait(false);
        }

        await ExecuteAdminAsync(sql).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Drops database <paramref name="name"/> if it exists, closing any connection to it.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        var quoted = QuoteIdentifier(name);
        // Idle connections pooled in this process would otherwise be broken by the forced drop.
        ClearPool(name);

        await ExecuteAdminAsync("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)").ConfigureAwait(false);
    }

    /// <summary>A fresh database name: the prefix, an underscore and 12 random hex digits.</summary>
    public static string NewDatabaseName(string prefix = "test") =>
        prefix + "_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Closes the idle connections that this process pools to <paramref name="database"/>.</summary>
    public void ClearPool(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database));
        NpgsqlConnection.ClearPool(connection);
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    private static string QuoteIdentifier(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 63 || !IdentifierPattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Database name '{name}' must be 1 to 63 letters, digits or underscores.", nameof(name));
        }

        return "\"" + name + "\"";
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex IdentifierPattern();

    private static PostgresServer Start()
    {
        var binDirectory = FindBinDirectory();
        var runAsPostgresUser = IsRoot();
        if (runAsPostgresUser)
        {
            EnsurePostgresUser();
        }

        // As root the server runs as "postgres", which must reach its directories: use /tmp, not a private $TMPDIR.
        var baseDirectory = runAsPostgresUser ? "/tmp" : Path.GetTempPath();
        ReapOrphans(baseDirectory, binDirectory, runAsPostgresUser);

        var rootDirectory = Path.Combine(baseDirectory, DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(rootDirectory);
        File.WriteAllText(
            Path.Combine(rootDirectory, OwnerFileName),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var socketDirectory = Path.Combine(rootDirectory, "socket");
        Directory.CreateDirectory(socketDirectory);

        PostgresServer? server = null;
        try
        {
            if (runAsPostgresUser)
            {
                RunChecked("chown", ["-R", "postgres:", rootDirectory], rootDirectory, asPostgres: false, TimeSpan.FromSeconds(30));
            }

            InitDb(binDirectory, rootDirectory, runAsPostgresUser);

            // The free port can be taken by someone else before the server binds it: retry with another.
            string? lastFailure = null;
            for (var attempt = 0; attempt < 3 && server is null; attempt++)
            {
                var candidate = new PostgresServer(binDirectory, rootDirectory, runAsPostgresUser, FindFreePort());
                lastFailure = candidate.TryStartServer(socketDirectory);
                if (lastFailure is null)
                {
                    server = candidate;
                }
            }

            if (server is null)
            {
                throw new InvalidOperationException("Could not start the test PostgreSQL server:\n" + lastFailure);
            }

            // On a normal exit the server is stopped at once; the watchdog covers the test host being
            // killed (test runners do that when a run ends or hangs) before it could clean up.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
            server.StartWatchdog();
            return server;
        }
        catch
        {
            server?.Stop();
            TryDeleteDirectory(rootDirectory);
            throw;
        }
    }

    private static void InitDb(string binDirectory, string rootDirectory, bool asPostgres)
    {
        var initdb = Path.Combine(binDirectory, "initdb");
        var dataDirectory = Path.Combine(rootDirectory, "data");
        string[] common = ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"];
        var first = Run(initdb, [.. common, "--locale=C.UTF-8"], rootDirectory, asPostgres, TimeSpan.FromMinutes(2));
        if (first.ExitCode == 0)
        {
            return;
        }

        // Some systems lack the C.UTF-8 locale.
        TryDeleteDirectory(dataDirectory);
        var second = Run(initdb, [.. common, "--locale=C"], rootDirectory, asPostgres, TimeSpan.FromMinutes(2));
        if (second.ExitCode != 0)
        {
            throw new InvalidOperationException(
                "initdb failed for the test PostgreSQL server.\n--- with --locale=C.UTF-8:\n" + first.Output +
                "\n--- with --locale=C:\n" + second.Output);
        }
    }

    /// <returns>null when the server is up, else what went wrong.</returns>
    private string? TryStartServer(string socketDirectory)
    {
        var logFile = Path.Combine(_rootDirectory, "server.log");
        var options = string.Join(
            ' ',
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-k", socketDirectory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            // Every test database gets its own Npgsql pool, whose idle connections stay open for a while.
            "-c", "max_connections=300");
        // -l matters: without it the server would keep our output pipes open forever.
        var result = Run(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", _dataDirectory, "-l", logFile, "-o", options, "-w", "-t", "60", "start"],
            _rootDirectory,
            _runAsPostgresUser,
            TimeSpan.FromSeconds(90));
        if (result.ExitCode == 0)
        {
            return null;
        }

        Stop(deleteDirectory: false);
        var log = File.Exists(logFile) ? File.ReadAllText(logFile) : "(no server log)";
        return $"pg_ctl start on port {Port} exited with {result.ExitCode}:\n{result.Output}\n--- server log:\n{log}";
    }

    /// <summary>
    /// Starts a detached shell that waits for this process to end, then stops the server and deletes its directory.
    /// </summary>
    private void StartWatchdog()
    {
        var (stopFile, stopArguments) = CommandLine(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", _dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"],
            _runAsPostgresUser);
        var stop = string.Join(' ', new[] { stopFile }.Concat(stopArguments).Select(ShellQuote));
        var owner = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var script =
            $"(while kill -0 {owner}; do sleep 1; done; " +
            $"if [ -f {ShellQuote(Path.Combine(_dataDirectory, "postmaster.pid"))} ]; then {stop}; fi; " +
            $"rm -rf {ShellQuote(_rootDirectory)}) </dev/null >/dev/null 2>&1 &";
        RunChecked("/bin/sh", ["-c", script], _rootDirectory, asPostgres: false, TimeSpan.FromSeconds(30));
    }

    private void Stop() => Stop(deleteDirectory: true);

    private void Stop(bool deleteDirectory)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        StopDataDirectory(_binDirectory, _dataDirectory, _rootDirectory, _runAsPostgresUser);
        if (deleteDirectory)
        {
            TryDeleteDirectory(_rootDirectory);
        }
    }

    private static void StopDataDirectory(string binDirectory, string dataDirectory, string workingDirectory, bool asPostgres)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            return;
        }

        try
        {
            Run(
                Path.Combine(binDirectory, "pg_ctl"),
                ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"],
                workingDirectory,
                asPostgres,
                TimeSpan.FromSeconds(45));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            // Best effort: this runs while the process exits.
        }
    }

    /// <summary>Stops and deletes servers left behind by test processes that died without cleaning up.</summary>
    private static void ReapOrphans(string baseDirectory, string binDirectory, bool asPostgres)
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetDirectories(baseDirectory, DirectoryPrefix + "*");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var directory in candidates)
        {
            var ownerFile = Path.Combine(directory, OwnerFileName);
            try
            {
                if (File.Exists(ownerFile))
                {
                    if (!int.TryParse(File.ReadAllText(ownerFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                        || IsProcessAlive(owner))
                    {
                        continue;
                    }
                }
                else if (Directory.GetLastWriteTimeUtc(directory) > DateTime.UtcNow.AddHours(-1))
                {
                    continue; // Possibly being set up right now by another process.
                }

                StopDataDirectory(binDirectory, Path.Combine(directory, "data"), directory, asPostgres);
                TryDeleteDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not ours to clean (another user's), or already gone.
            }
        }
    }

    private static bool IsProcessAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("ARIANE_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (HasServerBinaries(configured))
            {
                return configured;
            }

            throw new InvalidOperationException(
                $"ARIANE_PG_BIN={configured} holds no initdb and pg_ctl; {MissingBinariesHint}.");
        }

        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(versionDirectory => (
                    Version: decimal.TryParse(Path.GetFileName(versionDirectory), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version) ? version : -1m,
                    Bin: Path.Combine(versionDirectory, "bin")))
                .Where(candidate => HasServerBinaries(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries not found in {root}/*/bin (initdb, pg_ctl); {MissingBinariesHint}.");
    }

    private static bool HasServerBinaries(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static bool IsRoot()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            var result = Run("id", ["-u"], workingDirectory: null, asPostgres: false, TimeSpan.FromSeconds(10));
            if (result.ExitCode == 0)
            {
                return result.Output.Trim() == "0";
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No id(1): fall back to the user name.
        }

        return Environment.UserName == "root";
    }

    private static void EnsurePostgresUser()
    {
        if (Run("id", ["-u", "postgres"], workingDirectory: null, asPostgres: false, TimeSpan.FromSeconds(10)).ExitCode == 0)
        {
            return;
        }

        // Normally created by the Debian package; PostgreSQL refuses to run as root.
        RunChecked(
            "useradd",
            ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "postgres"],
            workingDirectory: null,
            asPostgres: false,
            TimeSpan.FromSeconds(30));
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void RunChecked(string fileName, string[] arguments, string? workingDirectory, bool asPostgres, TimeSpan timeout)
    {
        var result = Run(fileName, arguments, workingDirectory, asPostgres, timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Output}");
        }
    }

    private static (int ExitCode, string Output) Run(
        string fileName, string[] arguments, string? workingDirectory, bool asPostgres, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }

        var (commandFile, commandArguments) = CommandLine(fileName, arguments, asPostgres);
        startInfo.FileName = commandFile;
        foreach (var argument in commandArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Settings meant for a developer's own server must not leak into ours.
        foreach (var key in startInfo.Environment.Keys.Where(key => key.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }

            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        process.WaitForExit();
        output.Append(stdout.GetAwaiter().GetResult()).Append(stderr.GetAwaiter().GetResult());
        return (process.ExitCode, output.ToString());
    }

    /// <summary>The command line that runs <paramref name="fileName"/>, as the "postgres" user when asked.</summary>
    private static (string FileName, List<string> Arguments) CommandLine(string fileName, string[] arguments, bool asPostgres)
    {
        if (!asPostgres)
        {
            return (fileName, [.. arguments]);
        }

        var runuser = RunuserPaths.FirstOrDefault(File.Exists);
        if (runuser is not null)
        {
            return (runuser, ["-u", "postgres", "--", fileName, .. arguments]);
        }

        var command = string.Join(' ', new[] { fileName }.Concat(arguments).Select(ShellQuote));
        return ("su", ["postgres", "-s", "/bin/sh", "-c", command]);
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
