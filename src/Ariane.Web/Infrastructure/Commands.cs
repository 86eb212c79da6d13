using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Operator commands run instead of the web server: `migrate` applies pending migrations (and fills the
/// derived keys they cannot compute),
/// `verify-audit [chain]` walks every audit chain (or the one named: a département code, or "platform")
/// and reports the first broken link of each (exit code 2), checking the heads exported outside the database.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "verify-audit" or "load-framework";

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
                // The chain is the word after the command; settings (--Key=value) may follow.
                return await VerifyAuditAsync(scope.ServiceProvider, db, args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null);
            case "load-framework":
                return await LoadFrameworkAsync(db, args);
            default:
                return 1;
        }
    }

    /// <summary>
    /// <c>load-framework file.json [département]</c>: stores a version of the evaluation framework for a
    /// département (docs/operations.md, Evaluation framework); new evaluations use it, running ones keep theirs.
    /// </summary>
    private static async Task<int> LoadFrameworkAsync(AppDbContext db, string[] args)
    {
        var words = args.Skip(1).Where(a => !a.StartsWith('-')).ToList();
        if (words.Count == 0 || !File.Exists(words[0]))
        {
            Console.Error.WriteLine("Usage : load-framework fichier.json [code du département]");
            return 1;
        }

        var (framework, errors) = await Features.Assessments.AssessmentFrameworks.LoadAsync(
            db, await File.ReadAllTextAsync(words[0]), words.Count > 1 ? words[1] : null, CancellationToken.None);
        if (framework is null)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }

            return 2;
        }

        Console.WriteLine($"Référentiel « {framework.Title} », version {framework.Version}, chargé{(framework.DepartementCode is { } d ? $" pour le département {d}" : " par défaut")}.");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, AppDbContext db, string? chain)
    {
        var keys = services.GetRequiredService<AuditSealKeys>();
        var heads = await AuditHeadExport.LoadAsync(services.GetRequiredService<IOptions<AuditOptions>>().Value.HeadsFile, CancellationToken.None);
        var report = chain is null
            ? await AuditVerifier.VerifyAllAsync(db, keys, heads, CancellationToken.None)
            : new AuditReport([await AuditVerifier.VerifyAsync(db, keys, chain, heads, CancellationToken.None)], null);
        if (chain is not null && report.Chains[0] is { RowsChecked: 0, IsIntact: true })
        {
            Console.WriteLine($"Aucune ligne dans la chaîne « {chain} » (un code de département, ou « platform »).");
            return 1;
        }

        foreach (var result in report.Chains)
        {
            Console.WriteLine(result.IsIntact
                ? $"Chaîne {Label(result.Chain)} intacte : {result.RowsChecked} lignes vérifiées."
                : $"Chaîne {Label(result.Chain)} ROMPUE à la ligne {result.FirstBrokenSequence} : {result.Problem}. {result.RowsChecked} lignes intactes avant elle.");
        }

        if (report.StrayListedSequence is { } stray)
        {
            Console.WriteLine($"Journal ROMPU : un enfant listé est rattaché à la ligne {stray}, absente du journal.");
        }

        db.Audit.Actor = AuditActor.System;
        db.Audit.Record(AuditEventType.AuditVerified,
            details: $"{{\"rows\":{report.RowsChecked},\"chains\":{report.Chains.Count},\"intact\":{(report.IsIntact ? "true" : "false")}}}",
            outcome: report.IsIntact ? AuditOutcome.Success : AuditOutcome.Failure);
        if (!report.IsIntact)
        {
            return 2;
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"Journal d'audit intact : {report.RowsChecked} lignes vérifiées dans {report.Chains.Count} chaîne(s).");
        return 0;
    }

    private static string Label(string chain) => chain == AuditChains.Platform ? "plateforme" : $"du département {chain}";
}
