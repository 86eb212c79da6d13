using Ariane.Core.Measures;

namespace Ariane.Web.Features.Measures;

/// <summary>One decision of the chain (judicial section).</summary>
public sealed record MeasureDecisionView(
    Guid Id, MeasureDecisionKind Kind, DateOnly DecidedOn, DateOnly CoversFrom, DateOnly? CoversUntil,
    string? Court, string? JudgeName, string? Reference, string? Note, string RecordedByName);

/// <summary>What the reader may do on the measure (the page shows the forms accordingly).</summary>
public sealed record MeasureRights(bool MayStart, bool MayRenew, bool MayEnd);

/// <summary>
/// A measure as its page and the API show it. <see cref="Decisions"/> is null when the reader may not read the
/// judicial section (<see cref="DecisionsWithheld"/>): they still see the kind, the dates and the service.
/// </summary>
public sealed record MeasureView(
    Guid Id, Guid ChildId, string DossierNumber, string DepartementCode, string KindCode, string KindLabel, MeasureFramework Framework,
    string OlinpeVariable, int OlinpeCode, string? LegalBasis, DecidingAuthority Authority, MeasureState State,
    DateOnly DecidedOn, DateOnly? StartsOn, DateOnly? PlannedEndOn, int? DaysWaited,
    Guid CarriedOutByServiceId, string ServiceName, Guid? ReferentUserId, string? ReferentName,
    DateOnly? ParentalAgreementOn, bool WithoutParentalConsent, Guid? FollowsAssessmentId,
    DateOnly? EndedOn, MeasureEndReason? EndReason, MeasureLiftReason? LiftReason, string? EndNote,
    string RecordedByName, bool DecisionsWithheld, IReadOnlyList<MeasureDecisionView>? Decisions,
    IReadOnlyList<string> Reminders, MeasureRights Rights, int Version);
