using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ariane.Bench.Generator;
using Npgsql;

namespace Ariane.Bench;

/// <summary>
/// `Ariane.Bench dataset`: the app on a generated dataset (PostgreSQL), measured as deployed. Each read is
/// also timed as hand-written SQL fetching the same data, for the ratio app / SQL. Runs once with the
/// server's durability off (the test fixture's settings) and once with it on (fsync, synchronous commit,
/// full page writes: production), switched by ALTER SYSTEM on the same server. Docs: docs/performance.md.
/// </summary>
internal sealed class DatasetBenchmark(DatasetOptions options, TextWriter progress)
{
    private const string SearchTerm = "martin";
    private readonly StringBuilder md = new();

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var loadAtStart = Report.LoadAverage();
        Line($"## Dataset bench `{options.Label}` — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line();
        var (largest, departements) = await DepartementsAsync(cancellationToken);
        var children = await ScalarAsync<long>("SELECT count(*) FROM \"Children\"", cancellationToken);
        var persons = children + await ScalarAsync<long>("SELECT count(*) FROM \"LinkedPersons\"", cancellationToken);
        var auditRows = await ScalarAsync<long>("SELECT count(*) FROM \"AuditRecords\"", cancellationToken);
        var facilities = await ScalarAsync<long>("SELECT count(*) FROM \"Facilities\"", cancellationToken);
        var capacityLines = await ScalarAsync<long>("SELECT count(*) FROM \"FacilityCapacities\"", cancellationToken);
        var placements = await ScalarAsync<long>("SELECT count(*) FROM \"Placements\"", cancellationToken);
        var measures = await ScalarAsync<long>("SELECT count(*) FROM \"Measures\"", cancellationToken);
        var rights = await ScalarAsync<long>("SELECT count(*) FROM \"ContactRights\"", cancellationToken);
        var journal = await ScalarAsync<long>("SELECT count(*) FROM \"JournalEntries\"", cancellationToken);
        var protectedChildren = await ScalarAsync<long>("SELECT count(*) FROM \"Children\" WHERE \"IsProtected\"", cancellationToken);
        Line($"Data: {children:N0} children, {persons:N0} persons, {departements.Count} départements, {auditRows:N0} audit rows, " +
             $"{measures:N0} measures, {placements:N0} stays, {rights:N0} contact rights, {journal:N0} journal entries, {protectedChildren:N0} protected children, {facilities:N0} facilities with {capacityLines:N0} capacity lines. " +
             $"Département user `crip.{largest}` (the largest département); service user `referent.{largest}.1.1` (one ASE territory). " +
             $"{options.Requests} requests per latency scenario after {options.Warmup} warm-up; search \"{SearchTerm}\". " +
             $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average at start {loadAtStart}.");
        Line();
        foreach (var durable in options.Durability)
        {
            await SetDurabilityAsync(durable, cancellationToken);
            await MeasureAsync(durable, largest, departements, cancellationToken);
        }

        await VerifyAsync(auditRows, cancellationToken);
        Line();
        Line($"Bench run took {started.Elapsed.TotalMinutes:0.0} min; load average at end {Report.LoadAverage()}.");
        return md.ToString();
    }

    private async Task MeasureAsync(bool durable, string largest, List<string> departements, CancellationToken cancellationToken)
    {
        var label = durable ? "durable (fsync, synchronous_commit, full_page_writes on)" : "fixture (fsync, synchronous_commit, full_page_writes off)";
        progress.WriteLine($"[{label}] starting the app ...");
        using var handler = new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 256 };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var baseAddress = new Uri($"http://127.0.0.1:{Benchmark.FreePort()}");
        string[] arguments =
        [
            "--urls", baseAddress.ToString().TrimEnd('/'),
            "--Database:Provider=Postgres", $"--Database:ConnectionString={options.ConnectionString}", "--Database:MigrateAtStart=true",
            "--Demo:Enabled=true", "--Security:RequireTwoFactor=false", "--Security:ApiTokenMinutes=480",
            $"--Audit:KeyFile={options.KeyFile}", $"--Audit:HeadsFile={options.HeadsFile}",
        ];
        Directory.CreateDirectory(options.WorkDirectory);
        await using var server = AppServer.Start(options.AppDll, arguments, Path.Combine(options.WorkDirectory, durable ? "app-durable.log" : "app-fixture.log"));
        await server.WaitHealthyAsync(http, baseAddress, TimeSpan.FromMinutes(10), cancellationToken);
        var api = new ApiClient(http, baseAddress);
        var departementUser = $"crip.{largest}";
        var serviceUser = $"referent.{largest}.1.1";
        var cadreUser = $"cadre.{largest}";
        var courtUser = $"greffe.{largest}";
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [departementUser] = await api.TokenAsync(departementUser, cancellationToken),
            [serviceUser] = await api.TokenAsync(serviceUser, cancellationToken),
            [cadreUser] = await api.TokenAsync(cadreUser, cancellationToken),
            [courtUser] = await api.TokenAsync(courtUser, cancellationToken),
        };

        Line($"### {label}");
        Line();
        Line("| Request | User | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors | raw SQL p50 (ms) | ratio app / SQL (p50) |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        var departementIds = await IdsAsync($"SELECT \"Id\" FROM \"Children\" WHERE \"ResponsibleDepartementCode\" = '{largest}' ORDER BY md5(\"Id\"::text) LIMIT {options.Requests}", cancellationToken);
        var serviceId = await ScalarAsync<Guid>($"SELECT s.\"Id\" FROM \"Services\" s JOIN \"Organisations\" o ON o.\"Id\" = s.\"OrganisationId\" WHERE o.\"DepartementCode\" = '{largest}' AND s.\"Name\" = 'ASE Territoire 1'", cancellationToken);
        var serviceIds = await IdsAsync($"SELECT DISTINCT \"ChildId\" FROM \"ServiceAssignments\" WHERE \"ServiceId\" = '{serviceId}' AND \"EndsOn\" IS NULL LIMIT {options.Requests}", cancellationToken);
        foreach (var (user, scope) in new[] { (departementUser, "departement"), (serviceUser, "service") })
        {
            var search = await LatencyAsync(api, tokens[user], _ => $"/api/v1/children?q={SearchTerm}", cancellationToken);
            var rawSearch = await RawAsync(RawSearch(scope, largest, serviceId), cancellationToken);
            Row("search", user, search, rawSearch);
            var ids = scope == "departement" ? departementIds : serviceIds;
            var open = await LatencyAsync(api, tokens[user], i => $"/api/v1/children/{ids[i % ids.Count]}", cancellationToken);
            var rawOpen = await RawAsync(RawOpen(ids), cancellationToken);
            Row("open record", user, open, rawOpen);
        }

        // The CRIP's dashboard (open IPs, most urgent first, with counts) and the opening of an IP, as the CRIP.
        var dashboard = await LatencyAsync(api, tokens[departementUser], _ => "/api/v1/concerns", cancellationToken);
        Line(string.Create(CultureInfo.InvariantCulture,
            $"| CRIP dashboard (open IPs) | {departementUser} | {dashboard.P50:0.0} | {dashboard.P95:0.0} | {dashboard.P99:0.0} | {dashboard.Max:0.0} | {dashboard.Errors} | | |"));
        var concernIds = await IdsAsync($"SELECT \"Id\" FROM \"Concerns\" WHERE \"DepartementCode\" = '{largest}' ORDER BY md5(\"Id\"::text) LIMIT {options.Requests}", cancellationToken);
        if (concernIds.Count > 0)
        {
            var openConcern = await LatencyAsync(api, tokens[departementUser], i => $"/api/v1/concerns/{concernIds[i % concernIds.Count]}", cancellationToken);
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| open IP | {departementUser} | {openConcern.P50:0.0} | {openConcern.P95:0.0} | {openConcern.P99:0.0} | {openConcern.Max:0.0} | {openConcern.Errors} | | |"));
        }

        await PlacesAndMeasuresAsync(api, tokens, departementUser, serviceUser, departementIds, cancellationToken);
        await JournalAsync(api, tokens[departementUser], departementUser, largest, cancellationToken);

        var paging = await PagesAsync(api, tokens[departementUser], cancellationToken);
        Line();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Keyset paging as {departementUser}: {paging.Pages} pages of 50; medians of the first, middle and last tenth {paging.FirstTenth:0.0}, {paging.MiddleTenth:0.0}, {paging.LastTenth:0.0} ms; p95 {paging.All.P95:0.0} ms."));
        Line();
        await ConcurrencyAsync(api, largest, departements, cancellationToken);
        var memory = server.Memory();
        Line();
        Line(string.Create(CultureInfo.InvariantCulture, $"Peak RSS of the app: {memory.PeakMiB:0} MiB (at end {memory.CurrentMiB:0} MiB)."));
        Line();
        await server.StopAsync();
    }

    /// <summary>
    /// Audited record opens by 1, 8 and 32 concurrent clients: each client a CRIP agent of another
    /// département (chains apart), then all of the same département (one chain, one lock).
    /// </summary>
    private async Task ConcurrencyAsync(ApiClient api, string largest, List<string> departements, CancellationToken cancellationToken)
    {
        Line("| Audited reads (open record) | Clients | req/s | p50 (ms) | p95 (ms) | p99 (ms) | errors | vs 1 client |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        var spread = departements.Take(32).ToList();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var code in spread.Append(largest).Distinct())
        {
            tokens[code] = await api.TokenAsync($"crip.{code}", cancellationToken);
            ids[code] = await IdsAsync($"SELECT \"Id\" FROM \"Children\" WHERE \"ResponsibleDepartementCode\" = '{code}' ORDER BY md5(\"Id\"::text) LIMIT 400", cancellationToken);
        }

        foreach (var (name, codeOf) in new (string, Func<int, string>)[] { ("over several départements", c => spread[c % spread.Count]), ("within one département", _ => largest) })
        {
            double? single = null;
            foreach (var clients in new[] { 1, 8, 32 })
            {
                var total = options.ConcurrentRequests;
                var samples = new double[total];
                var next = -1;
                var errors = 0;
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
                {
                    var code = codeOf(client);
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < total)
                    {
                        var answer = await api.GetAsync($"/api/v1/children/{ids[code][i % ids[code].Count]}", tokens[code], cancellationToken);
                        samples[i] = answer.Milliseconds;
                        if (!answer.Ok)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                }));
                var perSecond = total / watch.Elapsed.TotalSeconds;
                single ??= perSecond;
                var stats = LatencyStats.From(samples);
                Line(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {clients} | {perSecond:0} | {stats.P50:0.0} | {stats.P95:0.0} | {stats.P99:0.0} | {errors} | {perSecond / single.Value:0.0}× |"));
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}, {clients} clients: {perSecond:0} req/s"));
            }
        }
    }

    private void Row(string request, string user, LatencyStats app, LatencyStats raw)
    {
        Line(string.Create(CultureInfo.InvariantCulture,
            $"| {request} | {user} | {app.P50:0.0} | {app.P95:0.0} | {app.P99:0.0} | {app.Max:0.0} | {app.Errors} | {raw.P50:0.00} | {app.P50 / raw.P50:0.0} |"));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {request} as {user}: p95 {app.P95:0.0} ms, raw {raw.P50:0.00} ms"));
    }

    /// <summary>
    /// The places board (issue 8: the same time whatever the number of facilities), as the CRIP of the largest
    /// département: its own places, every publishing département, and the filters of « une place pour cet enfant »;
    /// then the service's échéances and waiting list, and a child's journey (measures and places).
    /// </summary>
    private async Task PlacesAndMeasuresAsync(ApiClient api, Dictionary<string, string> tokens, string departementUser, string serviceUser,
        List<Guid> departementIds, CancellationToken cancellationToken)
    {
        var code = departementUser["crip.".Length..];
        (string Name, string User, Func<int, string> Url)[] scenarios =
        [
            ("places board, own département", departementUser, _ => "/api/v1/places"),
            ("places board, every département", departementUser, _ => "/api/v1/places?departement=tous"),
            ("places board, every département, age 6–17, girl, permanent", departementUser, i => $"/api/v1/places?departement=tous&age={6 + (i % 12)}&sex=Female&careType=Permanent"),
            ("places board, every département, emergency", departementUser, _ => "/api/v1/places?departement=tous&emergency=true"),
            ("measures reaching their échéance", serviceUser, _ => "/api/v1/measures/deadlines"),
            ("measures waiting to start", serviceUser, _ => "/api/v1/measures/waiting"),
            ("child's journey (measures and places)", departementUser, i => $"/api/v1/children/{departementIds[i % departementIds.Count]}/journey"),
            ("child's plan (PPE)", departementUser, i => $"/api/v1/children/{departementIds[i % departementIds.Count]}/plan"),
            ("child's reports and next due date", departementUser, i => $"/api/v1/children/{departementIds[i % departementIds.Count]}/reports"),
            ("follow-up board (PPE and reports due), whole département", $"cadre.{code}", _ => "/api/v1/follow-up/due"),
            ("follow-up board, reports due only", $"cadre.{code}", _ => "/api/v1/follow-up/due?kind=ReportDue"),
            ("follow-up board, one référent's children", serviceUser, _ => "/api/v1/follow-up/due?mine=true"),
            ("court inbox (reports transmitted)", $"greffe.{code}", _ => "/api/v1/court/inbox"),
        ];
        foreach (var (name, user, url) in scenarios)
        {
            var stats = await LatencyAsync(api, tokens[user], url, cancellationToken);
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {user} | {stats.P50:0.0} | {stats.P95:0.0} | {stats.P99:0.0} | {stats.Max:0.0} | {stats.Errors} | | |"));
        }
    }

    /// <summary>
    /// The journal's timeline (docs/performance.md, Journal): the child of the largest département with 10,000 entries
    /// against one with 10, first page, a deep page (the 100th, by its cursor) and a type filter; as the CRIP.
    /// </summary>
    private async Task JournalAsync(ApiClient api, string token, string user, string largest, CancellationToken cancellationToken)
    {
        const string Counts = "SELECT c.\"Id\", (SELECT count(*) FROM \"JournalEntries\" j WHERE j.\"ChildId\" = c.\"Id\") AS n FROM \"Children\" c WHERE c.\"ResponsibleDepartementCode\" = '{0}'";
        var heavy = await ScalarAsync<Guid>(string.Format(CultureInfo.InvariantCulture, $"SELECT \"Id\" FROM ({Counts}) x ORDER BY n DESC LIMIT 1", largest), cancellationToken);
        var light = await ScalarAsync<Guid>(string.Format(CultureInfo.InvariantCulture, $"SELECT \"Id\" FROM ({Counts}) x WHERE n = 10 LIMIT 1", largest), cancellationToken);
        var heavyCount = await ScalarAsync<long>($"SELECT count(*) FROM \"JournalEntries\" WHERE \"ChildId\" = '{heavy}'", cancellationToken);
        string? deep = null;
        for (var page = 0; page < 99; page++)
        {
            var answer = await api.GetAsync($"/api/v1/children/{heavy}/journal" + (deep is null ? string.Empty : "?after=" + Uri.EscapeDataString(deep)), token, cancellationToken);
            using var json = System.Text.Json.JsonDocument.Parse(answer.Body);
            deep = json.RootElement.GetProperty("next").GetString();
            if (deep is null)
            {
                break;
            }
        }

        (string Name, string Url)[] scenarios =
        [
            ("journal, child with 10 entries", $"/api/v1/children/{light}/journal"),
            ($"journal, child with {heavyCount:N0} entries, first page", $"/api/v1/children/{heavy}/journal"),
            ($"journal, child with {heavyCount:N0} entries, 100th page", $"/api/v1/children/{heavy}/journal?after={Uri.EscapeDataString(deep ?? string.Empty)}"),
            ($"journal, child with {heavyCount:N0} entries, runaways only", $"/api/v1/children/{heavy}/journal?kind=Runaway"),
        ];
        foreach (var (name, url) in scenarios)
        {
            var stats = await LatencyAsync(api, token, _ => url, cancellationToken);
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {user} | {stats.P50:0.0} | {stats.P95:0.0} | {stats.P99:0.0} | {stats.Max:0.0} | {stats.Errors} | | |"));
        }
    }

    private async Task<LatencyStats> LatencyAsync(ApiClient api, string token, Func<int, string> url, CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Warmup; i++)
        {
            await api.GetAsync(url(options.Requests + i), token, cancellationToken);
        }

        var samples = new List<double>(options.Requests);
        var errors = 0;
        for (var i = 0; i < options.Requests; i++)
        {
            var answer = await api.GetAsync(url(i), token, cancellationToken);
            samples.Add(answer.Milliseconds);
            errors += answer.Ok ? 0 : 1;
        }

        return LatencyStats.From(samples, errors);
    }

    /// <summary>The same reads as plain SQL on one open connection: what the data costs without the app.</summary>
    private async Task<LatencyStats> RawAsync(Func<NpgsqlConnection, int, CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var samples = new List<double>();
        for (var i = 0; i < options.Warmup + options.Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await read(connection, i, cancellationToken);
            if (i >= options.Warmup)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return LatencyStats.From(samples);
    }

    /// <summary>Runs <paramref name="sql"/>, reads every value, and returns the first column as ids.</summary>
    private static async Task<List<Guid>> ReadAllAsync(NpgsqlConnection connection, string sql, Guid[]? ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var first = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var c = 0; c < reader.FieldCount; c++)
            {
                _ = reader.GetValue(c);
            }

            if (reader.GetFieldType(0) == typeof(Guid))
            {
                first.Add(reader.GetGuid(0));
            }
        }

        return first;
    }

    /// <summary>
    /// A search page as plain SQL: the first 51 children matching the name by spelling, in the keyset
    /// order, under the access filter the user's scope needs (the département, or a current assignment to
    /// the service); then, for that page, the town of the current address, the services and the référents
    /// of today. Not included: the siblings column and the audit row the app writes.
    /// </summary>
    private static Func<NpgsqlConnection, int, CancellationToken, Task> RawSearch(string scope, string departement, Guid serviceId) => async (connection, _, cancellationToken) =>
    {
        var filter = scope == "departement"
            ? $"c.\"ResponsibleDepartementCode\" = '{departement}'"
            : $"EXISTS (SELECT 1 FROM \"ServiceAssignments\" a WHERE a.\"ChildId\" = c.\"Id\" AND a.\"ServiceId\" = '{serviceId}' AND a.\"StartsOn\" <= CURRENT_DATE AND (a.\"EndsOn\" IS NULL OR a.\"EndsOn\" >= CURRENT_DATE))";
        // The key is normalised (upper case, no accents): the same pattern as the app's, and the same fence
        // (OFFSET 0) that makes PostgreSQL find the matches through the trigram index first.
        var token = Ariane.Core.Common.TextNormalizer.Tokens(SearchTerm)[0];
        var ids = await ReadAllAsync(connection, $"SELECT * FROM (SELECT c.* FROM \"Children\" c WHERE {filter} AND c.\"SearchKey\" LIKE '%|{token}%' OFFSET 0) c ORDER BY c.\"SearchKey\", c.\"Id\" LIMIT 51", null, cancellationToken);
        Guid[] page = [.. ids];
        await ReadAllAsync(connection, "SELECT \"ChildId\", \"City\", \"From\" FROM \"ChildAddresses\" WHERE \"ChildId\" = ANY(@ids) AND (\"From\" IS NULL OR \"From\" <= CURRENT_DATE) AND (\"To\" IS NULL OR \"To\" >= CURRENT_DATE)", page, cancellationToken);
        await ReadAllAsync(connection, "SELECT a.\"ChildId\", s.\"Name\" FROM \"ServiceAssignments\" a JOIN \"Services\" s ON s.\"Id\" = a.\"ServiceId\" WHERE a.\"ChildId\" = ANY(@ids) AND a.\"StartsOn\" <= CURRENT_DATE AND (a.\"EndsOn\" IS NULL OR a.\"EndsOn\" >= CURRENT_DATE)", page, cancellationToken);
        await ReadAllAsync(connection, "SELECT w.\"ChildId\", u.\"DisplayName\" FROM \"WorkerAssignments\" w JOIN \"AspNetUsers\" u ON u.\"Id\" = w.\"UserId\" WHERE w.\"ChildId\" = ANY(@ids) AND w.\"Role\" = 1 AND w.\"StartsOn\" <= CURRENT_DATE AND (w.\"EndsOn\" IS NULL OR w.\"EndsOn\" >= CURRENT_DATE)", page, cancellationToken);
    };

    /// <summary>A record as plain SQL: the child, its linked persons, addresses, and assignments with their services and workers. Not included: the access check and the audit row.</summary>
    private static Func<NpgsqlConnection, int, CancellationToken, Task> RawOpen(List<Guid> ids) => async (connection, i, cancellationToken) =>
    {
        Guid[] id = [ids[i % ids.Count]];
        await ReadAllAsync(connection, "SELECT * FROM \"Children\" WHERE \"Id\" = ANY(@ids)", id, cancellationToken);
        await ReadAllAsync(connection, "SELECT * FROM \"LinkedPersons\" WHERE \"ChildId\" = ANY(@ids)", id, cancellationToken);
        await ReadAllAsync(connection, "SELECT * FROM \"ChildAddresses\" WHERE \"ChildId\" = ANY(@ids)", id, cancellationToken);
        await ReadAllAsync(connection, "SELECT a.*, s.\"Name\" FROM \"ServiceAssignments\" a JOIN \"Services\" s ON s.\"Id\" = a.\"ServiceId\" WHERE a.\"ChildId\" = ANY(@ids)", id, cancellationToken);
        await ReadAllAsync(connection, "SELECT w.*, u.\"DisplayName\" FROM \"WorkerAssignments\" w JOIN \"AspNetUsers\" u ON u.\"Id\" = w.\"UserId\" WHERE w.\"ChildId\" = ANY(@ids)", id, cancellationToken);
    };

    private async Task<PagingStats> PagesAsync(ApiClient api, string token, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        string? cursor = null;
        for (var page = 0; page < options.MaxPages; page++)
        {
            var answer = await api.GetAsync("/api/v1/children?pageSize=50" + (cursor is null ? string.Empty : "&after=" + Uri.EscapeDataString(cursor)), token, cancellationToken);
            times.Add(answer.Milliseconds);
            if (!answer.Ok)
            {
                break;
            }

            cursor = ApiClient.ParsePage(answer.Body).Next;
            if (cursor is null)
            {
                break;
            }
        }

        return new PagingStats("", times.Count, 0, times, 0);
    }

    private async Task VerifyAsync(long rows, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(options.AppDll)! };
        foreach (var argument in new[]
        {
            options.AppDll, "verify-audit", "--Database:Provider=Postgres", $"--Database:ConnectionString={options.ConnectionString}",
            $"--Audit:KeyFile={options.KeyFile}", $"--Audit:HeadsFile={options.HeadsFile}", "--Logging:LogLevel:Default=Warning",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken) + await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        Line(string.Create(CultureInfo.InvariantCulture,
            $"`verify-audit` (all chains, durability as last set): {rows:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s = {rows / watch.Elapsed.TotalSeconds:N0} rows/s, exit code {process.ExitCode}: « {last.Trim()} »"));
    }

    private async Task SetDurabilityAsync(bool durable, CancellationToken cancellationToken)
    {
        var value = durable ? "on" : "off";
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            await using var command = new NpgsqlCommand($"ALTER SYSTEM SET {setting} = {value}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteNonQueryAsync(cancellationToken);
        await Task.Delay(1000, cancellationToken);
    }

    private async Task<(string Largest, List<string> Codes)> DepartementsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT \"ResponsibleDepartementCode\", count(*) FROM \"Children\" GROUP BY 1 ORDER BY 2 DESC, 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return (codes[0], codes);
    }

    private async Task<List<Guid>> IdsAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids.Count > 0 ? ids : throw new InvalidOperationException("No children for: " + sql);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private void Line(string text = "") => md.Append(text).Append('\n');
}

/// <summary>Settings of `Ariane.Bench dataset`.</summary>
internal sealed record DatasetOptions(string Label, string ConnectionString, string KeyFile, string HeadsFile, string AppDll, string WorkDirectory, IReadOnlyList<bool> Durability, int Requests, int Warmup, int ConcurrentRequests, int MaxPages)
{
    public const string Usage = """
        Usage: Ariane.Bench dataset --connection "<Npgsql connection string of a generated database>" --key-file <path> --heads-file <path>
                 [--label national] [--durability fixture,durable] [--requests 200] [--warmup 20] [--concurrent-requests 600] [--max-pages 400]
                 [--app <Ariane.Web.dll>] [--work <dir>] [--out <file>]
        The database must come from `Ariane.Bench generate` with the same key file; the server's fsync,
        synchronous_commit and full_page_writes are switched with ALTER SYSTEM (a superuser connection).
        """;

    public static (DatasetOptions Options, string? Out) Parse(string[] args, string defaultAppDll)
    {
        string? connection = null, keyFile = null, headsFile = null, output = null;
        var label = "national";
        var app = defaultAppDll;
        var work = Path.Combine(Path.GetTempPath(), "ariane-dataset-" + Guid.NewGuid().ToString("N")[..8]);
        IReadOnlyList<bool> durability = [false, true];
        int requests = 200, warmup = 20, concurrent = 600, maxPages = 400;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--connection": connection = Value(); break;
                case "--key-file": keyFile = Path.GetFullPath(Value()); break;
                case "--heads-file": headsFile = Path.GetFullPath(Value()); break;
                case "--label": label = Value(); break;
                case "--durability":
                    durability = [.. Value().Split(',').Select(v => v.Trim() switch
                    {
                        "durable" => true,
                        "fixture" => false,
                        _ => throw new ArgumentException("--durability takes fixture, durable or both."),
                    })];
                    break;
                case "--requests": requests = Number(); break;
                case "--warmup": warmup = Number(); break;
                case "--concurrent-requests": concurrent = Number(); break;
                case "--max-pages": maxPages = Number(); break;
                case "--app": app = Path.GetFullPath(Value()); break;
                case "--work": work = Path.GetFullPath(Value()); break;
                case "--out": output = Path.GetFullPath(Value()); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return (new DatasetOptions(
            label,
            connection ?? throw new ArgumentException("--connection is required."),
            keyFile ?? throw new ArgumentException("--key-file is required."),
            headsFile ?? throw new ArgumentException("--heads-file is required."),
            app, work, durability, requests, warmup, concurrent, maxPages), output);
    }
}
