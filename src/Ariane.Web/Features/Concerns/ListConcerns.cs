using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Concerns;

public sealed class ListConcernsRequest
{
    /// <summary>One state; none: every IP still open (to qualify, in evaluation, to validate).</summary>
    public ConcernState? State { get; set; }

    /// <summary>Only the IPs whose evaluation team includes this user.</summary>
    public Guid? EvaluatorId { get; set; }

    /// <summary>Only the IPs evaluated by this service.</summary>
    public Guid? ServiceId { get; set; }

    /// <summary>Where the previous page ended (opaque).</summary>
    public string? After { get; set; }
}

public sealed record ConcernRow(
    Guid Id, string Number, ConcernState State, DateTime ReceivedAt, DateOnly DueOn, int DaysLeft, bool GraveDanger,
    IReadOnlyList<string> Children, IReadOnlyList<string> Evaluators);

public sealed record ConcernCounts(int ToQualify, int InAssessment, int ToValidate, int Overdue);

public sealed record ConcernBoard(ConcernCounts Counts, IReadOnlyList<ConcernRow> Rows, string? Next);

/// <summary>
/// The CRIP's dashboard: the IPs by state with their due date and days left, the most urgent first
/// (overdue at the top), filtered by evaluator and service, with the counts of what is open. A
/// département-wide reader sees its département's IPs; an evaluator those of their team. Paged on
/// (due date, id) and counted on open IPs only, so it answers alike whatever the number of closed ones.
/// </summary>
public sealed class ListConcerns(AppDbContext db, ConcernAccess access, CurrentUser currentUser, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<Result<ConcernBoard>> HandleAsync(ListConcernsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var today = Format.Today(time);
        var query = await access.ReadableAsync(cancellationToken);
        var departements = subject.Grants
            .Where(g => g.Role.Scope == AccessScope.Departement && g.Role.LevelFor(Section.Social) >= AccessLevel.Read).DepartementCodes();
        var userId = subject.UserId;
        query = departements.Count > 0
            ? query.Where(c => departements.Contains(c.DepartementCode))
            : query.Where(c => db.Assessments.Any(a => a.ConcernId == c.Id && a.Evaluators.Any(e => e.UserId == userId)));
        if (request.EvaluatorId is { } evaluator)
        {
            query = query.Where(c => db.Assessments.Any(a => a.ConcernId == c.Id && a.Evaluators.Any(e => e.UserId == evaluator)));
        }

        if (request.ServiceId is { } service)
        {
            query = query.Where(c => db.Assessments.Any(a => a.ConcernId == c.Id && a.ServiceId == service));
        }

        var open = query.Where(c => c.State != ConcernState.Closed);
        var counts = await open.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var overdue = await open.CountAsync(c => c.DueOn < today, cancellationToken);

        var page = request.State is { } state ? query.Where(c => c.State == state) : open;
        if (Cursor.TryParse(request.After, out var afterDue, out var afterId))
        {
            page = page.Where(c => c.DueOn > afterDue || (c.DueOn == afterDue && c.Id.CompareTo(afterId) > 0));
        }

        // Closed IPs are shown latest first; open ones most urgent first.
        var rows = await (request.State == ConcernState.Closed ? page.OrderByDescending(c => c.DueOn).ThenByDescending(c => c.Id) : page.OrderBy(c => c.DueOn).ThenBy(c => c.Id))
            .Take(PageSize + 1)
            .Select(c => new { c.Id, c.Number, c.State, c.ReceivedAt, c.DueOn, c.GraveDanger })
            .ToListAsync(cancellationToken);
        var more = rows.Count > PageSize && request.State != ConcernState.Closed;
        rows = [.. rows.Take(PageSize)];
        var ids = rows.Select(r => r.Id).ToList();
        var children = await db.ConcernChildren.AsNoTracking().Where(cc => ids.Contains(cc.ConcernId))
            .Select(cc => new { cc.ConcernId, cc.ChildId, cc.Child!.BirthName, cc.Child.UsageName, cc.Child.FirstNames })
            .ToListAsync(cancellationToken);
        var evaluators = await db.AssessmentEvaluators.AsNoTracking().Where(e => ids.Contains(e.Assessment!.ConcernId))
            .Select(e => new { e.Assessment!.ConcernId, e.Name })
            .ToListAsync(cancellationToken);
        var byConcern = children.ToLookup(c => c.ConcernId);
        var teams = evaluators.ToLookup(e => e.ConcernId);
        var result = rows.Select(r => new ConcernRow(r.Id, r.Number, r.State, r.ReceivedAt, r.DueOn, r.DueOn.DayNumber - today.DayNumber, r.GraveDanger,
            [.. byConcern[r.Id].Select(c => Ariane.Core.Children.Child.NameOf(c.BirthName, c.UsageName, c.FirstNames)).Order(StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), false))],
            [.. teams[r.Id].Select(e => e.Name).Order(StringComparer.Ordinal)])).ToList();

        db.Audit.RecordList(AuditEventType.ConcernsListed, children.Select(c => c.ChildId), Section.Social,
            details: $$"""{"state":"{{request.State}}","shown":{{rows.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);

        int Count(ConcernState s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return Result<ConcernBoard>.Ok(new ConcernBoard(
            new ConcernCounts(Count(ConcernState.ToQualify), Count(ConcernState.InAssessment), Count(ConcernState.ToValidate), overdue),
            result,
            more ? Cursor.Format(rows[^1].DueOn, rows[^1].Id) : null));
    }

    private static class Cursor
    {
        public static string Format(DateOnly due, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{due:yyyyMMdd}.{id:N}");

        public static bool TryParse(string? value, out DateOnly due, out Guid id)
        {
            (due, id) = (default, default);
            var parts = value?.Split('.');
            return parts is { Length: 2 }
                && DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out due)
                && Guid.TryParseExact(parts[1], "N", out id);
        }
    }
}
