using Ariane.Persistence;
using Ariane.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// Every night at 00:15 (Paris): the stored figures of the places board follow the calendar. A stay that ended
/// yesterday frees its place and a stay recorded ahead starts today without anyone touching the line, so every
/// line is recounted by <see cref="CapacityCounter"/> in batches (docs/domain.md, Places and facilities). The
/// board itself stays one indexed query on the stored figures (docs/decisions/0011-places-board.md).
/// </summary>
public sealed class PlacesRecount : IJob
{
    public const string JobName = "PlacesRecount";
    public const int BatchSize = 500;

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(0, 15);

    public async Task RunAsync(IServiceProvider scopedServices, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopedServices);
        ArgumentNullException.ThrowIfNull(progress);
        var db = scopedServices.GetRequiredService<AppDbContext>();
        var counter = scopedServices.GetRequiredService<CapacityCounter>();
        var total = await db.FacilityCapacities.CountAsync(cancellationToken);
        await progress.ReportAsync(0, total, cancellationToken);
        var done = 0;
        Guid? after = null;
        while (true)
        {
            var query = db.FacilityCapacities.AsNoTracking();
            if (after is { } last)
            {
                query = query.Where(c => c.Id.CompareTo(last) > 0);
            }

            var ids = await query.OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            await counter.RefreshAsync(ids.Select(i => (Guid?)i), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A line of the batch changed meanwhile (a stay, an answer, the phone screen): whoever changed it
                // recounted it, so the night's count of this batch is dropped and the job goes on with the next.
            }

            db.ChangeTracker.Clear();
            done += ids.Count;
            after = ids[^1];
            await progress.ReportAsync(done, total, cancellationToken);
        }
    }
}
