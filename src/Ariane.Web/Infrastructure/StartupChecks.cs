using Ariane.Persistence;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>Settings that must stop the app at start, with a clear message, when they are unsafe or incomplete.</summary>
public static class StartupChecks
{
    public static void Validate(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var environment = app.Environment;
        if (!security.RequireTwoFactor && !demo.Enabled)
        {
            throw new InvalidOperationException("Security:RequireTwoFactor=false n'est permis qu'en mode démonstration (Demo:Enabled=true).");
        }

        if (demo.Enabled && environment.IsProduction())
        {
            throw new InvalidOperationException("Le mode démonstration est interdit en production (lancez avec --demo, qui choisit l'environnement Demo).");
        }

        if (database.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            throw new InvalidOperationException("Database:ConnectionString est obligatoire avec Database:Provider=Postgres (variable d'environnement Database__ConnectionString).");
        }
    }
}
