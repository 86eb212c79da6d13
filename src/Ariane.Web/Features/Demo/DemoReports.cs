using Ariane.Core.Reports;
using Ariane.Web.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Demo;

/// <summary>
/// Reports of the demo (docs/domain.md §2.6): for a few children placed over a year, last year's rapport de situation
/// validated by the cadre (so that this year's is due soon or late), and one draft under way. The documents and their
/// transmission to the juvenile court are left to the demo's user: producing one takes a click, and the judge's inbox
/// then shows it (`juge.enfants`).
/// </summary>
internal static class DemoReportsStep
{
    public static async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (!context.UserIds.TryGetValue("referent.nord", out var referent) || !context.UserIds.TryGetValue("cadre.ase", out var cadre))
        {
            return;
        }

        var today = context.Today;
        var children = context.Children.ToDictionary(c => c.Id);
        var placed = await db.Measures.AsNoTracking()
            .Where(m => m.State == Core.Measures.MeasureState.InProgress && m.StartsOn != null && m.StartsOn < today.AddYears(-1)
                && (m.KindCode == "placement_ase" || m.KindCode == "accueil_provisoire"))
            .OrderBy(m => m.StartsOn).ThenBy(m => m.ChildId).Select(m => new { m.ChildId, StartsOn = m.StartsOn!.Value }).Take(12).ToListAsync(ct);
        var count = 0;
        foreach (var m in placed.DistinctBy(m => m.ChildId))
        {
            var child = children.GetValueOrDefault(m.ChildId);
            var from = today.AddYears(-1).AddMonths(-(count % 3) - 1);
            var to = from.AddYears(1).AddDays(-1) > today ? today.AddDays(-1) : from.AddYears(1).AddDays(-1);
            var prefill = new ReportPrefill(child?.DisplayName ?? "—", child?.DossierNumber ?? string.Empty, null, "Claire Dubreuil", [], [], [], [], null, [], []);
            var validated = count % 4 != 3;
            var at = context.Now.AddDays(-20 - count);
            db.SituationReports.Add(new SituationReport
            {
                ChildId = m.ChildId,
                Kind = ReportKind.Situation,
                State = validated ? ReportState.Validated : ReportState.Draft,
                PeriodFrom = validated ? from.AddYears(-1) : from,
                PeriodTo = validated ? to.AddYears(-1) : to,
                Prefill = prefill.Serialise(),
                HighlightIds = "[]",
                EvaluationDevelopment = "Croissance régulière ; suivi pédiatrique en place.",
                EvaluationRelations = "Visites médiatisées régulières avec la mère ; le lien se renforce.",
                EvaluationSchooling = "Scolarité suivie, quelques absences au premier trimestre.",
                PlanAssessment = "Les actions du projet sont engagées ; le soutien scolaire porte ses fruits.",
                Proposals = ReportProposals.RenewMeasure | ReportProposals.AdjustPlan,
                ProposalsText = "Renouveler le placement et adapter le projet après l'audience.",
                AuthorUserId = referent,
                AuthorName = "Claire Dubreuil",
                CreatedAt = at,
                UpdatedAt = at,
                ValidatedByUserId = validated ? cadre : null,
                ValidatedByName = validated ? "Sophie Lemaire-Castel" : null,
                ValidatedAt = validated ? at.AddDays(2) : null,
            });
            count++;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        context.Logger.LogInformation("Demo reports created: {Reports} reports.", count);
    }

    /// <summary>
    /// The « échéances du suivi » as the morning job would compute them (the demo starts with a full board, whatever the
    /// hour; the job replaces them at its next run). The default age threshold, as the demo does not configure it.
    /// </summary>
    public static async Task DeadlinesAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var due = await Reports.FollowUpDeadlineAlerts.ComputeAsync(db, context.Today, new Reports.ReportOptions().SixMonthlyUnderAge, ct);
        db.FollowUpDeadlines.AddRange(due.Select(d => Reports.FollowUpDeadlineAlerts.Row(d, context.Now)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        context.Logger.LogInformation("Demo follow-up deadlines: {Deadlines}.", due.Count);
    }
}
