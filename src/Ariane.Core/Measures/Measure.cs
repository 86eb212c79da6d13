using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Measures;

/// <summary>Where a measure is, from the decision to its end (docs/domain.md, Measures).</summary>
public enum MeasureState
{
    /// <summary>Decided, not yet carried out: the child waits (the « délai avant la prise en charge »).</summary>
    Decided = 1,
    /// <summary>Carried out by its service since <see cref="Measure.StartsOn"/>.</summary>
    InProgress = 2,
    Ended = 3,
}

/// <summary>Who took the decision.</summary>
public enum DecidingAuthority
{
    /// <summary>Le président du conseil départemental (administrative measures).</summary>
    DepartementPresident = 1,
    /// <summary>Le juge des enfants.</summary>
    JuvenileJudge = 2,
    /// <summary>Another court (juge aux affaires familiales, tribunal judiciaire).</summary>
    OtherCourt = 3,
}

/// <summary>
/// An administrative or judicial measure for one child. Its kind, dates, service and state are social data
/// (field workers need to know a measure is in force); the court, the judge and the decision's reference
/// are the judicial section, in <see cref="MeasureDecision"/>. A child may have several at once.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.MeasureOpened, Updated = AuditEventType.MeasureUpdated)]
public sealed class Measure : Entity, IChildData, IVersioned, ITimestamped
{
    public Guid ChildId { get; set; }
    /// <summary>The département that decides or carries the measure (the child's at the time).</summary>
    public required string DepartementCode { get; set; }
    /// <summary>A code of <see cref="MeasureKinds"/>.</summary>
    public required string KindCode { get; set; }
    public MeasureFramework Framework { get; set; }
    /// <summary>The article the measure rests on (« C. civ. 375-3 »), prefilled from the kind.</summary>
    public string? LegalBasis { get; set; }
    public DecidingAuthority Authority { get; set; }
    /// <summary>Date of the first decision; renewals are in <see cref="MeasureDecision"/>.</summary>
    public DateOnly DecidedOn { get; set; }
    /// <summary>Effective start; null while the measure waits to be carried out.</summary>
    public DateOnly? StartsOn { get; set; }
    /// <summary>Échéance: the end of the decision in force (moved by each renewal).</summary>
    public DateOnly? PlannedEndOn { get; set; }
    /// <summary>The service that carries the measure out (ASE territorial service, AEMO service, MECS...).</summary>
    public Guid CarriedOutByServiceId { get; set; }
    /// <summary>The professional in charge of the measure, when named.</summary>
    public Guid? ReferentUserId { get; set; }
    public MeasureState State { get; set; } = MeasureState.Decided;
    /// <summary>Administrative measures: the day the holders of parental authority agreed (signed).</summary>
    public DateOnly? ParentalAgreementOn { get; set; }
    /// <summary>Accueil 5 jours: the parents could not be reached or refused; the judge must be seized.</summary>
    public bool WithoutParentalConsent { get; set; }
    /// <summary>The evaluation whose conclusion led to the measure, when it did.</summary>
    public Guid? FollowsAssessmentId { get; set; }
    public DateOnly? EndedOn { get; set; }
    public MeasureEndReason? EndReason { get; set; }
    public MeasureLiftReason? LiftReason { get; set; }
    public string? EndNote { get; set; }
    public Guid RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<MeasureDecision> Decisions { get; } = [];

    public MeasureKind? Kind => MeasureKinds.Find(KindCode);

    /// <summary>In force on <paramref name="day"/>: started, not ended.</summary>
    public bool IsInForceOn(DateOnly day) =>
        State != MeasureState.Decided && StartsOn <= day && (EndedOn is null || EndedOn >= day);
}

/// <summary>Whether a decision opened the measure or renewed it.</summary>
public enum MeasureDecisionKind
{
    Initial = 1,
    Renewal = 2,
}

/// <summary>
/// One dated decision of a measure: the first, then each renewal, each with the period it covers — the
/// chain is kept. The court, the judge and the reference are the judicial section (docs/domain.md §3):
/// a reader without it sees the measure and its dates on <see cref="Measure"/>, not the decision.
/// </summary>
[RecordSection(Section.Judicial)]
[AuditEvents(Created = AuditEventType.MeasureDecisionRecorded, Updated = AuditEventType.MeasureDecisionUpdated)]
public sealed class MeasureDecision : Entity, IChildData
{
    public Guid MeasureId { get; set; }
    public Guid ChildId { get; set; }
    public MeasureDecisionKind Kind { get; set; }
    public DateOnly DecidedOn { get; set; }
    /// <summary>The period this decision covers.</summary>
    public DateOnly CoversFrom { get; set; }
    public DateOnly? CoversUntil { get; set; }
    /// <summary>Tribunal judiciaire de …; null for an administrative decision.</summary>
    public string? Court { get; set; }
    public string? JudgeName { get; set; }
    /// <summary>The decision's reference (numéro de dossier, de minute).</summary>
    public string? Reference { get; set; }
    public string? Note { get; set; }
    public Guid RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }
}
