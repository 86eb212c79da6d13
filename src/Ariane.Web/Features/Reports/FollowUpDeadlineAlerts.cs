using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Measures;
using Ariane.Core.Notifications;
using Ariane.Core.Plans;
using Ariane.Core.Reports;
using Ariane.Persistence;
using Ariane.Web.Features.Notifications;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// Every morning at 07:15 (Paris): the PPE to draw up (3 months after the start of the first measure in force that calls
/// for one, while no version is validated) and the rapports de situation due (yearly, every 6 months under the
/// configured age, from the last validated one), within <see cref="AlertDays"/> days or late; notifies the child's
/// named référents and the département's cadres. One notification per recipient, child, kind and due date: a second
/// run adds nothing. Texts carry the dossier number and the date, never a name.
/// </summary>
public sealed class FollowUpDeadlineAlerts : IJob
{
    public const string JobName = "FollowUpDeadlineAlerts";

    /// <summary>How long before the due date the first notification goes.</summary>
    public const int AlertDays = 30;

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(7, 15);

    public async Task RunAsync(IServiceProvider scopedServices, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopedServices);
        ArgumentNullException.ThrowIfNull(progress);
        var db = scopedServices.GetRequiredService<AppDbContext>();
        var time = scopedServices.GetRequiredService<TimeProvider>();
        var sender = scopedServices.GetRequiredService<NotificationSender>();
        var threshold = scopedServices.GetRequiredService<IOptions<ReportOptions>>().Value.SixMonthlyUnderAge;
        var today = Format.Today(time);
        var horizon = today.AddDays(AlertDays);
        var codes = MeasureKinds.All.Where(PlanRules.RequiresPlan).Select(k => k.Code).ToList();
        // The children followed under a measure that calls for a plan, with the start of the first one in force, whether
        // a plan is validated, and the end of the last validated rapport de situation.
        var followed = await db.Measures.AsNoTracking()
            .Where(m => m.State == MeasureState.InProgress && m.StartsOn != null && codes.Contains(m.KindCode) && m.StartsOn <= today)
            .GroupBy(m => m.ChildId)
            .Select(g => new { ChildId = g.Key, FirstStart = g.Min(m => m.StartsOn!.Value) })
            .Where(g => g.FirstStart <= horizon.AddMonths(-PlanRules.DueMonths) || g.FirstStart <= horizon.AddMonths(-6))
            .Join(db.Children, g => g.ChildId, c => c.Id, (g, c) => new
            {
                g.ChildId,
                g.FirstStart,
                c.DossierNumber,
                c.BirthDate,
                c.ResponsibleDepartementCode,
                PlanValidated = db.ChildPlans.Any(p => p.ChildId == g.ChildId && p.ValidatedNumber > 0),
                LastReport = db.SituationReports.Where(r => r.ChildId == g.ChildId && r.State == ReportState.Validated && r.Kind == ReportKind.Situation)
                    .Max(r => (DateOnly?)r.PeriodTo),
            })
            .ToListAsync(cancellationToken);
        await progress.ReportAsync(0, followed.Count, cancellationToken);
        if (followed.Count == 0)
        {
            return;
        }

        var childIds = followed.Select(f => f.ChildId).ToList();
        var referents = (await db.WorkerAssignments.AsNoTracking()
                .Where(w => childIds.Contains(w.ChildId) && w.Role == WorkerRole.CaseWorker && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today)
                    && db.Users.Any(u => u.Id == w.UserId && u.IsActive))
                .Select(w => new { w.ChildId, w.UserId }).ToListAsync(cancellationToken))
            .GroupBy(w => w.ChildId).ToDictionary(g => g.Key, g => g.Select(w => w.UserId).ToList());
        var roles = await db.AccessRoles.AsNoTracking().ToListAsync(cancellationToken);
        var cadreCodes = roles.Where(r => r.Scope == AccessScope.Departement && (r.Has(Permission.ValidatePlan) || r.Has(Permission.ValidateReport))).Select(r => r.Code).ToList();
        var departements = followed.Select(f => f.ResponsibleDepartementCode).Distinct().ToList();
        var cadres = (await db.Memberships.AsNoTracking()
                .Where(m => cadreCodes.Contains(m.RoleCode) && m.Service!.IsActive && m.Service.Organisation!.DepartementCode != null
                    && departements.Contains(m.Service.Organisation.DepartementCode) && db.Users.Any(u => u.Id == m.UserId && u.IsActive))
                .Select(m => new { m.UserId, DepartementCode = m.Service!.Organisation!.DepartementCode! }).ToListAsync(cancellationToken))
            .GroupBy(s => s.DepartementCode).ToDictionary(g => g.Key, g => g.Select(s => s.UserId).ToHashSet(), StringComparer.Ordinal);

        var drafts = new List<NotificationDraft>();
        foreach (var f in followed)
        {
            var recipients = referents.GetValueOrDefault(f.ChildId, []).Concat(cadres.GetValueOrDefault(f.ResponsibleDepartementCode, [])).Distinct().ToList();
            var planDue = f.FirstStart.AddMonths(PlanRules.DueMonths);
            if (!f.PlanValidated && planDue <= horizon)
            {
                var text = planDue < today
                    ? $"Dossier {f.DossierNumber} : le projet pour l'enfant devait être établi avant le {Format.Date(planDue)}."
                    : $"Dossier {f.DossierNumber} : le projet pour l'enfant est à établir avant le {Format.Date(planDue)}.";
                var key = string.Create(CultureInfo.InvariantCulture, $"plan:{f.ChildId:N}:{planDue:yyyyMMdd}:{(planDue < today ? "late" : "soon")}");
                drafts.AddRange(recipients.Select(r => new NotificationDraft(r, NotificationKind.PlanDue, "Projet pour l'enfant à établir", text, $"/Plans/{f.ChildId}", f.ChildId, key)));
            }

            DateOnly? birth = f.BirthDate is { Year: { } y } ? new DateOnly(y, f.BirthDate.Month ?? 1, f.BirthDate.Day ?? 1) : null;
            var reportDue = ReportRules.NextDue(f.LastReport ?? f.FirstStart, birth, threshold);
            if (reportDue <= horizon)
            {
                var text = reportDue < today
                    ? $"Dossier {f.DossierNumber} : le rapport de situation était dû le {Format.Date(reportDue)}."
                    : $"Dossier {f.DossierNumber} : rapport de situation dû le {Format.Date(reportDue)}.";
                var key = string.Create(CultureInfo.InvariantCulture, $"report:{f.ChildId:N}:{reportDue:yyyyMMdd}:{(reportDue < today ? "late" : "soon")}");
                drafts.AddRange(recipients.Select(r => new NotificationDraft(r, NotificationKind.ReportDue, "Rapport de situation à rédiger", text, $"/Reports/{f.ChildId}", f.ChildId, key)));
            }
        }

        var done = 0;
        foreach (var batch in drafts.Chunk(NotificationSender.BatchSize))
        {
            await sender.SendAsync(batch, cancellationToken);
            done += batch.Length;
            await progress.ReportAsync(drafts.Count == 0 ? followed.Count : (int)((long)followed.Count * done / drafts.Count), followed.Count, cancellationToken);
        }

        await progress.ReportAsync(followed.Count, followed.Count, cancellationToken);
    }
}
