using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Measures;
using Ariane.Core.Notifications;
using Ariane.Persistence;
using Ariane.Web.Features.Notifications;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// Every morning at 07:00 (Paris), like <see cref="EvaluationDeadlineAlerts"/>: for each measure in progress whose
/// échéance is within <see cref="MeasureDeadlineOptions.AlertMonthsBefore"/> months or past, notifies its référent
/// (else the child's named case worker) and the cadres of its département (a département-wide role holding
/// <see cref="Permission.RecordMeasure"/>); for each current placement that no measure in force founds, the cadres.
/// One notification per recipient, measure (or placement), stage and échéance: a second run adds nothing, a renewed
/// measure that reaches its new échéance is notified again. Texts carry the dossier number and dates, never a name.
/// </summary>
public sealed class MeasureDeadlineAlerts : IJob
{
    public const string JobName = "MeasureDeadlineAlerts";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(7, 0);

    public async Task RunAsync(IServiceProvider scopedServices, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopedServices);
        ArgumentNullException.ThrowIfNull(progress);
        var db = scopedServices.GetRequiredService<AppDbContext>();
        var time = scopedServices.GetRequiredService<TimeProvider>();
        var sender = scopedServices.GetRequiredService<NotificationSender>();
        var options = scopedServices.GetRequiredService<IOptions<MeasureDeadlineOptions>>().Value;
        var today = Format.Today(time);
        var limit = today.AddMonths(options.AlertMonthsBefore);

        var due = await db.Measures.AsNoTracking()
            .Where(m => m.State == MeasureState.InProgress && m.PlannedEndOn != null && m.PlannedEndOn <= limit)
            .Join(db.Children, m => m.ChildId, c => c.Id, (m, c) => new
            {
                m.Id,
                // The child's département today: after a transfer its cadres follow the échéances, not the former ones.
                DepartementCode = c.ResponsibleDepartementCode,
                m.KindCode,
                PlannedEndOn = m.PlannedEndOn!.Value,
                c.DossierNumber,
                Referent = db.Users.Where(u => u.Id == m.ReferentUserId && u.IsActive).Select(u => (Guid?)u.Id).FirstOrDefault(),
                CaseWorkers = db.WorkerAssignments
                    .Where(w => w.ChildId == m.ChildId && w.Role == WorkerRole.CaseWorker && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today)
                        && db.Users.Any(u => u.Id == w.UserId && u.IsActive))
                    .Select(w => w.UserId).ToList(),
            })
            .ToListAsync(cancellationToken);
        // A placement founded on no measure, or on one not in force today (decided only, ended, or not yet begun).
        var unfounded = await db.Placements.AsNoTracking()
            .Where(p => p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today)
                && !db.Measures.Any(m => m.Id == p.MeasureId && m.State != MeasureState.Decided && m.StartsOn <= today && (m.EndedOn == null || m.EndedOn >= today)))
            .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new { p.Id, p.ChildId, c.DossierNumber, c.ResponsibleDepartementCode, p.StartsOn })
            .ToListAsync(cancellationToken);
        var total = due.Count + unfounded.Count;
        await progress.ReportAsync(0, total, cancellationToken);
        if (total == 0)
        {
            return;
        }

        // Roles are data: the département-wide codes that carry the permission, then the départements' cadres at once.
        var roles = await db.AccessRoles.AsNoTracking().ToListAsync(cancellationToken);
        var cadreCodes = roles.Where(r => r.Has(Permission.RecordMeasure) && r.Scope == AccessScope.Departement).Select(r => r.Code).ToList();
        var departements = due.Select(d => d.DepartementCode).Concat(unfounded.Select(p => p.ResponsibleDepartementCode)).Distinct().ToList();
        var staff = await db.Memberships.AsNoTracking()
            .Where(m => cadreCodes.Contains(m.RoleCode) && m.Service!.IsActive
                && m.Service.Organisation!.DepartementCode != null && departements.Contains(m.Service.Organisation.DepartementCode)
                && db.Users.Any(u => u.Id == m.UserId && u.IsActive))
            .Select(m => new { m.UserId, DepartementCode = m.Service!.Organisation!.DepartementCode! })
            .ToListAsync(cancellationToken);
        var cadres = staff.GroupBy(s => s.DepartementCode)
            .ToDictionary(g => g.Key, g => g.Select(s => s.UserId).ToHashSet(), StringComparer.Ordinal);

        var drafts = new List<NotificationDraft>();
        foreach (var m in due)
        {
            var days = m.PlannedEndOn.DayNumber - today.DayNumber;
            var overdue = days < 0;
            var kind = MeasureKinds.Find(m.KindCode)?.Label ?? "Mesure";
            var (title, text) = overdue
                ? ("Échéance de mesure dépassée", $"Dossier {m.DossierNumber} : la mesure « {kind} » a dépassé son échéance du {Format.Date(m.PlannedEndOn)}.")
                : ("Échéance de mesure proche", $"Dossier {m.DossierNumber} : la mesure « {kind} » arrive à échéance le {Format.Date(m.PlannedEndOn)}.");
            var key = string.Create(CultureInfo.InvariantCulture, $"measure:{m.Id:N}:{(overdue ? "overdue" : "soon")}:{m.PlannedEndOn:yyyyMMdd}");
            IEnumerable<Guid> workers = m.Referent is { } referent ? [referent] : m.CaseWorkers;
            foreach (var recipient in workers.Concat(cadres.GetValueOrDefault(m.DepartementCode, [])).Distinct())
            {
                drafts.Add(new NotificationDraft(recipient, NotificationKind.MeasureDeadline, title, text, $"/Measures/Details/{m.Id}", m.Id, key));
            }
        }

        foreach (var p in unfounded)
        {
            var text = $"Dossier {p.DossierNumber} : placement depuis le {Format.Date(p.StartsOn)} sans mesure en vigueur.";
            var key = string.Create(CultureInfo.InvariantCulture, $"placement:{p.Id:N}:no-measure");
            foreach (var recipient in cadres.GetValueOrDefault(p.ResponsibleDepartementCode, []))
            {
                drafts.Add(new NotificationDraft(recipient, NotificationKind.PlacementWithoutMeasure, "Placement sans mesure en vigueur", text,
                    $"/Children/Details/{p.ChildId}", p.Id, key));
            }
        }

        var done = 0;
        foreach (var batch in drafts.Chunk(NotificationSender.BatchSize))
        {
            await sender.SendAsync(batch, cancellationToken);
            done += batch.Length;
            await progress.ReportAsync(drafts.Count == 0 ? total : (int)((long)total * done / drafts.Count), total, cancellationToken);
        }

        await progress.ReportAsync(total, total, cancellationToken);
    }
}
