using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Measures;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// The measures of a child, for their record (social section): in progress and decided first, then the
/// ended ones; with the days waited by a decided measure and its reminders. Public for the record's page.
/// </summary>
public sealed class ChildMeasures(AppDbContext db, ChildAccess access, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<MeasureRow>>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<IReadOnlyList<MeasureRow>>.NotFound();
        }

        var today = Format.Today(time);
        var measures = await db.Measures.AsNoTracking().Where(m => m.ChildId == childId)
            .OrderBy(m => m.State == MeasureState.Ended).ThenByDescending(m => m.DecidedOn).ThenBy(m => m.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        if (opening.RecordedBefore is { } cutoff)
        {
            measures = [.. measures.Where(m => Core.Common.EntityIds.CreatedBefore(m.Id, cutoff))];
        }

        var serviceIds = measures.Select(m => m.CarriedOutByServiceId).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var rows = measures.Select(m => Row(m, services.GetValueOrDefault(m.CarriedOutByServiceId, string.Empty), today)).ToList();
        db.Audit.Record(AuditEventType.MeasuresListed, childId, Section.Social, opening.Basis, details: $$"""{"shown":{{rows.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<MeasureRow>>.Ok(rows);
    }

    public static MeasureRow Row(Measure m, string serviceName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(m);
        var kind = m.Kind;
        return new MeasureRow(m.Id, m.KindCode, kind?.Label ?? m.KindCode, m.Framework, kind?.OlinpeVariable ?? string.Empty, kind?.OlinpeCode ?? 0,
            m.State, m.DecidedOn, m.StartsOn, m.PlannedEndOn, m.EndedOn, m.CarriedOutByServiceId, serviceName,
            m.State == MeasureState.Decided ? today.DayNumber - m.DecidedOn.DayNumber : null, [.. MeasureRules.Reminders(m, today)]);
    }
}
