using Ariane.Core.Audit;
using Ariane.Core.Common;
using Ariane.Core.Placements;

namespace Ariane.Core.Facilities;

/// <summary>
/// A place of care of the directory (docs/domain.md, Places): an establishment (a <see cref="Organisations.Service"/>
/// of its organisation, FINESS-coded) or a foster carer (a user with the foster carer role, with their
/// agreement). Not child data: the places board reads it without an audit row per view.
/// </summary>
[AuditEvents(Created = AuditEventType.FacilityCreated, Updated = AuditEventType.FacilityUpdated)]
public sealed class Facility : Entity, IAudited, IVersioned
{
    public required string Name { get; set; }
    /// <summary>The département where the place is (geography of the board).</summary>
    public required string DepartementCode { get; set; }
    /// <summary>What a stay here is recorded as (LIEUACC).</summary>
    public PlaceKind PlaceKind { get; set; }
    /// <summary>The establishment's service: its members see the children it hosts and update its places.</summary>
    public Guid? ServiceId { get; set; }
    /// <summary>The foster carer (assistant familial) this facility is, when it is one.</summary>
    public Guid? FosterCarerUserId { get; set; }
    public string? Finess { get; set; }
    public int? FinessCategory { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    /// <summary>Who to call about a place (the duty phone of the establishment).</summary>
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>Foster carer: the agreement's number and end of validity (agrément).</summary>
    public string? AgreementNumber { get; set; }
    public DateOnly? AgreementValidUntil { get; set; }
    /// <summary>Shown on the places board of every département that reads published places.</summary>
    public bool PublishesPlaces { get; set; } = true;
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }

    public List<FacilityCapacity> Capacities { get; } = [];
}

/// <summary>Which children a capacity line accepts.</summary>
public enum AcceptedSex
{
    Any = 0,
    Boys = 1,
    Girls = 2,
}

/// <summary>
/// One line of a facility's capacity (ROR model, docs/domain.md §7): for a type of care, an age range and
/// a sex, the places installed (01) and supplementary (06), the ones the establishment marks reserved (04)
/// or closed (05); occupied (03) is counted from the current placements and held from accepted placement
/// requests, both refreshed in the transaction that changes them (<see cref="Refresh"/>); available (02)
/// follows. Every figure shows when and by whom it was last updated.
/// </summary>
[AuditEvents(Created = AuditEventType.CapacityDeclared, Updated = AuditEventType.CapacityUpdated, Deleted = AuditEventType.CapacityRemoved)]
public sealed class FacilityCapacity : Entity, IAudited, IVersioned
{
    public Guid FacilityId { get; set; }
    public Facility? Facility { get; set; }
    /// <summary>Copied from the facility so that the board filters on one index.</summary>
    public required string DepartementCode { get; set; }
    public CareType CareType { get; set; }
    public int AgeMinYears { get; set; }
    public int AgeMaxYears { get; set; } = 21;
    public AcceptedSex AcceptedSex { get; set; }
    public int Installed { get; set; }
    public int Supplementary { get; set; }
    public int Reserved { get; set; }
    public int Closed { get; set; }
    /// <summary>Children staying now on this line (placements), refreshed by the placement handlers.</summary>
    public int Occupied { get; set; }
    /// <summary>Places promised by an accepted placement request not yet turned into a placement.</summary>
    public int Held { get; set; }
    /// <summary>Available now: stored so that the board filters « au moins une place » on an index.</summary>
    public int Available { get; set; }
    /// <summary>Copied from the facility: the board shows only published places.</summary>
    public bool Published { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedByName { get; set; }
    public int Version { get; set; }

    /// <summary>Recomputes <see cref="Available"/> from the declared and counted figures.</summary>
    public void Refresh(int occupied, int held)
    {
        Occupied = occupied;
        Held = held;
        Available = Math.Max(0, Installed + Supplementary - Closed - Reserved - Occupied - Held);
    }

    public bool Accepts(int ageYears, Children.Sex sex) =>
        ageYears >= AgeMinYears && ageYears <= AgeMaxYears
        && (AcceptedSex == AcceptedSex.Any || (AcceptedSex == AcceptedSex.Boys && sex != Children.Sex.Female)
            || (AcceptedSex == AcceptedSex.Girls && sex != Children.Sex.Male));
}
