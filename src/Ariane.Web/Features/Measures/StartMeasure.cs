using Ariane.Core.Measures;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Measures;

public sealed class StartMeasureRequest
{
    public DateOnly? StartsOn { get; set; }
    public int Version { get; set; }
}

/// <summary>The service carries out a decided measure: it leaves the waiting list (docs/domain.md, Measures).</summary>
public sealed class StartMeasure(MeasureGate gate, MeasureSave save, TimeProvider time)
{
    public async Task<Result<MeasureView>> HandleAsync(Guid measureId, StartMeasureRequest request, CancellationToken cancellationToken)
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
        var today = Format.Today(time);
        if (measure.State != MeasureState.Decided)
        {
            return Result<MeasureView>.Invalid("startsOn", measure.State == MeasureState.Ended ? MeasureSave.EndedMessage : "Cette mesure est déjà en cours.");
        }

        if (request.StartsOn is not { } starts)
        {
            return Result<MeasureView>.Invalid("startsOn", "La date de début de la prise en charge est obligatoire.");
        }

        if (starts > today || starts < measure.DecidedOn)
        {
            return Result<MeasureView>.Invalid("startsOn", starts > today
                ? "La prise en charge ne peut commencer dans le futur."
                : "La prise en charge ne peut commencer avant la décision.");
        }

        if (measure.PlannedEndOn is { } end && end < starts)
        {
            return Result<MeasureView>.Invalid("startsOn", "La prise en charge ne peut commencer après l'échéance de la mesure.");
        }

        measure.StartsOn = starts;
        measure.State = MeasureState.InProgress;
        return await save.SaveAsync(change, request.Version, null, cancellationToken);
    }
}
