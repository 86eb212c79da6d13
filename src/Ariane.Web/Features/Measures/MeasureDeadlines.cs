using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Measures;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// The échéances (docs/domain.md, Measures): measures in progress whose échéance is within
/// <see cref="MeasureDeadlineOptions.AlertMonthsBefore"/> months or past, soonest first, with the days left
/// (negative when past). A référent sees the children they may read, a cadre their département: the same SQL
/// filter as every list (<see cref="ChildAccess.ReadableAsync"/>). Paged on (échéance, id).
/// </summary>
public sealed class MeasureDeadlines(AppDbContext db, ChildAccess access, CurrentUser currentUser, IOptions<MeasureDeadlineOptions> options, TimeProvider time)
{
    public async Task<Result<MeasureBoard>> HandleAsync(string? after, CancellationToken cancellationToken)
    {
        var today = Format.Today(time);
        var limit = today.AddMonths(options.Value.AlertMonthsBefore);
        var readable = await access.ReadableAsync(Section.Social, cancellationToken);
        var (departements, services) = BoardScope.Of(await currentUser.SubjectAsync(cancellationToken));
        var query = db.Measures.AsNoTracking().Where(m => m.State == MeasureState.InProgress && m.PlannedEndOn != null && m.PlannedEndOn <= limit
            && readable.Any(c => c.Id == m.ChildId && (departements.Contains(c.ResponsibleDepartementCode) || services.Contains(m.CarriedOutByServiceId))));
        var count = await query.CountAsync(cancellationToken);
        var overdue = await query.CountAsync(m => m.PlannedEndOn < today, cancellationToken);
        var page = query;
        if (BoardCursor.TryParse(after, out var afterDay, out var afterId))
        {
            page = page.Where(m => m.PlannedEndOn > afterDay || (m.PlannedEndOn == afterDay && m.Id.CompareTo(afterId) > 0));
        }

        var rows = await page.OrderBy(m => m.PlannedEndOn).ThenBy(m => m.Id).Take(BoardCursor.PageSize + 1)
            .Join(db.Children, m => m.ChildId, c => c.Id, (m, c) => new
            {
                m.Id,
                m.ChildId,
                c.DossierNumber,
                c.BirthName,
                c.UsageName,
                c.FirstNames,
                m.KindCode,
                m.Framework,
                m.DecidedOn,
                m.StartsOn,
                m.PlannedEndOn,
                m.CarriedOutByServiceId,
                Service = db.Services.Where(s => s.Id == m.CarriedOutByServiceId).Select(s => s.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(r => r.PlannedEndOn).ThenBy(r => r.Id)];
        var more = rows.Count > BoardCursor.PageSize;
        rows = [.. rows.Take(BoardCursor.PageSize)];
        var result = rows.Select(r => new MeasureBoardRow(r.Id, r.ChildId, r.DossierNumber,
            Ariane.Core.Children.Child.NameOf(r.BirthName, r.UsageName, r.FirstNames),
            MeasureKinds.Find(r.KindCode)?.Label ?? r.KindCode, r.Framework, r.DecidedOn, r.StartsOn, r.PlannedEndOn,
            r.CarriedOutByServiceId, r.Service ?? string.Empty, r.PlannedEndOn!.Value.DayNumber - today.DayNumber)).ToList();
        db.Audit.RecordList(AuditEventType.MeasuresListed, result.Select(r => r.ChildId).Distinct(), Section.Social,
            details: $$"""{"list":"deadlines","shown":{{result.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<MeasureBoard>.Ok(new MeasureBoard(count, overdue, result, more ? BoardCursor.Format(rows[^1].PlannedEndOn!.Value, rows[^1].Id) : null));
    }
}
