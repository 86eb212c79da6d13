using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ariane.Bench.Generator;

/// <summary>
/// `Ariane.Bench generate`: fills an empty PostgreSQL database with a dataset of the given scale by bulk
/// loading (COPY), not through the app's audited request path. Migrates first, refuses a database that
/// already holds children, writes the seal key the audit history was sealed with (the app must be started
/// with it), and the heads of the chains. Docs: docs/performance.md, National-size datasets.
/// </summary>
internal static class GenerateCommand
{
    public const string Usage = """
        Usage: Ariane.Bench generate --scale dept|national|tiny --connection "<Npgsql connection string>"
                 [--key-file <path>] [--heads-file <path>] [--seed 20261203] [--today 2026-12-03]
          --key-file     the audit seal key ("id:base64"), created if missing (default ./audit-seal.key);
                         start the app with --Audit:KeyFile=<path> so that it verifies and continues the chains
          --heads-file   where the chain heads are appended (default ./audit-heads.jsonl): --Audit:HeadsFile=<path>
        Accounts: crip.<code>, cadre.<code>, dpo.<code>, referent.<code>.<territory>.<n>, educateur.<code>.<mecs>.<n>,
        admin.plateforme; password Ariane-Demo-2026!, no second factor. They are demo accounts: run the app with
        --Demo:Enabled=true --Security:RequireTwoFactor=false (demo mode seeds nothing when demo accounts exist).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter progress, CancellationToken cancellationToken)
    {
        GenerateOptions options;
        try
        {
            options = GenerateOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            progress.WriteLine(ex.Message);
            progress.WriteLine(Usage);
            return 64;
        }

        var summary = await GenerateAsync(options, progress, cancellationToken);
        Console.WriteLine(summary.Markdown());
        return 0;
    }

    public static async Task<GenerationSummary> GenerateAsync(GenerateOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var summary = new GenerationSummary(options.Scale.Name);
        var step = Stopwatch.StartNew();
        var dbOptions = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceSetup.Configure(dbOptions, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = options.ConnectionString, CommandTimeoutSeconds = 3600 });
        await using (var db = new AppDbContext(dbOptions.Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (await db.Children.AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException("The database already holds children: the generator fills an empty database only.");
            }
        }

        summary.Steps.Add(("migrate", step.Elapsed));
        var key = await LoadOrCreateKeyAsync(options.KeyFile, cancellationToken);
        var random = new Random(options.Seed);
        var now = options.Today.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
        var passwordHash = new PasswordHasher<AppUser>().HashPassword(null!, ApiClient.DemoPassword);
        var structure = new Structure(passwordHash, now.AddYears(-options.Scale.Years - 1));
        structure.Build(options.Scale.Split(random));

        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var loader = new BulkLoader(connection, BulkLoader.ModelFor(options.ConnectionString));
        step.Restart();
        await loader.CopyAsync(structure.Organisations, cancellationToken);
        await loader.CopyAsync(structure.Services, cancellationToken);
        await loader.CopyAsync(structure.Users.Select(u => u.User), cancellationToken);
        await loader.CopyAsync(structure.Users.Select(u => u.Membership), cancellationToken);
        summary.Steps.Add(("organisations, services, accounts", step.Elapsed));

        var byCode = structure.Departements.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var audit = new AuditPart(key);
        // The shipped evaluation framework, as the app stores it on first use; the generated evaluations use it.
        var framework = new Ariane.Core.Assessments.AssessmentFramework
        {
            Code = "referentiel-national",
            Version = "2021-ariane-1",
            Title = "Référentiel d'évaluation (généré)",
            Definition = Ariane.Core.Assessments.DefaultFramework.Json(),
            LoadedAt = now.AddYears(-options.Scale.Years - 1),
        };
        var definition = framework.Parse();
        framework.Code = definition.Code;
        framework.Version = definition.Version;
        framework.Title = definition.Title;
        await loader.CopyAsync([framework], cancellationToken);
        var criteria = definition.Domains.SelectMany(d => d.Criteria.Select(c => (d.Code, c.Code))).ToList();
        var measuresPart = new MeasuresPart();
        await measuresPart.WriteFacilitiesAsync(structure.Departements, now, random, loader, cancellationToken);
        IDatasetPart[] parts = [new ChildrenPart(options.Scale, byCode), new ConcernsPart(framework.Id, criteria), measuresPart, new JournalPart(), new PlansPart(), audit];
        var times = parts.ToDictionary(p => p.Name, _ => TimeSpan.Zero);
        var done = 0;
        foreach (var departement in structure.Departements)
        {
            // Seeded from the seed and the département's position, never from string.GetHashCode (random
            // per process): the same command writes the same names, dates and counts (ids stay random).
            var batch = new DepartementBatch(departement, new Random(unchecked(options.Seed * 397 + done + structure.Departements.IndexOf(departement))), options.Today);
            foreach (var part in parts)
            {
                step.Restart();
                await part.WriteAsync(batch, loader, cancellationToken);
                times[part.Name] += step.Elapsed;
            }

            done += departement.Children;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {departement.Code}: {departement.Children} children ({done}/{options.Scale.Children}), {total.Elapsed.TotalSeconds:0} s"));
        }

        summary.Steps.AddRange(times.Select(t => ($"per département: {t.Key}", t.Value)));

        step.Restart();
        await audit.WriteChainAsync(AuditChains.Platform, SignIns(structure, options.Today, random), loader, cancellationToken);
        summary.Steps.Add(("platform chain (sign-ins of the last 20 working days)", step.Elapsed));

        // The « échéances du suivi » as the morning job computes them, by its own code (also a measure of that job at scale).
        step.Restart();
        await using (var db = new AppDbContext(dbOptions.Options))
        {
            var due = await Ariane.Web.Features.Reports.FollowUpDeadlineAlerts.ComputeAsync(db, options.Today, new Ariane.Web.Features.Reports.ReportOptions().SixMonthlyUnderAge, cancellationToken);
            var computedAt = options.Today.ToDateTime(new TimeOnly(6, 15), DateTimeKind.Utc);
            await loader.CopyAsync(due.Select(d => Ariane.Web.Features.Reports.FollowUpDeadlineAlerts.Row(d, computedAt)), cancellationToken);
        }

        summary.Steps.Add(("follow-up deadlines (the morning job's computation)", step.Elapsed));

        step.Restart();
        await MeasuresPart.RecountAsync(connection, options.Today, cancellationToken);
        summary.Steps.Add(("occupancy of the places", step.Elapsed));

        step.Restart();
        await using (var command = new NpgsqlCommand($"SELECT setval('\"{AuditChain.PostgresSequence}\"', {audit.LastSequence + 1}, false)", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 3600 })
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        summary.Steps.Add(("sequence and ANALYZE", step.Elapsed));
        await AuditHeadExport.AppendAsync(options.HeadsFile, audit.Heads, cancellationToken);
        summary.Total = total.Elapsed;
        foreach (var (table, count) in loader.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            summary.Rows.Add((table, count));
        }

        await using (var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection))
        {
            summary.DatabaseBytes = (long)(await size.ExecuteScalarAsync(cancellationToken))!;
        }

        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generated {options.Scale.Name} in {summary.Total.TotalMinutes:0.0} min"));
        return summary;
    }

    /// <summary>Every account signs in once per working day over the last four weeks.</summary>
    private static List<AuditRecord> SignIns(Structure structure, DateOnly today, Random random)
    {
        var rows = new List<AuditRecord>();
        for (var day = today.AddDays(-28); day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var user in structure.Users)
            {
                rows.Add(new AuditRecord
                {
                    EventType = AuditEventType.LoginSucceeded,
                    OccurredAt = day.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc).AddSeconds(random.Next(0, 4 * 3600)),
                    UserId = user.User.Id,
                    UserName = user.User.UserName,
                    IpAddress = string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}"),
                    PreviousHash = string.Empty,
                    Hash = string.Empty,
                });
            }
        }

        return rows;
    }

    /// <summary>The key file the app reads (Audit:KeyFile): "id:base64", created here when missing.</summary>
    private static async Task<AuditSealKey> LoadOrCreateKeyAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, $"bench:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}", cancellationToken);
        }

        var line = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return new AuditSealKey(line[..colon], Convert.FromBase64String(line[(colon + 1)..]));
    }
}

/// <summary>Settings of one generation.</summary>
internal sealed record GenerateOptions(DatasetScale Scale, string ConnectionString, string KeyFile, string HeadsFile, int Seed, DateOnly Today)
{
    public static GenerateOptions Parse(string[] args)
    {
        DatasetScale? scale = null;
        string? connection = null;
        var keyFile = Path.GetFullPath("audit-seal.key");
        var headsFile = Path.GetFullPath("audit-heads.jsonl");
        var seed = 20261203;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--scale": scale = DatasetScale.Parse(Value()); break;
                case "--connection": connection = Value(); break;
                case "--key-file": keyFile = Path.GetFullPath(Value()); break;
                case "--heads-file": headsFile = Path.GetFullPath(Value()); break;
                case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--today": today = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return new GenerateOptions(
            scale ?? throw new ArgumentException("--scale is required."),
            connection ?? throw new ArgumentException("--connection is required."),
            keyFile,
            headsFile,
            seed,
            today);
    }
}

/// <summary>What a generation wrote and how long each step took.</summary>
internal sealed class GenerationSummary(string scale)
{
    public string Scale { get; } = scale;

    public List<(string Step, TimeSpan Time)> Steps { get; } = [];

    public List<(string Table, long Rows)> Rows { get; } = [];

    public TimeSpan Total { get; set; }

    public long DatabaseBytes { get; set; }

    public string Markdown()
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"### Dataset `{Scale}`: loaded in {Total.TotalMinutes:0.0} min, database {DatabaseBytes / 1024.0 / 1024 / 1024:0.00} GiB"),
            string.Empty,
            "| Table | Rows |",
            "|---|---:|",
        };
        lines.AddRange(Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"| {r.Table} | {r.Rows:N0} |")));
        lines.AddRange([string.Empty, "| Step | Time |", "|---|---:|"]);
        lines.AddRange(Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"| {s.Step} | {s.Time.TotalSeconds:0.0} s |")));
        return string.Join('\n', lines);
    }
}
