using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>Ariane on SQLite: a new database file per test class, migrated at start like in production.</summary>
public sealed class SqliteApp : ArianeApp
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ariane-tests", Guid.NewGuid().ToString("N"));

    public override string ProviderName => "Sqlite";

    protected override Task<Dictionary<string, string?>> PrepareDatabaseAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.FromResult(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "ariane.db")}",
        });
    }

    protected override Task CleanupDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Ariane on a real PostgreSQL: one server per run (<see cref="PostgresServer"/>), one migrated template
/// database, and a copy of it per test class.
/// </summary>
public sealed class PostgresApp : ArianeApp
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool templateReady;
    private const string Template = "ariane_template";
    private string? database;
    private PostgresServer? server;

    public override string ProviderName => "Postgres";

    protected override async Task<Dictionary<string, string?>> PrepareDatabaseAsync()
    {
        server = await PostgresServer.GetAsync();
        await EnsureTemplateAsync(server);
        database = PostgresServer.NewDatabaseName("ariane");
        await server.CreateDatabaseAsync(database, Template);
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = server.ConnectionString(database),
            ["Database:MigrateAtStart"] = "true",
        };
    }

    protected override async Task CleanupDatabaseAsync()
    {
        if (server is not null && database is not null)
        {
            server.ClearPool(database);
            await server.DropDatabaseAsync(database);
        }
    }

    private static async Task EnsureTemplateAsync(PostgresServer server)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (templateReady)
            {
                return;
            }

            await server.CreateDatabaseAsync(Template);
            var options = new DbContextOptionsBuilder<AppDbContext>();
            PersistenceSetup.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = server.ConnectionString(Template) });
            await using (var db = new AppDbContext(options.Options))
            {
                await db.Database.MigrateAsync();
            }

            // CREATE DATABASE ... TEMPLATE needs the template without connections.
            server.ClearPool(Template);
            templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
