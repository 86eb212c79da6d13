using System.ComponentModel.DataAnnotations;

namespace Ariane.Persistence;

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}

/// <summary>Section "Database" of the settings; validated at start.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQLite defaults to a file under ./data. For PostgreSQL it is required and should come from
    /// the environment (Database__ConnectionString), never from a committed file.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts. Always done for SQLite; opt-in for PostgreSQL.</summary>
    public bool MigrateAtStart { get; set; }

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    public string EffectiveConnectionString() => Provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString) ? "Data Source=data/ariane.db" : ConnectionString,
        _ => ConnectionString ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL."),
    };
}
