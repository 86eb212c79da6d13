using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Placements;

/// <summary>
/// A stay of the child in a place of care under a measure (docs/domain.md, Placements): the path of places
/// is the child's placements in order, each change with its reason. The place itself — facility, foster
/// carer, person — is hidden for a protected child from whoever does not strictly need it
/// (<see cref="ProtectedPlace"/>). A stay in a facility takes one of its places (occupancy is counted from
/// these rows, never typed).
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.PlacementOpened, Updated = AuditEventType.PlacementUpdated, Deleted = AuditEventType.PlacementRemoved)]
public sealed class Placement : Entity, IChildData, IVersioned, ITimestamped
{
    public Guid ChildId { get; set; }
    /// <summary>The measure the stay is under; null is an error shown to fix (« placement sans mesure »).</summary>
    public Guid? MeasureId { get; set; }
    public PlaceKind PlaceKind { get; set; }
    public CareType CareType { get; set; } = CareType.Permanent;
    /// <summary>The establishment or foster carer of the directory, when the place is one.</summary>
    public Guid? FacilityId { get; set; }
    /// <summary>The facility's capacity line the stay takes a place on (occupancy counts these).</summary>
    public Guid? CapacityId { get; set; }
    /// <summary>The trusted third party or relative, a linked person of the record.</summary>
    public Guid? HostPersonId { get; set; }
    /// <summary>A place outside the directory (hotel, internat, another département's establishment).</summary>
    public string? PlaceLabel { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>Why the child came here (a change of place says why it changed).</summary>
    public string? Reason { get; set; }
    public string? EndReason { get; set; }
    public Guid RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);

    /// <summary>
    /// Whether the stay takes a place on the evening of <paramref name="day"/>: its last day is the day the child
    /// leaves, so the place is free for another child that evening (docs/domain.md, Places and facilities).
    /// </summary>
    public bool OccupiesPlaceOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn > day);
}
