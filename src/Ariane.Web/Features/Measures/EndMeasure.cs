using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;
using Ariane.Core.Measures;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Measures;

public sealed class EndMeasureRequest
{
    public DateOnly? EndedOn { get; set; }
    /// <summary>MOTFININT.</summary>
    public MeasureEndReason? Reason { get; set; }
    /// <summary>MOTIFML: required when the measure is lifted (mainlevée).</summary>
    public MeasureLiftReason? LiftReason { get; set; }
    [MultiLine]
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>Ends a measure with its OLINPE reasons (MOTFININT, and MOTIFML for a mainlevée). An ended measure stays ended.</summary>
public sealed class EndMeasure(AppDbContext db, MeasureGate gate, MeasureSave save, TimeProvider time)
{
    public async Task<Result<MeasureView>> HandleAsync(Guid measureId, EndMeasureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (change, refusal) = await gate.LoadAsync(measureId, needsJudicial: false, cancellationToken);
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
            return Result<MeasureView>.Invalid("endedOn", "Cette mesure a déjà pris fin.");
        }

        var today = Format.Today(time);
        var errors = Validation.Check(request);
        Validation.Defined(request.Reason, "reason", errors);
        Validation.Defined(request.LiftReason, "liftReason", errors);
        MeasureInput.Required(request.EndedOn, "endedOn", "La date de fin est obligatoire.", errors);
        MeasureInput.Required(request.Reason, "reason", "Indiquez le motif de fin.", errors);
        if (request.Reason == MeasureEndReason.Lifted && request.LiftReason is null)
        {
            Validation.Add(errors, "liftReason", "Pour une mainlevée, indiquez son motif.");
        }

        if (request.EndedOn is { } ended && (ended > today || ended < measure.DecidedOn))
        {
            Validation.Add(errors, "endedOn", ended > today ? "La date de fin ne peut être dans le futur." : "La date de fin ne peut précéder la décision.");
        }

        var note = MeasureInput.Text(request.Note, "note", MeasureInput.MaxNote, errors);
        if (errors.Count > 0)
        {
            return Result<MeasureView>.Invalid(errors);
        }

        measure.EndedOn = request.EndedOn;
        measure.EndReason = request.Reason;
        measure.LiftReason = request.Reason == MeasureEndReason.Lifted ? request.LiftReason : null;
        measure.EndNote = note;
        measure.State = MeasureState.Ended;
        var recorded = db.Audit.Record(AuditEventType.MeasureEnded, measure.ChildId, Section.Social, change.Opening.Basis, entityType: nameof(Measure), entityId: measure.Id,
            details: $$"""{"reason":"{{request.Reason}}"}""");
        return await save.SaveAsync(change, request.Version, recorded, cancellationToken);
    }
}
