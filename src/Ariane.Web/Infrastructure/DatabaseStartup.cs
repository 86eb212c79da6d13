using Ariane.Persistence;
using Ariane.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>SQLite: migrate at start. PostgreSQL: only when Database:MigrateAtStart (otherwise run `migrate`). Then demo data if enabled.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (database.Provider == DatabaseProvider.Sqlite || database.MigrateAtStart)
        {
            await db.Database.MigrateAsync();
            await DerivedKeys.FillMissingPhoneticKeysAsync(db, CancellationToken.None);
        }

        if (demo.Enabled)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var accounts = await seeder.SeedAsync(demo.Children, demo.Password, CancellationToken.None);
            DemoMode.PrintAccounts(accounts, demo.Password, app.Urls);
        }
    }
}
