using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
                builder.UseNpgsql(connectionString, o => o
                    .MigrationsAssembly(PostgresMigrationsAssembly)
                    .CommandTimeout(options.CommandTimeoutSeconds)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }
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
