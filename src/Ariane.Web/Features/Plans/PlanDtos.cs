using System.ComponentModel.DataAnnotations;
using Ariane.Core.Assessments;
using Ariane.Core.Common;
using Ariane.Core.Plans;

namespace Ariane.Web.Features.Plans;

public sealed record PlanLineAction(Guid Id, string Title, string OwnerServiceName, int Progress);

/// <summary>An objective as the plan page shows it: who defined it, its dates and expected duration, its actions, its progress.</summary>
public sealed record PlanGoalRow(
    Guid Id, string DomainCode, string DomainLabel, GoalFor For, string ForLabel, string Title, string? Description,
    DateOnly StartsOn, DateOnly? DueOn, string Duration, int Progress, GoalStatus Status, string StatusLabel,
    Guid OwnerServiceId, string OwnerServiceName, string CreatedByName, IReadOnlyList<PlanLineAction> Actions, int Version, bool MayEdit);

public sealed record PlanActionRow(
    Guid Id, Guid GoalId, string GoalTitle, string GoalOwnerServiceName, string Title, string? PersonInCharge,
    DateOnly StartsOn, DateOnly? EndsOn, string Duration, int Progress, ActionStatus Status, string StatusLabel,
    Guid OwnerServiceId, string OwnerServiceName, string CreatedByName, int Version, bool MayEdit);

public sealed record PlanSignatureRow(Guid Id, SignatoryKind Kind, string KindLabel, string Name, DateOnly SignedOn);

public sealed record PlanVersionRow(Guid Id, int Number, DateTime ValidatedAt, string ValidatedByName, IReadOnlyList<PlanSignatureRow> Signatures);

/// <summary>« Suivi de mesure » (seed 004): per domain, the counts of the child's latest evaluation.</summary>
public sealed record PlanFollowUp(DateOnly? EvaluatedOn, IReadOnlyList<DomainSummary> Domains);

public sealed record PlanService(Guid Id, string Name);

/// <summary>The whole plan of a child as its reader may see it, and what they may do on it.</summary>
public sealed record PlanView(
    Guid ChildId, string DossierNumber, string? ChildName, int? AgeYears, Guid? PlanId, int Version, string? Referent,
    string? TrustedPerson, DateOnly? HealthCheckOn, string? Siblings, string? AutonomyProject,
    string? ChildView, string? ParentsView, string? ThirdPartiesView, int ValidatedNumber, DateTime? UpdatedAt, string? UpdatedByName,
    IReadOnlyList<PlanGoalRow> Goals, IReadOnlyList<PlanActionRow> Actions, PlanFollowUp FollowUp, IReadOnlyList<PlanVersionRow> Versions,
    bool MayAddLines, bool MayEditPlan, bool MayValidate, IReadOnlyList<PlanService> OwnServices);

public sealed class PlanGoalRequest
{
    [Required(ErrorMessage = "Choisissez le domaine de vie.")]
    public string? DomainCode { get; set; }

    [Required(ErrorMessage = "Indiquez pour qui est cet objectif.")]
    public GoalFor? For { get; set; }

    [Required(ErrorMessage = "Donnez un intitulé à l'objectif.")]
    [StringLength(PlanGoal.TitleMaxLength, ErrorMessage = "L'intitulé tient en 200 caractères.")]
    public string? Title { get; set; }

    [StringLength(ChildPlan.TextMaxLength, ErrorMessage = "La description tient en 4 000 caractères.")]
    [MultiLine]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Indiquez la date de début.")]
    public DateOnly? StartsOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public int Progress { get; set; }

    public GoalStatus Status { get; set; } = GoalStatus.InProgress;

    /// <summary>The service the objective is written for: one of the author's services assigned to the child (default: the first).</summary>
    public Guid? OwnerServiceId { get; set; }

    public int Version { get; set; }
}

public sealed class PlanActionRequest
{
    [Required(ErrorMessage = "Choisissez l'objectif que cette action soutient.")]
    public Guid? GoalId { get; set; }

    [Required(ErrorMessage = "Donnez un intitulé à l'action.")]
    [StringLength(PlanGoal.TitleMaxLength, ErrorMessage = "L'intitulé tient en 200 caractères.")]
    public string? Title { get; set; }

    [StringLength(200, ErrorMessage = "Le nom du responsable tient en 200 caractères.")]
    public string? PersonInCharge { get; set; }

    [Required(ErrorMessage = "Indiquez la date de début.")]
    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public int Progress { get; set; }

    public ActionStatus Status { get; set; } = ActionStatus.Planned;

    public Guid? OwnerServiceId { get; set; }

    public int Version { get; set; }
}

public sealed class PlanRequest
{
    [StringLength(ChildPlan.TextMaxLength, ErrorMessage = "Ce champ tient en 4 000 caractères.")]
    [MultiLine]
    public string? TrustedPerson { get; set; }

    public DateOnly? HealthCheckOn { get; set; }

    [StringLength(ChildPlan.TextMaxLength, ErrorMessage = "Ce champ tient en 4 000 caractères.")]
    [MultiLine]
    public string? Siblings { get; set; }

    [StringLength(ChildPlan.TextMaxLength, ErrorMessage = "Ce champ tient en 4 000 caractères.")]
    [MultiLine]
    public string? AutonomyProject { get; set; }

    [StringLength(ChildPlan.TextMaxLength, ErrorMessage = "Ce champ tient en 4 000 caractères.")]
    [MultiLine]
    public string? ChildView { get; set; }

    [StringLength(ChildPlan.TextMaxLength, ErrorMessage = "Ce champ tient en 4 000 caractères.")]
    [MultiLine]
    public string? ParentsView { get; set; }

    [StringLength(ChildPlan.TextMaxLength, ErrorMessage = "Ce champ tient en 4 000 caractères.")]
    [MultiLine]
    public string? ThirdPartiesView { get; set; }

    public int Version { get; set; }
}

/// <summary>Validating freezes the plan as it stands at <see cref="Version"/>: a plan changed meanwhile gives a conflict.</summary>
public sealed class PlanValidationRequest
{
    public int Version { get; set; }
}

public sealed class PlanSignatureRequest
{
    [Required(ErrorMessage = "Indiquez qui signe.")]
    public SignatoryKind? Kind { get; set; }

    [Required(ErrorMessage = "Indiquez le nom du signataire.")]
    [StringLength(200, ErrorMessage = "Le nom tient en 200 caractères.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Indiquez la date de la signature.")]
    public DateOnly? SignedOn { get; set; }
}

/// <summary>A validated version: the frozen plan, its signatures, and what changed from the version before.</summary>
public sealed record PlanVersionView(
    Guid Id, Guid ChildId, int Number, DateTime ValidatedAt, string ValidatedByName, PlanSnapshot Plan,
    IReadOnlyList<PlanSignatureRow> Signatures, int? PreviousNumber, IReadOnlyList<string> Changes, bool MaySign,
    IReadOnlyList<SignatoryKind> Signatories, IReadOnlyList<PlanDocumentRow> Documents,
    IReadOnlyList<Documents.AttachmentRow>? SignedCopies = null);

/// <summary>A document generated from a version: which edition, which format, when, by whom.</summary>
public sealed record PlanDocumentRow(Guid Id, Core.Documents.DocumentKind Kind, string Label, Core.Documents.DocumentFileFormat Format, string FileName, DateTime GeneratedAt, string GeneratedByName);
