using Ariane.Persistence;

namespace Ariane.Web.Infrastructure;

/// <summary>Settings that must stop the app at start, with a clear message, when they are unsafe or incomplete.</summary>
public static class StartupChecks
{
    public static void Validate(DatabaseOptions database, SecurityOptions security, DemoOptions demo, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentNullException.ThrowIfNull(environment);
        if (!security.RequireTwoFactor && !demo.Enabled)
        {
            throw new InvalidOperationException("Security:RequireTwoFactor=false n'est permis qu'en mode démonstration (Demo:Enabled=true).");
        }

        if (demo.Enabled && database.Provider == DatabaseProvider.Postgres && environment.IsProduction())
        {
            throw new InvalidOperationException("Le mode démonstration est interdit en production sur PostgreSQL.");
        }

        if (database.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            throw new InvalidOperationException("Database:ConnectionString est obligatoire avec Database:Provider=Postgres (variable d'environnement Database__ConnectionString).");
        }
    }
}
