using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ariane.Persistence;

/// <summary>The provider switch: one model, one migrations assembly per provider.</summary>
public static class PersistenceSetup
{
    public const string SqliteMigrationsAssembly = "Ariane.Persistence.Sqlite";
    public const string PostgresMigrationsAssembly = "Ariane.Persistence.Postgres";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.EffectiveConnectionString();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                builder.UseSqlite(connectionString, o => o
                    .MigrationsAssembly(SqliteMigrationsAssembly)
                    .CommandTimeout(options.CommandTimeoutSeconds)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(WithoutJit(connectionString), o => o
                    .MigrationsAssembly(PostgresMigrationsAssembly)
                    .CommandTimeout(options.CommandTimeoutSeconds)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }
    }

    /// <summary>
    /// PostgreSQL compiles a query to machine code (JIT) when its estimated cost is high, and the access
    /// filter's correlated EXISTS make it high for a search with few matches: 0.4 to 0.5 s of compilation for
    /// a query that runs in 7 ms (service user, 20,000 children). Ariane's queries are short reads and
    /// writes, for which JIT only costs: it is turned off for the app's sessions, unless the connection
    /// string already sets session options (Options=...), which are then the operator's choice.
    /// </summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
