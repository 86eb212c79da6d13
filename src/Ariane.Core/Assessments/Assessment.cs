using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Assessments;

public enum AssessmentState
{
    InProgress = 1,
    /// <summary>Concluded by the team, waiting for the cadre.</summary>
    ToValidate = 2,
    Validated = 3,
}

/// <summary>The one shared conclusion of an evaluation (docs/domain.md, Evaluation).</summary>
public enum AssessmentConclusion
{
    /// <summary>Classement sans suite: no danger established.</summary>
    NoFurtherAction = 1,
    /// <summary>Proposition of an administrative prestation, with the parents' agreement.</summary>
    AdministrativeSupport = 2,
    /// <summary>Argued referral to the judicial authority (saisine).</summary>
    JudicialReferral = 3,
}

/// <summary>A criterion of the grid: préoccupant, satisfaisant, or left without answer.</summary>
public enum CriterionAnswer
{
    NoAnswer = 0,
    Concerning = 1,
    Satisfactory = 2,
}

/// <summary>
/// The evaluation of an IP by a team: it covers the children named and the other minors of the household,
/// on the grid of the framework version it started with. Social data of each child covered.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.AssessmentOpened, Updated = AuditEventType.AssessmentUpdated)]
public sealed class Assessment : Entity, IHouseholdData, IVersioned, ITimestamped
{
    public Guid ConcernId { get; set; }
    public Concerns.Concern? Concern { get; set; }
    public required string DepartementCode { get; set; }
    /// <summary>The service the team belongs to (filter of the dashboard).</summary>
    public Guid ServiceId { get; set; }
    public Guid FrameworkId { get; set; }
    public AssessmentFramework? Framework { get; set; }
    public AssessmentState State { get; set; } = AssessmentState.InProgress;
    public DateOnly StartedOn { get; set; }

    /// <summary>Home visits, as dates (« 12/03/2026, 26/03/2026 »): at least one is expected.</summary>
    public string? HomeVisits { get; set; }
    public DateOnly? ParentsInformedOn { get; set; }
    /// <summary>Why the parents were not informed: contrary to the child's interest.</summary>
    public string? ParentsNotInformedReason { get; set; }
    /// <summary>The « perceptions »: what the child, the parents and the professionals say.</summary>
    public string? ChildView { get; set; }
    public string? ParentsView { get; set; }
    public string? ProfessionalsView { get; set; }

    public AssessmentConclusion? Conclusion { get; set; }
    public string? ConclusionArgument { get; set; }
    /// <summary>FINEVAL: end of the evaluation.</summary>
    public DateOnly? FinishedOn { get; set; }
    /// <summary>NOTIFEVAL: the parents were notified of the conclusion.</summary>
    public DateOnly? ParentsNotifiedOn { get; set; }
    public Guid? ConcludedByUserId { get; set; }
    public string? ConcludedByName { get; set; }
    public Guid? ValidatedByUserId { get; set; }
    public string? ValidatedByName { get; set; }
    public DateTime? ValidatedAt { get; set; }
    /// <summary>The follow-up the conclusion opened (a measure, once the measures module exists).</summary>
    public Guid? FollowUpMeasureId { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<AssessmentChild> Children { get; } = [];
    public List<AssessmentEvaluator> Evaluators { get; } = [];

    public IEnumerable<Guid> AuditedChildIds => Children.Select(c => c.ChildId);

    public const int TextMaxLength = 20000;
}

/// <summary>A child the evaluation covers: named in the IP, or another minor of the household.</summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.AssessmentChildAdded)]
public sealed class AssessmentChild : Entity, IChildData
{
    public Guid AssessmentId { get; set; }
    public Guid ChildId { get; set; }
    public Children.Child? Child { get; set; }
    /// <summary>False for a minor of the household that the IP did not name.</summary>
    public bool NamedInConcern { get; set; }
    /// <summary>The meeting with the child alone, when age allows.</summary>
    public DateOnly? MetAloneOn { get; set; }
}

/// <summary>A member of the evaluation team. Each evaluator is also named on every child covered, which is what gives them access.</summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.AssessmentEvaluatorAdded, Deleted = AuditEventType.AssessmentEvaluatorRemoved)]
public sealed class AssessmentEvaluator : Entity, IHouseholdData
{
    public Guid AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }

    public IEnumerable<Guid> AuditedChildIds => Assessment?.AuditedChildIds ?? [];
}

/// <summary>One criterion of the grid answered for one child.</summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.AssessmentAnswerRecorded, Updated = AuditEventType.AssessmentAnswerUpdated)]
public sealed class AssessmentAnswer : Entity, IChildData
{
    public Guid AssessmentId { get; set; }
    public Guid ChildId { get; set; }
    public required string DomainCode { get; set; }
    public required string CriterionCode { get; set; }
    public CriterionAnswer Answer { get; set; }
    public string? Comment { get; set; }

    public const int CommentMaxLength = 2000;
}

/// <summary>
/// What a health professional of the team observed about a child's health: the content is the health
/// section; <see cref="PracticalSummary"/>, written by the author for the rest of the team, is what the
/// others read (« suivi pédopsychiatrique en place, à poursuivre »), with the fact that it exists.
/// </summary>
[RecordSection(Section.Health)]
[AuditEvents(Created = AuditEventType.HealthObservationRecorded, Updated = AuditEventType.HealthObservationUpdated)]
public sealed class HealthObservation : Entity, IChildData, ITimestamped
{
    public Guid AssessmentId { get; set; }
    public Guid ChildId { get; set; }
    public required string Content { get; set; }
    public required string PracticalSummary { get; set; }
    public Guid AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The summary is social: readable by whoever reads the evaluation.</summary>
    public const Section SummarySection = Section.Social;
}
