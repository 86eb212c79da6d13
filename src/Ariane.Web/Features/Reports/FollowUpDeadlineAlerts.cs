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
/// run adds nothing. Texts carry the dossier number and the date, never a name. The same due dates are written as
/// <see cref="FollowUpDeadline"/> rows (all replaced, in one transaction), which the « échéances du suivi » board reads.
/// </summary>
public sealed class FollowUpDeadlineAlerts : IJob
{
    public const string JobName = "FollowUpDeadlineAlerts";

    /// <summary>How long before the due date the first notification goes.</summary>
    public const int AlertDays = 30;

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(7, 15);

    /// <summary>One due date found: the child, its dossier number and département, what is due and when.</summary>
    public sealed record DueItem(Guid ChildId, string DossierNumber, string DepartementCode, FollowUpKind Kind, DateOnly DueOn);

    public async Task RunAsync(IServiceProvider scopedServices, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopedServices);
        ArgumentNullException.ThrowIfNull(progress);
        var db = scopedServices.GetRequiredService<AppDbContext>();
        var time = scopedServices.GetRequiredService<TimeProvider>();
        var sender = scopedServices.GetRequiredService<NotificationSender>();
        var threshold = scopedServices.GetRequiredService<IOptions<ReportOptions>>().Value.SixMonthlyUnderAge;
        var today = Format.Today(time);
        await progress.ReportAsync(0, null, cancellationToken);
        var due = await ComputeAsync(db, today, threshold, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await ReplaceDeadlinesAsync(db, [.. due.Select(d => Row(d, now))], cancellationToken);

        var childIds = due.Select(f => f.ChildId).Distinct().ToList();
        var referents = (await db.WorkerAssignments.AsNoTracking()
                .Where(w => childIds.Contains(w.ChildId) && w.Role == WorkerRole.CaseWorker && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today)
                    && db.Users.Any(u => u.Id == w.UserId && u.IsActive))
                .Select(w => new { w.ChildId, w.UserId }).ToListAsync(cancellationToken))
            .GroupBy(w => w.ChildId).ToDictionary(g => g.Key, g => g.Select(w => w.UserId).ToList());
        var roles = await db.AccessRoles.AsNoTracking().ToListAsync(cancellationToken);
        var cadreCodes = roles.Where(r => r.Scope == AccessScope.Departement && (r.Has(Permission.ValidatePlan) || r.Has(Permission.ValidateReport))).Select(r => r.Code).ToList();
        var departements = due.Select(f => f.DepartementCode).Distinct().ToList();
        var cadres = (await db.Memberships.AsNoTracking()
                .Where(m => cadreCodes.Contains(m.RoleCode) && m.Service!.IsActive && m.Service.Organisation!.DepartementCode != null
                    && departements.Contains(m.Service.Organisation.DepartementCode) && db.Users.Any(u => u.Id == m.UserId && u.IsActive))
                .Select(m => new { m.UserId, DepartementCode = m.Service!.Organisation!.DepartementCode! }).ToListAsync(cancellationToken))
            .GroupBy(s => s.DepartementCode).ToDictionary(g => g.Key, g => g.Select(s => s.UserId).ToHashSet(), StringComparer.Ordinal);

        var drafts = new List<NotificationDraft>();
        foreach (var d in due)
        {
            var recipients = referents.GetValueOrDefault(d.ChildId, []).Concat(cadres.GetValueOrDefault(d.DepartementCode, [])).Distinct().ToList();
            var late = d.DueOn < today;
            var key = string.Create(CultureInfo.InvariantCulture, $"{(d.Kind == FollowUpKind.PlanDue ? "plan" : "report")}:{d.ChildId:N}:{d.DueOn:yyyyMMdd}:{(late ? "late" : "soon")}");
            var draft = d.Kind == FollowUpKind.PlanDue
                ? (NotificationKind.PlanDue, "Projet pour l'enfant à établir", late
                    ? $"Dossier {d.DossierNumber} : le projet pour l'enfant devait être établi avant le {Format.Date(d.DueOn)}."
                    : $"Dossier {d.DossierNumber} : le projet pour l'enfant est à établir avant le {Format.Date(d.DueOn)}.", $"/Plans/{d.ChildId}")
                : (NotificationKind.ReportDue, "Rapport de situation à rédiger", late
                    ? $"Dossier {d.DossierNumber} : le rapport de situation était dû le {Format.Date(d.DueOn)}."
                    : $"Dossier {d.DossierNumber} : rapport de situation dû le {Format.Date(d.DueOn)}.", $"/Reports/{d.ChildId}");
            drafts.AddRange(recipients.Select(r => new NotificationDraft(r, draft.Item1, draft.Item2, draft.Item3, draft.Item4, d.ChildId, key)));
        }

        var done = 0;
        foreach (var batch in drafts.Chunk(NotificationSender.BatchSize))
        {
            await sender.SendAsync(batch, cancellationToken);
            done += batch.Length;
            await progress.ReportAsync(done, drafts.Count, cancellationToken);
        }

        await progress.ReportAsync(drafts.Count, drafts.Count, cancellationToken);
    }

    /// <summary>
    /// The due dates within <see cref="AlertDays"/> days or late, as of <paramref name="today"/>: the children followed under a
    /// measure that calls for a plan, with the start of the first one in force, whether a plan is validated, and the end of
    /// the last validated rapport de situation (one query). Also used by the demo dataset, whose board is full from the start.
    /// </summary>
    public static async Task<List<DueItem>> ComputeAsync(AppDbContext db, DateOnly today, int sixMonthlyUnderAge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var horizon = today.AddDays(AlertDays);
        var codes = MeasureKinds.All.Where(PlanRules.RequiresPlan).Select(k => k.Code).ToList();
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
        var due = new List<DueItem>();
        foreach (var f in followed)
        {
            var planDue = f.FirstStart.AddMonths(PlanRules.DueMonths);
            if (!f.PlanValidated && planDue <= horizon)
            {
                due.Add(new DueItem(f.ChildId, f.DossierNumber, f.ResponsibleDepartementCode, FollowUpKind.PlanDue, planDue));
            }

            DateOnly? birth = f.BirthDate is { Year: { } y } ? new DateOnly(y, f.BirthDate.Month ?? 1, f.BirthDate.Day ?? 1) : null;
            var reportDue = ReportRules.NextDue(f.LastReport ?? f.FirstStart, birth, sixMonthlyUnderAge);
            if (reportDue <= horizon)
            {
                due.Add(new DueItem(f.ChildId, f.DossierNumber, f.ResponsibleDepartementCode, FollowUpKind.ReportDue, reportDue));
            }
        }

        return due;
    }

    public static FollowUpDeadline Row(DueItem item, DateTime computedAt)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new FollowUpDeadline { ChildId = item.ChildId, Kind = item.Kind, DueOn = item.DueOn, DepartementCode = item.DepartementCode, ComputedAt = computedAt };
    }

    /// <summary>The board's rows, all replaced at once: a reader sees yesterday's or today's, never half of each.</summary>
    private static async Task ReplaceDeadlinesAsync(AppDbContext db, List<FollowUpDeadline> deadlines, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.FollowUpDeadlines.ExecuteDeleteAsync(ct);
            foreach (var batch in deadlines.Chunk(2000))
            {
                db.FollowUpDeadlines.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }
}
