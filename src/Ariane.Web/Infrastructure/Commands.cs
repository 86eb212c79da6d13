using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Operator commands run instead of the web server: `migrate` applies pending migrations (and fills the
/// derived keys they cannot compute),
/// `verify-audit` walks the audit hash chain and reports the first broken link (exit code 2).
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "verify-audit";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        switch (args[0])
        {
            case "migrate":
                await db.Database.MigrateAsync();
                await DerivedKeys.FillMissingPhoneticKeysAsync(db, CancellationToken.None);
                Console.WriteLine("Migrations appliquées.");
                return 0;
            case "verify-audit":
                var result = await AuditChain.VerifyAsync(db, CancellationToken.None);
                db.Audit.Actor = AuditActor.System;
                db.Audit.Record(AuditEventType.AuditVerified, details: $"{{\"rows\":{result.RowsChecked},\"intact\":{(result.IsIntact ? "true" : "false")}}}",
                    outcome: result.IsIntact ? AuditOutcome.Success : AuditOutcome.Failure);
                if (result.IsIntact)
                {
                    await db.SaveChangesAsync();
                    Console.WriteLine($"Journal d'audit intact : {result.RowsChecked} lignes vérifiées.");
                    return 0;
                }

                Console.WriteLine($"Journal d'audit ROMPU à la ligne {result.FirstBrokenSequence} : {result.Problem}. {result.RowsChecked} lignes intactes avant elle.");
                return 2;
            default:
                return 1;
        }
    }
}
