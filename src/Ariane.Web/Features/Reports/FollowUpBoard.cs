using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Reports;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Reports;

/// <summary>One due date of the board: the child by dossier number and name, what is due, when, in how many days.</summary>
public sealed record FollowUpBoardRow(Guid ChildId, string DossierNumber, string ChildName, FollowUpKind Kind, string KindLabel, DateOnly DueOn, int Days, string Link);

/// <summary>A page of the board, with the counts of what it lists (and of what is late) and the next page's cursor.</summary>
public sealed record FollowUpBoardPage(int Count, int Overdue, IReadOnlyList<FollowUpBoardRow> Rows, string? Next);

/// <summary>
/// « Échéances du suivi » (docs/domain.md §2.5, §2.7): the PPE to draw up and the rapports de situation to write, due
/// within 30 days or late, for the children of the user's départements whom they may read (or only those they are the
/// référent of). Reads the due dates the morning job computed (<see cref="FollowUpDeadline"/>) by keyset in SQL; a
/// plan or a report validated since is left out at once. One « liste consultée » audit row naming the children shown.
/// </summary>
public sealed class FollowUpBoard(AppDbContext db, ChildAccess access, CurrentUser currentUser, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<Result<FollowUpBoardPage>> HandleAsync(FollowUpKind? kind, bool mine, string? after, CancellationToken cancellationToken)
    {
        if (kind is { } k && !Enum.IsDefined(k))
        {
            return Result<FollowUpBoardPage>.Invalid("kind", "Choisissez « projet » ou « rapport ».");
        }

        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Has(Permission.RecordMeasure))
        {
            // The board of those who follow children under measures (référents, cadres): not a partner's or a court's.
            return Result<FollowUpBoardPage>.Forbidden();
        }

        var today = Format.Today(time);
        var horizon = today.AddDays(FollowUpDeadlineAlerts.AlertDays);
        var readable = await access.ReadableAsync(Section.Social, cancellationToken);
        var departements = subject.Grants.DepartementCodes();
        var userId = subject.UserId;
        var query = db.FollowUpDeadlines.AsNoTracking().Where(d => d.DueOn <= horizon && departements.Contains(d.DepartementCode)
            && readable.Any(c => c.Id == d.ChildId && c.ResponsibleDepartementCode == d.DepartementCode)
            // Met since the morning's computation: a validated plan, a rapport de situation validated after it.
            && !(d.Kind == FollowUpKind.PlanDue && db.ChildPlans.Any(p => p.ChildId == d.ChildId && p.ValidatedNumber > 0))
            && !(d.Kind == FollowUpKind.ReportDue && db.SituationReports.Any(r => r.ChildId == d.ChildId && r.Kind == ReportKind.Situation
                && r.State == ReportState.Validated && r.ValidatedAt >= d.ComputedAt)));
        if (kind is { } only)
        {
            query = query.Where(d => d.Kind == only);
        }

        if (mine)
        {
            query = query.Where(d => db.WorkerAssignments.Any(w => w.ChildId == d.ChildId && w.UserId == userId && w.Role == WorkerRole.CaseWorker
                && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today)));
        }

        // Both counts in one pass over the département's due dates.
        var counts = await query.GroupBy(_ => 1).Select(g => new { All = g.Count(), Late = g.Count(d => d.DueOn < today) }).SingleOrDefaultAsync(cancellationToken);
        var (count, overdue) = (counts?.All ?? 0, counts?.Late ?? 0);
        var page = query;
        if (TryParse(after, out var afterDay, out var afterId))
        {
            page = page.Where(d => d.DueOn > afterDay || (d.DueOn == afterDay && d.Id.CompareTo(afterId) > 0));
        }

        var rows = await page.OrderBy(d => d.DueOn).ThenBy(d => d.Id).Take(PageSize + 1)
            .Join(db.Children, d => d.ChildId, c => c.Id, (d, c) => new { d.Id, d.ChildId, d.Kind, d.DueOn, c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames })
            .ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(r => r.DueOn).ThenBy(r => r.Id)];
        var more = rows.Count > PageSize;
        rows = [.. rows.Take(PageSize)];
        var result = rows.Select(r => new FollowUpBoardRow(r.ChildId, r.DossierNumber, Child.NameOf(r.BirthName, r.UsageName, r.FirstNames), r.Kind,
            Label(r.Kind), r.DueOn, r.DueOn.DayNumber - today.DayNumber, r.Kind == FollowUpKind.PlanDue ? $"/Plans/{r.ChildId}" : $"/Reports/{r.ChildId}")).ToList();
        db.Audit.RecordList(AuditEventType.FollowUpBoardListed, result.Select(r => r.ChildId).Distinct(), Section.Social,
            details: $$"""{"shown":{{result.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        var next = more ? string.Create(CultureInfo.InvariantCulture, $"{rows[^1].DueOn:yyyyMMdd}.{rows[^1].Id:N}") : null;
        return Result<FollowUpBoardPage>.Ok(new FollowUpBoardPage(count, overdue, result, next));
    }

    public static string Label(FollowUpKind kind) => kind == FollowUpKind.PlanDue ? "Projet pour l'enfant à établir" : "Rapport de situation à rédiger";

    private static bool TryParse(string? value, out DateOnly day, out Guid id)
    {
        (day, id) = (default, default);
        var parts = value?.Split('.');
        return parts is { Length: 2 }
            && DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && Guid.TryParseExact(parts[1], "N", out id);
    }
}
