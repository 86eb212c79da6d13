using Ariane.Core.Access;
using Ariane.Core.Measures;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Measures;

/// <summary>A measure loaded for a change, with its child opened for writing the social section.</summary>
public sealed record MeasureChange(Measure Measure, ChildOpening Opening);

/// <summary>
/// The checks every change of a measure makes, in this order: the measure exists and its child may be
/// written (else 404, like a stranger), the user holds <see cref="Permission.RecordMeasure"/> for the
/// child's département (else 403: they may read it, not decide on it), and a judicial measure's decisions
/// need the judicial section in writing (else 403).
/// </summary>
public sealed class MeasureGate(AppDbContext db, ChildAccess access)
{
    /// <summary>Holds RecordMeasure through a grant of the child's département (or a grant without one).</summary>
    public static bool MayRecord(ChildOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var departement = opening.Facts?.ResponsibleDepartementCode;
        return opening.Subject.Grants.Any(g => g.Role.Has(Permission.RecordMeasure)
            && (string.IsNullOrEmpty(g.DepartementCode) || g.DepartementCode == departement));
    }

    /// <summary>Opens the child for a new measure; null status when the caller may go on.</summary>
    public async Task<(ChildOpening Opening, ResultStatus? Refusal)> OpenChildAsync(Guid childId, bool judicial, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Write, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            // A reader who may not write is told « interdit »; anybody else learns nothing.
            return (opening, opening.Permits(AccessOperation.Read, Section.Social) ? ResultStatus.Forbidden : ResultStatus.NotFound);
        }

        if (!MayRecord(opening))
        {
            return (opening, ResultStatus.Forbidden);
        }

        if (judicial && !(await access.OpenAsync(childId, AccessOperation.Write, Section.Judicial, cancellationToken)).Allowed)
        {
            return (opening, ResultStatus.Forbidden);
        }

        return (opening, null);
    }

    public async Task<(MeasureChange? Change, ResultStatus? Refusal)> LoadAsync(Guid measureId, bool needsJudicial, CancellationToken cancellationToken)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null)
        {
            return (null, ResultStatus.NotFound);
        }

        var (opening, refusal) = await OpenChildAsync(measure.ChildId, needsJudicial && measure.Framework == MeasureFramework.Judicial, cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        // Tracked from here: OpenAsync clears the tracker when it audits a refusal.
        var tracked = await db.Measures.SingleAsync(m => m.Id == measureId, cancellationToken);
        return (new MeasureChange(tracked, opening), null);
    }
}
