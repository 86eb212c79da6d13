using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Measures;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// The waiting list (docs/domain.md, Measures): measures decided and not yet carried out, longest waiting
/// first, with the days waited since the decision; optionally one service's. Filtered in SQL to the children
/// the user may read (<see cref="ChildAccess.ReadableAsync"/>), paged on (decision date, id).
/// </summary>
public sealed class WaitingMeasures(AppDbContext db, ChildAccess access, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<MeasureBoard>> HandleAsync(Guid? serviceId, string? after, CancellationToken cancellationToken)
    {
        var today = Format.Today(time);
        var readable = await access.ReadableAsync(Section.Social, cancellationToken);
        var (departements, services) = BoardScope.Of(await currentUser.SubjectAsync(cancellationToken));
        var query = db.Measures.AsNoTracking().Where(m => m.State == MeasureState.Decided
            && readable.Any(c => c.Id == m.ChildId && (departements.Contains(c.ResponsibleDepartementCode) || services.Contains(m.CarriedOutByServiceId))));
        if (serviceId is { } service)
        {
            query = query.Where(m => m.CarriedOutByServiceId == service);
        }

        var count = await query.CountAsync(cancellationToken);
        var page = query;
        if (BoardCursor.TryParse(after, out var afterDay, out var afterId))
        {
            page = page.Where(m => m.DecidedOn > afterDay || (m.DecidedOn == afterDay && m.Id.CompareTo(afterId) > 0));
        }

        var rows = await page.OrderBy(m => m.DecidedOn).ThenBy(m => m.Id).Take(BoardCursor.PageSize + 1)
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
        // The join may reorder: the page is sorted again before it is cut.
        rows = [.. rows.OrderBy(r => r.DecidedOn).ThenBy(r => r.Id)];
        var more = rows.Count > BoardCursor.PageSize;
        rows = [.. rows.Take(BoardCursor.PageSize)];
        var result = rows.Select(r => new MeasureBoardRow(r.Id, r.ChildId, r.DossierNumber,
            Ariane.Core.Children.Child.NameOf(r.BirthName, r.UsageName, r.FirstNames),
            MeasureKinds.Find(r.KindCode)?.Label ?? r.KindCode, r.Framework, r.DecidedOn, r.StartsOn, r.PlannedEndOn,
            r.CarriedOutByServiceId, r.Service ?? string.Empty, today.DayNumber - r.DecidedOn.DayNumber)).ToList();
        db.Audit.RecordList(AuditEventType.MeasuresListed, result.Select(r => r.ChildId).Distinct(), Section.Social,
            details: $$"""{"list":"waiting","shown":{{result.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<MeasureBoard>.Ok(new MeasureBoard(count, 0, result, more ? BoardCursor.Format(rows[^1].DecidedOn, rows[^1].Id) : null));
    }
}
