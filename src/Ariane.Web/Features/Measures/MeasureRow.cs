using Ariane.Core.Measures;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// One measure of a child, as their record lists it (social section: no court, judge or reference).
/// <paramref name="DaysWaited"/> is set for a measure decided and not yet carried out.
/// </summary>
public sealed record MeasureRow(
    Guid Id, string KindCode, string KindLabel, MeasureFramework Framework, string OlinpeVariable, int OlinpeCode,
    MeasureState State, DateOnly DecidedOn, DateOnly? StartsOn, DateOnly? PlannedEndOn, DateOnly? EndedOn,
    Guid ServiceId, string ServiceName, int? DaysWaited, IReadOnlyList<string> Reminders);
