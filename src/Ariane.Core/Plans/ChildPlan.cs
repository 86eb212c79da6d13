using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Plans;

/// <summary>Whom an objective is for (docs/domain.md, Projet pour l'enfant).</summary>
public enum GoalFor
{
    Child = 1,
    Parents = 2,
    /// <summary>The child's environment: school, care, leisure, the people around.</summary>
    Environment = 3,
}

public enum GoalStatus
{
    InProgress = 1,
    Achieved = 2,
    /// <summary>Given up or no longer relevant (kept: the plan's history says what was tried).</summary>
    Abandoned = 3,
}

public enum ActionStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
}

/// <summary>
/// The projet pour l'enfant (PPE, docs/domain.md §2.5): one living plan per child, that every service assigned to
/// the child reads and completes with its own objectives (<see cref="PlanGoal"/>) and actions (<see cref="PlanAction"/>).
/// What the plan says besides its lines is here; each validated state is frozen in a <see cref="ChildPlanVersion"/>.
/// Social data.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.PlanCreated, Updated = AuditEventType.PlanUpdated)]
public sealed class ChildPlan : Entity, IChildData, IVersioned
{
    public Guid ChildId { get; set; }
    /// <summary>The personne de confiance the young person designated, if any (name and how to reach them).</summary>
    public string? TrustedPerson { get; set; }
    /// <summary>The initial health and prevention check-up: when it was done (its content is health, elsewhere).</summary>
    public DateOnly? HealthCheckOn { get; set; }
    /// <summary>What the plan says of brothers and sisters (placed together or not, and why; how they keep in touch).</summary>
    public string? Siblings { get; set; }
    /// <summary>The projet d'accès à l'autonomie, from 17 (housing, resources, studies, health cover).</summary>
    public string? AutonomyProject { get; set; }
    /// <summary>The views of those who built the plan: the child (according to age), the parents, third parties.</summary>
    public string? ChildView { get; set; }
    public string? ParentsView { get; set; }
    public string? ThirdPartiesView { get; set; }
    /// <summary>The last validated version's number (0: never validated).</summary>
    public int ValidatedNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedByName { get; set; }
    public int Version { get; set; }

    public const int TextMaxLength = 4000;
}

/// <summary>
/// An objective of the plan, in a life domain, defined by one service (<see cref="OwnerServiceId"/>): only that
/// service's members (or a cadre of the département) change it; everyone who reads the plan reads it (seed 004).
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.PlanGoalAdded, Updated = AuditEventType.PlanGoalUpdated)]
public sealed class PlanGoal : Entity, IChildData, IVersioned
{
    public Guid ChildId { get; set; }
    public Guid PlanId { get; set; }
    /// <summary>One of <see cref="PlanDomains.All"/> (« dev », « rel », « sco », « ctx », « hand », « auto »).</summary>
    public required string DomainCode { get; set; }
    public GoalFor For { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>When it should be reached: the « durée attendue » is from the start to here.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>0–100, as the owner estimates it.</summary>
    public int Progress { get; set; }
    public GoalStatus Status { get; set; } = GoalStatus.InProgress;
    public Guid OwnerServiceId { get; set; }
    public required string OwnerServiceName { get; set; }
    public Guid CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public const int TitleMaxLength = 200;
}

/// <summary>
/// An action of the plan: who does what (the service, and the person in charge), from when, until when, how far it
/// has gone. It supports one objective, which may be another service's (an MDPH action for an ASE objective).
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.PlanActionAdded, Updated = AuditEventType.PlanActionUpdated)]
public sealed class PlanAction : Entity, IChildData, IVersioned
{
    public Guid ChildId { get; set; }
    public Guid PlanId { get; set; }
    public Guid GoalId { get; set; }
    public required string Title { get; set; }
    /// <summary>The person in charge within the service (« Mme Carrel, chargée d'évaluation »).</summary>
    public string? PersonInCharge { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>Null: « la date de fin n'a pas été indiquée ».</summary>
    public DateOnly? EndsOn { get; set; }
    public int Progress { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Planned;
    public Guid OwnerServiceId { get; set; }
    public required string OwnerServiceName { get; set; }
    public Guid CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A validated state of the plan, frozen: the whole plan as JSON (<see cref="Snapshot"/>), so that later edits never
/// change what was validated and signed; the differences between versions are computed from two snapshots.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.PlanValidated)]
public sealed class ChildPlanVersion : Entity, IChildData
{
    public Guid ChildId { get; set; }
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public required string Snapshot { get; set; }
    public Guid ValidatedByUserId { get; set; }
    public required string ValidatedByName { get; set; }
    public DateTime ValidatedAt { get; set; }
}

/// <summary>Who signs a version: the département, a holder of parental authority, the young person, another party.</summary>
public enum SignatoryKind
{
    Departement = 1,
    ParentalAuthorityHolder = 2,
    Child = 3,
    Other = 4,
}

/// <summary>One signature of a validated version, with its date (the signed paper may be attached, scanned).</summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.PlanSigned)]
public sealed class PlanSignature : Entity, IChildData
{
    public Guid ChildId { get; set; }
    public Guid VersionId { get; set; }
    public SignatoryKind Kind { get; set; }
    public required string Name { get; set; }
    public DateOnly SignedOn { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }
}
