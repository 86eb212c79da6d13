using Ariane.Core.Common;

namespace Ariane.Core.Children;

/// <summary>A service assigned to the child for a period: its members with a service-scoped role may access the record.</summary>
[Access.RecordSection(Access.Section.Identity)]
public sealed class ServiceAssignment : Entity, IChildData
{
    public Guid ChildId { get; set; }
    public Guid ServiceId { get; set; }
    public Organisations.Service? Service { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>Why this service follows the child (e.g. "Évaluation", "Placement", "Suivi scolaire").</summary>
    public string? Purpose { get; set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}

public enum WorkerRole
{
    /// <summary>Référent ASE of the child.</summary>
    CaseWorker = 1,
    Educator = 2,
    FosterCarer = 3,
    Evaluator = 4,
    HealthProfessional = 5,
    Other = 9,
}

/// <summary>A professional named on the child for a period.</summary>
[Access.RecordSection(Access.Section.Identity)]
public sealed class WorkerAssignment : Entity, IChildData
{
    public Guid ChildId { get; set; }
    public Guid UserId { get; set; }
    public WorkerRole Role { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}
