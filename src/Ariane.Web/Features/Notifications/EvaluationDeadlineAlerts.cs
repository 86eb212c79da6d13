using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Concerns;
using Ariane.Core.Notifications;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Notifications;

/// <summary>
/// Every morning at 07:00 (Paris): for each evaluation not yet validated whose IP is due within
/// <see cref="ConcernDeadlineOptions.AlertDaysBefore"/> days or overdue, notifies the evaluators of its team and the
/// cadres of its département (a role with <see cref="Permission.ValidateAssessment"/> in a service of an organisation
/// of that département); for each IP still to qualify a week after receipt, the département's CRIP agents (a role with
/// <see cref="Permission.QualifyConcern"/>, cadres excepted: they hold that permission too, and already hear of the
/// evaluations). One notification per recipient, IP and stage (« bientôt », « en retard »): a second run the same day
/// adds nothing, an IP that becomes overdue raises one more. Texts carry the IP number and dates only, never a name.
/// Four queries (evaluations with their teams, IPs to qualify, roles, the départements' staff) then the sender's
/// batches, whatever the number of IPs.
/// </summary>
public sealed class EvaluationDeadlineAlerts : IJob
{
    public const string JobName = "EvaluationDeadlineAlerts";

    /// <summary>Days after receipt from which an IP still to qualify is signalled.</summary>
    public const int QualifyWithinDays = 7;

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(7, 0);

    public async Task RunAsync(IServiceProvider scopedServices, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopedServices);
        ArgumentNullException.ThrowIfNull(progress);
        var db = scopedServices.GetRequiredService<AppDbContext>();
        var time = scopedServices.GetRequiredService<TimeProvider>();
        var sender = scopedServices.GetRequiredService<NotificationSender>();
        var options = scopedServices.GetRequiredService<IOptions<ConcernDeadlineOptions>>().Value;
        var today = Format.Today(time);
        var limit = today.AddDays(options.AlertDaysBefore);
        var receivedBefore = time.GetUtcNow().UtcDateTime.AddDays(-QualifyWithinDays);

        var due = await db.Assessments.AsNoTracking()
            .Where(a => a.State != AssessmentState.Validated && a.Concern!.State != ConcernState.Closed && a.Concern.DueOn <= limit)
            .Select(a => new
            {
                a.Id,
                a.ConcernId,
                a.DepartementCode,
                a.Concern!.Number,
                a.Concern.DueOn,
                Evaluators = a.Evaluators.Where(e => db.Users.Any(u => u.Id == e.UserId && u.IsActive)).Select(e => e.UserId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var toQualify = await db.Concerns.AsNoTracking()
            .Where(c => c.State == ConcernState.ToQualify && c.ReceivedAt < receivedBefore)
            .Select(c => new { c.Id, c.Number, c.DepartementCode, c.ReceivedAt })
            .ToListAsync(cancellationToken);
        var total = due.Count + toQualify.Count;
        await progress.ReportAsync(0, total, cancellationToken);
        if (total == 0)
        {
            return;
        }

        // Roles are data: the codes that carry each permission, then the staff of the départements concerned at once.
        var roles = await db.AccessRoles.AsNoTracking().ToListAsync(cancellationToken);
        var validators = roles.Where(r => r.Has(Permission.ValidateAssessment)).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var qualifiers = roles.Where(r => r.Has(Permission.QualifyConcern)).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var codes = validators.Union(qualifiers).ToList();
        var departements = due.Select(d => d.DepartementCode).Concat(toQualify.Select(c => c.DepartementCode)).Distinct().ToList();
        var staff = await db.Memberships.AsNoTracking()
            .Where(m => codes.Contains(m.RoleCode) && m.Service!.IsActive
                && m.Service.Organisation!.DepartementCode != null && departements.Contains(m.Service.Organisation.DepartementCode)
                && db.Users.Any(u => u.Id == m.UserId && u.IsActive))
            .Select(m => new { m.UserId, m.RoleCode, DepartementCode = m.Service!.Organisation!.DepartementCode! })
            .ToListAsync(cancellationToken);
        var cadres = staff.Where(s => validators.Contains(s.RoleCode)).GroupBy(s => s.DepartementCode)
            .ToDictionary(g => g.Key, g => g.Select(s => s.UserId).ToHashSet(), StringComparer.Ordinal);
        var crip = staff.Where(s => qualifiers.Contains(s.RoleCode)).GroupBy(s => s.DepartementCode)
            .ToDictionary(g => g.Key, g => g.Select(s => s.UserId).Where(id => !cadres.GetValueOrDefault(g.Key, []).Contains(id)).ToHashSet(), StringComparer.Ordinal);

        var drafts = new List<NotificationDraft>();
        foreach (var a in due)
        {
            var days = a.DueOn.DayNumber - today.DayNumber;
            var overdue = days < 0;
            var (kind, title, text) = overdue
                ? (NotificationKind.AssessmentOverdue, "Évaluation en retard",
                    $"Évaluation de l'IP {a.Number} : échéance dépassée depuis {Days(-days)} (le {Format.Date(a.DueOn)}).")
                : (NotificationKind.AssessmentDueSoon, "Échéance d'évaluation proche",
                    $"Évaluation de l'IP {a.Number} : échéance {(days == 0 ? "aujourd'hui" : "dans " + Days(days))} (le {Format.Date(a.DueOn)}).");
            var key = string.Create(CultureInfo.InvariantCulture, $"concern:{a.ConcernId:N}:{(overdue ? "overdue" : "soon")}");
            foreach (var recipient in a.Evaluators.Concat(cadres.GetValueOrDefault(a.DepartementCode, [])).Distinct())
            {
                drafts.Add(new NotificationDraft(recipient, kind, title, text, $"/Concerns/Details/{a.ConcernId}", a.Id, key));
            }
        }

        foreach (var c in toQualify)
        {
            var receivedOn = DateOnly.FromDateTime(Format.ToParis(c.ReceivedAt));
            var text = $"L'IP {c.Number}, reçue le {Format.Date(receivedOn)}, attend sa qualification depuis {Days(today.DayNumber - receivedOn.DayNumber)}.";
            var key = string.Create(CultureInfo.InvariantCulture, $"concern:{c.Id:N}:to-qualify");
            foreach (var recipient in crip.GetValueOrDefault(c.DepartementCode, []))
            {
                drafts.Add(new NotificationDraft(recipient, NotificationKind.ConcernToQualify, "IP à qualifier", text, $"/Concerns/Details/{c.Id}", c.Id, key));
            }
        }

        var done = 0;
        foreach (var batch in drafts.Chunk(NotificationSender.BatchSize))
        {
            await sender.SendAsync(batch, cancellationToken);
            done += batch.Length;
            // Progress in IPs, roughly: the drafts' share of the IPs.
            await progress.ReportAsync(drafts.Count == 0 ? total : (int)((long)total * done / drafts.Count), total, cancellationToken);
        }

        await progress.ReportAsync(total, total, cancellationToken);
    }

    private static string Days(int n) => n > 1 ? $"{n} jours" : $"{n} jour";
}
