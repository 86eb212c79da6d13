using Ariane.Core.Access;
using Ariane.Core.Facilities;
using Ariane.Core.Placements;

namespace Ariane.Web.Features.Facilities;

/// <summary>One capacity line with its ROR figures (docs/domain.md, Places and facilities).</summary>
public sealed record CapacityView(
    Guid Id, CareType CareType, int AgeMinYears, int AgeMaxYears, AcceptedSex AcceptedSex,
    int Installed, int Supplementary, int Reserved, int Closed, int Occupied, int Held, int Available,
    DateTime UpdatedAt, string UpdatedByName, int Version)
{
    public static CapacityView From(FacilityCapacity c) => new(
        c.Id, c.CareType, c.AgeMinYears, c.AgeMaxYears, c.AcceptedSex, c.Installed, c.Supplementary, c.Reserved, c.Closed,
        c.Occupied, c.Held, c.Available, c.UpdatedAt, c.UpdatedByName, c.Version);
}

/// <summary>A facility of the directory, with its lines. No child's name, ever (not child data).</summary>
public sealed record FacilityView(
    Guid Id, string Name, string DepartementCode, PlaceKind PlaceKind, Guid? ServiceId, Guid? FosterCarerUserId,
    string? Finess, int? FinessCategory, string? PostalCode, string? City, string? ContactName, string? ContactPhone,
    string? AgreementNumber, DateOnly? AgreementValidUntil, bool PublishesPlaces, bool IsActive, int Version,
    IReadOnlyList<CapacityView> Capacities, FacilityRights Rights);

public sealed record FacilityRights(bool MayEdit, bool MayUpdatePlaces);

public sealed record FacilityRow(Guid Id, string Name, string DepartementCode, PlaceKind PlaceKind, string? City, bool PublishesPlaces, bool IsActive, int Available);

public sealed record FacilityPage(IReadOnlyList<FacilityRow> Items, string? Next);

/// <summary>Who may do what on the directory (docs/security.md): decided from the grants, no child involved.</summary>
public static class FacilityRules
{
    public static bool MayManage(AccessSubject subject, string departementCode) =>
        subject.Grants.Any(g => g.Role.Has(Permission.ManageFacilities) && g.DepartementCode == departementCode);

    /// <summary>The chef de service of the facility's own service updates its places (and the département's cadre).</summary>
    public static bool MayUpdatePlaces(AccessSubject subject, Facility facility) =>
        (facility.ServiceId is { } s && subject.Grants.Any(g => g.ServiceId == s && g.Role.Has(Permission.ManagePlaces)))
        || MayManage(subject, facility.DepartementCode);

    /// <summary>The directory's readers, and the facility's own people: its service's members, the foster carer herself.</summary>
    public static bool MayRead(AccessSubject subject, Facility facility) =>
        subject.Has(Permission.FindPlaces) || subject.Has(Permission.ReadAvailability) || subject.Has(Permission.ManageFacilities)
        || MayUpdatePlaces(subject, facility)
        || (facility.ServiceId is { } s && subject.Grants.Any(g => g.ServiceId == s))
        || (facility.FosterCarerUserId is { } u && u == subject.UserId);

    /// <summary>
    /// The name of a facility asked for a child, as this reader may read it (docs/security.md, Protected place): for a
    /// protected child, only the requester and whoever may know her place (<see cref="ProtectedPlace.MayKnow"/>) read it,
    /// since an accepted request tells where she is going; the others read « Lieu d'accueil protégé ».
    /// </summary>
    public static bool MayNameAskedFacility(
        AccessSubject subject, bool childIsProtected, string childDepartementCode, Guid requestedByUserId, Guid? facilityServiceId, Guid? fosterCarerUserId) =>
        !childIsProtected || subject.UserId == requestedByUserId
        || ProtectedPlace.MayKnow(subject, childDepartementCode, false, facilityServiceId, fosterCarerUserId);

    /// <summary>Age in whole years on a day, from a possibly partial birth date (a missing month counts as January).</summary>
    public static int AgeYears(int? year, int? month, int? day, DateOnly today)
    {
        if (year is not { } y)
        {
            return 0;
        }

        var age = today.Year - y;
        var m = month ?? 1;
        var d = day ?? 1;
        if (today.Month < m || (today.Month == m && today.Day < d))
        {
            age--;
        }

        return Math.Max(0, age);
    }
}
