using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;
using Ariane.Core.Measures;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Measures;

public sealed class RenewMeasureRequest
{
    public DateOnly? DecidedOn { get; set; }
    /// <summary>Empty: the day after the échéance in force.</summary>
    public DateOnly? CoversFrom { get; set; }
    public DateOnly? PlannedEndOn { get; set; }
    public string? Court { get; set; }
    public string? JudgeName { get; set; }
    public string? Reference { get; set; }
    [MultiLine]
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Renews a measure. Judicial: a new decision (kind Renewal) joins the chain with its own period, checked by
/// <see cref="MeasureRules.CheckPeriod"/>, and the échéance moves. Administrative: only the échéance moves
/// (an audited update of the measure; no decision row, see <see cref="OpenMeasure"/>).
/// </summary>
public sealed class RenewMeasure(AppDbContext db, MeasureGate gate, MeasureSave save, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<MeasureView>> HandleAsync(Guid measureId, RenewMeasureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (change, refusal) = await gate.LoadAsync(measureId, needsJudicial: true, cancellationToken);
        if (change is null)
        {
            return MeasureSave.Refused(refusal);
        }

        if (await save.StaleAsync(change, request.Version, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var measure = change.Measure;
        if (MeasureSave.IsEnded(measure))
        {
            return Result<MeasureView>.Invalid("plannedEndOn", "Cette mesure a pris fin : elle ne peut être renouvelée.");
        }

        var today = Format.Today(time);
        var errors = Validation.Check(request);
        var kind = measure.Kind!;
        var decided = request.DecidedOn ?? (kind.Framework == MeasureFramework.Administrative ? today : null);
        MeasureInput.Required(decided, "decidedOn", "La date de la décision de renouvellement est obligatoire.", errors);
        MeasureInput.Required(request.PlannedEndOn, "plannedEndOn", "La nouvelle échéance est obligatoire.", errors);
        var from = request.CoversFrom ?? (measure.PlannedEndOn is { } planned && planned < DateOnly.MaxValue ? planned.AddDays(1) : (DateOnly?)null) ?? measure.StartsOn ?? measure.DecidedOn;
        var court = MeasureInput.Text(request.Court, "court", MeasureInput.MaxText, errors);
        var judge = MeasureInput.Text(request.JudgeName, "judgeName", MeasureInput.MaxText, errors);
        var reference = MeasureInput.Text(request.Reference, "reference", MeasureInput.MaxShortText, errors);
        var note = MeasureInput.Text(request.Note, "note", MeasureInput.MaxNote, errors);
        if (request.PlannedEndOn is { } newEnd && measure.PlannedEndOn is { } oldEnd && newEnd <= oldEnd)
        {
            Validation.Add(errors, "plannedEndOn", $"La nouvelle échéance doit suivre l'échéance en vigueur, le {Format.Date(oldEnd)}.");
        }

        // A renewal continues the measure: it covers from the day after the échéance in force at the latest, so that
        // the longest period of a decision cannot be stretched by starting it later (docs/domain.md, Measures).
        if (measure.PlannedEndOn is { } inForce && inForce < DateOnly.MaxValue && from > inForce.AddDays(1))
        {
            Validation.Add(errors, "coversFrom", $"Le renouvellement prend effet au plus tard le lendemain de l'échéance en vigueur, le {Format.Date(inForce.AddDays(1))}.");
        }
        else if (from < measure.DecidedOn)
        {
            Validation.Add(errors, "coversFrom", "Le renouvellement ne peut prendre effet avant la décision initiale.");
        }

        if (decided is { } d && request.PlannedEndOn is not null)
        {
            var birth = await db.Children.AsNoTracking().Where(c => c.Id == measure.ChildId).Select(c => c.BirthDate).SingleAsync(cancellationToken);
            MeasureInput.AddAll(MeasureRules.CheckPeriod(kind, d, from, request.PlannedEndOn, OpenMeasure.FullDate(birth), today), errors);
        }

        if (errors.Count > 0)
        {
            return Result<MeasureView>.Invalid(errors);
        }

        if (kind.Framework == MeasureFramework.Judicial)
        {
            var previous = await db.MeasureDecisions.AsNoTracking().Where(x => x.MeasureId == measure.Id)
                .OrderByDescending(x => x.DecidedOn).ThenByDescending(x => x.RecordedAt).FirstOrDefaultAsync(cancellationToken);
            db.MeasureDecisions.Add(new MeasureDecision
            {
                MeasureId = measure.Id,
                ChildId = measure.ChildId,
                Kind = MeasureDecisionKind.Renewal,
                DecidedOn = decided!.Value,
                CoversFrom = from,
                CoversUntil = request.PlannedEndOn,
                // The court usually stays: the previous decision's, unless another is given.
                Court = court ?? previous?.Court,
                JudgeName = judge ?? previous?.JudgeName,
                Reference = reference,
                Note = note,
                RecordedByUserId = change.Opening.Subject.UserId,
                RecordedByName = await currentUser.DisplayNameAsync(cancellationToken),
                RecordedAt = time.GetUtcNow().UtcDateTime,
            });
        }

        var recorded = db.Audit.Record(AuditEventType.MeasureRenewed, measure.ChildId, Section.Social, change.Opening.Basis, entityType: nameof(Measure), entityId: measure.Id,
            details: $$"""{"plannedEndOn":"{{Format.IsoDate(request.PlannedEndOn)}}"}""");
        measure.PlannedEndOn = request.PlannedEndOn;
        return await save.SaveAsync(change, request.Version, recorded, cancellationToken);
    }
}
