using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Measures;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// Opens a measure (social section of its child): kind, dates, service, state and reminders; the chain of
/// decisions with court, judge and reference only for a reader of the judicial section (docs/domain.md §3).
/// One audit row for the social part, one more for the judicial part when it is shown.
/// </summary>
public sealed class GetMeasure(AppDbContext db, ChildAccess access, TimeProvider time)
{
    public async Task<Result<MeasureView>> HandleAsync(Guid measureId, CancellationToken cancellationToken)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null)
        {
            return Result<MeasureView>.NotFound();
        }

        var opening = await access.OpenAsync(measure.ChildId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed || (opening.RecordedBefore is { } cutoff && !Core.Common.EntityIds.CreatedBefore(measure.Id, cutoff)))
        {
            return Result<MeasureView>.NotFound();
        }

        var view = await ViewAsync(measure, opening, cancellationToken);
        Audit(db, view, opening);
        await db.SaveChangesAsync(cancellationToken);
        return Result<MeasureView>.Ok(view);
    }

    /// <summary>The audit rows of a measure shown: its social part, and its decisions when they were shown.</summary>
    public static void Audit(AppDbContext db, MeasureView view, ChildOpening opening)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(opening);
        db.Audit.Record(AuditEventType.MeasureViewed, view.ChildId, Section.Social, opening.Basis, entityType: nameof(Measure), entityId: view.Id);
        if (!view.DecisionsWithheld)
        {
            db.Audit.Record(AuditEventType.MeasureViewed, view.ChildId, Section.Judicial, opening.Basis, entityType: nameof(MeasureDecision), entityId: view.Id);
        }
    }

    /// <summary>The view of a measure whose child was opened for reading (no audit row: the caller writes it).</summary>
    public async Task<MeasureView> ViewAsync(Measure measure, ChildOpening opening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(opening);
        var today = Format.Today(time);
        var facts = await db.Children.AsNoTracking().Where(c => c.Id == measure.ChildId)
            .Select(c => new
            {
                c.DossierNumber,
                Service = db.Services.Where(s => s.Id == measure.CarriedOutByServiceId).Select(s => s.Name).FirstOrDefault(),
                Referent = db.Users.Where(u => u.Id == measure.ReferentUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var mayJudicial = opening.May(AccessOperation.Read, Section.Judicial);
        List<MeasureDecisionView>? decisions = null;
        if (mayJudicial)
        {
            var chain = db.MeasureDecisions.AsNoTracking().Where(d => d.MeasureId == measure.Id);
            // The former département of a transferred child reads the decisions it recorded, not the renewals since.
            if (opening.RecordedBefore is { } cutoff)
            {
                chain = chain.Where(d => d.RecordedAt < cutoff);
            }

            decisions = await chain
                .OrderBy(d => d.DecidedOn).ThenBy(d => d.RecordedAt).ThenBy(d => d.Id)
                .Select(d => new MeasureDecisionView(d.Id, d.Kind, d.DecidedOn, d.CoversFrom, d.CoversUntil, d.Court, d.JudgeName, d.Reference, d.Note, d.RecordedByName))
                .ToListAsync(cancellationToken);
        }

        var kind = measure.Kind;
        var mayWrite = opening.May(AccessOperation.Write, Section.Social) && MeasureGate.MayRecord(opening);
        var judicialOk = kind?.Framework != MeasureFramework.Judicial || opening.May(AccessOperation.Write, Section.Judicial);
        return new MeasureView(
            measure.Id, measure.ChildId, facts.DossierNumber, measure.DepartementCode, measure.KindCode, kind?.Label ?? measure.KindCode,
            measure.Framework, kind?.OlinpeVariable ?? string.Empty, kind?.OlinpeCode ?? 0, measure.LegalBasis, measure.Authority, measure.State,
            measure.DecidedOn, measure.StartsOn, measure.PlannedEndOn,
            measure.State == MeasureState.Decided ? today.DayNumber - measure.DecidedOn.DayNumber : null,
            measure.CarriedOutByServiceId, facts.Service ?? string.Empty, measure.ReferentUserId, facts.Referent,
            measure.ParentalAgreementOn, measure.WithoutParentalConsent, measure.FollowsAssessmentId,
            measure.EndedOn, measure.EndReason, measure.LiftReason, measure.EndNote, measure.RecordedByName,
            !mayJudicial, decisions, [.. MeasureRules.Reminders(measure, today)],
            new MeasureRights(
                mayWrite && measure.State == MeasureState.Decided,
                mayWrite && judicialOk && measure.State != MeasureState.Ended,
                mayWrite && measure.State != MeasureState.Ended),
            measure.Version);
    }
}
