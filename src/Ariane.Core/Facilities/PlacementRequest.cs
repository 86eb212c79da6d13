using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;
using Ariane.Core.Placements;

namespace Ariane.Core.Facilities;

/// <summary>Where a request to one facility stands, as both sides see it.</summary>
public enum PlacementRequestStatus
{
    Sent = 1,
    /// <summary>The facility asks for more before answering.</summary>
    InformationMissing = 2,
    Refused = 3,
    /// <summary>Accepted: one place is held until the placement is recorded.</summary>
    Accepted = 4,
    /// <summary>The requester withdrew it, or another facility's acceptance closed it.</summary>
    Withdrawn = 5,
    /// <summary>The child arrived: the placement was recorded and took the held place.</summary>
    Fulfilled = 6,
}

/// <summary>
/// A request for a place for one child, sent from the board to one or several facilities (replacing the
/// night-time calls of seed 003). It carries only what a facility needs to answer — age, sex, type of care,
/// date, siblings, needs in a few words — never the child's name: the facility reads the request without
/// any access to the record. Social data of the child for the requester's side.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.PlacementRequestSent, Updated = AuditEventType.PlacementRequestUpdated)]
public sealed class PlacementRequest : Entity, IChildData, IVersioned, ITimestamped
{
    public Guid ChildId { get; set; }
    public required string DepartementCode { get; set; }
    public Guid RequestedByServiceId { get; set; }
    public Guid RequestedByUserId { get; set; }
    public required string RequestedByName { get; set; }
    /// <summary>Who the facility calls back.</summary>
    public string? ContactPhone { get; set; }
    public CareType CareType { get; set; }
    public DateOnly WantedFrom { get; set; }
    public int ChildAgeYears { get; set; }
    public Children.Sex ChildSex { get; set; }
    /// <summary>Brothers and sisters to host together (number of other children).</summary>
    public int SiblingsTogether { get; set; }
    /// <summary>The needs, in the requester's words, without names.</summary>
    public required string Needs { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<PlacementRequestTarget> Targets { get; } = [];

    public const int NeedsMaxLength = 2000;
}

/// <summary>The request as sent to one facility, with that facility's answer.</summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.PlacementRequestSent, Updated = AuditEventType.PlacementRequestAnswered)]
public sealed class PlacementRequestTarget : Entity, IChildData, IVersioned
{
    public Guid RequestId { get; set; }
    public PlacementRequest? Request { get; set; }
    public Guid ChildId { get; set; }
    public Guid FacilityId { get; set; }
    public Facility? Facility { get; set; }
    /// <summary>The capacity line the place is held on once accepted.</summary>
    public Guid? CapacityId { get; set; }
    public PlacementRequestStatus Status { get; set; } = PlacementRequestStatus.Sent;
    /// <summary>Why refused, or what information is missing.</summary>
    public string? StatusNote { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
    public int Version { get; set; }

    public bool IsOpen => Status is PlacementRequestStatus.Sent or PlacementRequestStatus.InformationMissing;
}
