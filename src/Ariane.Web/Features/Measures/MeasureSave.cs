using Ariane.Core.Audit;
using Ariane.Core.Measures;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// The end of every change of a measure: the version the user read must still be the stored one (else 409
/// with the current view, audited as a read), then the save and the view.
/// </summary>
public sealed class MeasureSave(AppDbContext db, GetMeasure getMeasure)
{
    /// <summary>The conflict answer when <paramref name="version"/> is not the stored one; null when it is.</summary>
    public async Task<Result<MeasureView>?> StaleAsync(MeasureChange change, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Measure.Version == version ? null : await ConflictAsync(change, cancellationToken);
    }

    /// <param name="recorded">The handler's own event row (« renouvelée », « fin de mesure »), if it wrote one.</param>
    public async Task<Result<MeasureView>> SaveAsync(MeasureChange change, int version, AuditRecord? recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        // The version the user read is the one the UPDATE must still find, even if it changed since our SELECT.
        db.Entry(change.Measure).Property(m => m.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The event row stays pending in the audit trail (clearing the tracker does not reach it) and is written
            // with the conflict's read: it must say the change failed, not that the measure was renewed or ended.
            if (recorded is not null)
            {
                recorded.Outcome = AuditOutcome.Failure;
            }

            db.ChangeTracker.Clear();
            return await ConflictAsync(change, cancellationToken);
        }

        db.ChangeTracker.Clear();
        var fresh = await db.Measures.AsNoTracking().SingleAsync(m => m.Id == change.Measure.Id, cancellationToken);
        return Result<MeasureView>.Ok(await getMeasure.ViewAsync(fresh, change.Opening, cancellationToken));
    }

    private async Task<Result<MeasureView>> ConflictAsync(MeasureChange change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var fresh = await db.Measures.AsNoTracking().SingleAsync(m => m.Id == change.Measure.Id, cancellationToken);
        var view = await getMeasure.ViewAsync(fresh, change.Opening, cancellationToken);
        // The conflict shows the stored values: that is a read, and it is audited as one.
        GetMeasure.Audit(db, view, change.Opening);
        await db.SaveChangesAsync(cancellationToken);
        return Result<MeasureView>.Conflict(view);
    }

    public static Result<MeasureView> Refused(ResultStatus? status) => new(status ?? ResultStatus.NotFound, null);

    public const string EndedMessage = "Cette mesure a pris fin : elle ne peut plus être modifiée.";

    public static bool IsEnded(Measure measure) => measure.State == MeasureState.Ended;
}
