using Ariane.Core.Common;

namespace Ariane.Core.Children;

/// <summary>A service assigned to the child for a period: its members with a service-scoped role may access the record.</summary>
[Access.RecordSection(Access.Section.Identity)]
[AuditEvents(Created = Audit.AuditEventType.AssignmentAdded, Updated = Audit.AuditEventType.AssignmentUpdated, Deleted = Audit.AuditEventType.AssignmentRemoved)]
public sealed class ServiceAssignment : Entity, IChildData
{
    public Guid ChildId { get; set; }
    public Guid ServiceId { get; set; }
    public Organisations.Service? Service { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>
    /// Why this service follows the child, from <see cref="AssignmentMotive"/>: shown only to users who may
    /// read the motive's section. Null when none was given (assignments made by the system or by tests).
    /// </summary>
    public string? MotiveCode { get; set; }
    public AssignmentMotive? Motive { get; set; }

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

/// <summary>
/// The section a worker role reveals: « Professionnel de santé » named on a child tells a health
/// follow-up, « Éducateur », « Assistant familial » or « Évaluateur » a social measure; the référent
/// ASE is the record's own follow-up. A user who cannot read that section sees the professional's
/// name, not the role.
/// </summary>
public static class WorkerRoles
{
    public static Access.Section SectionOf(WorkerRole role) => role switch
    {
        WorkerRole.HealthProfessional => Access.Section.Health,
        WorkerRole.Educator or WorkerRole.FosterCarer or WorkerRole.Evaluator => Access.Section.Social,
        _ => Access.Section.Identity,
    };
}

/// <summary>A professional named on the child for a period.</summary>
[Access.RecordSection(Access.Section.Identity)]
[AuditEvents(Created = Audit.AuditEventType.AssignmentAdded, Updated = Audit.AuditEventType.AssignmentUpdated, Deleted = Audit.AuditEventType.AssignmentRemoved)]
public sealed class WorkerAssignment : Entity, IChildData
{
    public Guid ChildId { get; set; }
    public Guid UserId { get; set; }
    public WorkerRole Role { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}
