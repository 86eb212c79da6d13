using Ariane.Core.Children;
using Ariane.Core.Facilities;
using Ariane.Core.Placements;

namespace Ariane.Web.Features.Facilities;

public sealed record PlacementTargetView(
    Guid Id, Guid FacilityId, string FacilityName, Guid? CapacityId, PlacementRequestStatus Status, string? StatusNote,
    DateTime UpdatedAt, string? UpdatedByName, int Version);

/// <summary>The request as its requester sees it (social data of the child, read through the gate).</summary>
public sealed record PlacementRequestView(
    Guid Id, Guid ChildId, string DossierNumber, CareType CareType, DateOnly WantedFrom, int ChildAgeYears, Sex ChildSex,
    int SiblingsTogether, string Needs, string? ContactPhone, string RequestedByName, DateTime CreatedAt, int Version,
    IReadOnlyList<PlacementTargetView> Targets);

/// <summary>
/// The request as a facility sees it: what it needs to answer, never the child's name nor dossier number
/// (the facility has no access to the record).
/// </summary>
public sealed record InboxItem(
    Guid RequestId, Guid TargetId, PlacementRequestStatus Status, string? StatusNote, CareType CareType, DateOnly WantedFrom,
    int ChildAgeYears, Sex ChildSex, int SiblingsTogether, string Needs, string RequestingService, string RequestedByName,
    string? ContactPhone, DateTime SentAt, Guid? CapacityId, int Version);
