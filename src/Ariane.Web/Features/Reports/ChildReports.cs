using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Measures;
using Ariane.Core.Reports;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// The reports of a child and when the next rapport de situation is due: a year (six months under the configured age)
/// after the period the last validated one covered, or after the start of the first measure in force.
/// </summary>
public sealed class ChildReports(AppDbContext db, ChildAccess access, TimeProvider time, IOptions<ReportOptions> options)
{
    public async Task<Result<ChildReportsView>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<ChildReportsView>.NotFound();
        }

        var rows = await db.SituationReports.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.PeriodTo).ThenByDescending(r => r.Id).Take(50)
            .Select(r => new ReportRow(r.Id, r.Kind, string.Empty, r.State, r.PeriodFrom, r.PeriodTo, r.AuthorName, r.UpdatedAt, r.ValidatedAt)).ToListAsync(cancellationToken);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new { c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames, c.BirthDate }).SingleAsync(cancellationToken);
        var (due, months) = await DueAsync(childId, child.BirthDate, rows, cancellationToken);
        var today = Format.Today(time);
        var name = Shared.IdentityRead.Names(db, opening) ? Core.Children.Child.NameOf(child.BirthName, child.UsageName, child.FirstNames) : null;
        db.Audit.Record(AuditEventType.ReportViewed, childId, Section.Social, opening.Basis, details: $$"""{"listed":{{rows.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<ChildReportsView>.Ok(new ChildReportsView(childId, child.DossierNumber, name, due, due < today, months,
            [.. rows.Select(r => r with { Title = ReportRules.Title(r.Kind) })], ReportAccess.MayWrite(opening)));
    }

    private async Task<(DateOnly? Due, int Months)> DueAsync(Guid childId, Core.Children.PartialDate birthDate, List<ReportRow> rows, CancellationToken cancellationToken)
    {
        DateOnly? birth = birthDate is { Year: { } y } ? new DateOnly(y, birthDate.Month ?? 1, birthDate.Day ?? 1) : null;
        var last = rows.Where(r => r.State == ReportState.Validated && r.Kind == ReportKind.Situation).Select(r => (DateOnly?)r.PeriodTo).FirstOrDefault();
        var from = last ?? await db.Measures.AsNoTracking().Where(m => m.ChildId == childId && m.State == MeasureState.InProgress && m.StartsOn != null)
            .OrderBy(m => m.StartsOn).Select(m => m.StartsOn).FirstOrDefaultAsync(cancellationToken);
        if (from is not { } start)
        {
            return (null, 12);
        }

        var months = birth is { } b ? ReportRules.MonthsBetween(b, start, options.Value.SixMonthlyUnderAge) : 12;
        return (ReportRules.NextDue(start, birth, options.Value.SixMonthlyUnderAge), months);
    }

    internal static List<Guid> Ids(string json) => JsonSerializer.Deserialize<List<Guid>>(json) ?? [];
}

/// <summary>Who writes and who validates a report: the social follow-up's writers draft it; a cadre of the département validates it.</summary>
internal static class ReportAccess
{
    public static bool MayWrite(ChildOpening opening) =>
        opening.RecordedBefore is null && opening.MergedIntoId is null && opening.May(AccessOperation.Write, Section.Social);

    public static bool MayValidate(ChildOpening opening) =>
        MayWrite(opening) && opening.Subject.Grants.Any(g => g.Role.Has(Permission.ValidateReport) && g.DepartementCode == opening.Facts?.ResponsibleDepartementCode);
}
