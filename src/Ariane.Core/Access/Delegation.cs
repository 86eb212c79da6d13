using Ariane.Core.Common;

namespace Ariane.Core.Access;

/// <summary>
/// Temporary cover: a professional named on children lets a named colleague access them for a limited
/// time (replaces password sharing during absences). <see cref="ChildId"/> null means every child the
/// delegator is named on.
/// </summary>
[RecordSection(Section.Identity)]
[AuditEvents(Created = Audit.AuditEventType.DelegationGranted)]
public sealed class Delegation : Entity, IAudited
{
    /// <summary>A delegation of one child is on that child's access log; one of all children on none.</summary>
    Guid? IAudited.AuditedChildId => ChildId;

    public Guid FromUserId { get; set; }
    public Guid ToUserId { get; set; }
    public Guid? ChildId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public required string Reason { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && StartsAt <= now && now < EndsAt;
}

/// <summary>Emergency access outside one's assignments: a written reason, a time limit, an alert.</summary>
[RecordSection(Section.Identity)]
[AuditEvents(Created = Audit.AuditEventType.BreakGlassOpened)]
public sealed class BreakGlassAccess : Entity, IChildData
{
    public Guid UserId { get; set; }
    public Guid ChildId { get; set; }
    public required string Reason { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    public bool IsActiveAt(DateTime now) => StartsAt <= now && now < EndsAt;
}

/// <summary>An alert shown to the cadres and the DPO, raised by a break-the-glass access.</summary>
[RecordSection(Section.Identity)]
[AuditEvents(Created = Audit.AuditEventType.AlertRaised)]
public sealed class AccessAlert : Entity, IChildData
{
    public Guid BreakGlassAccessId { get; set; }
    public Guid UserId { get; set; }
    public Guid ChildId { get; set; }
    public required string Reason { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedBy { get; set; }
}
