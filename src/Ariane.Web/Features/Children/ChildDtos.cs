using Ariane.Core.Access;
using Ariane.Core.Children;

namespace Ariane.Web.Features.Children;

/// <summary>A child as a creation or a duplicate check returns it.</summary>
public sealed record ChildSummary(
    Guid Id,
    string DossierNumber,
    string BirthName,
    string? UsageName,
    string FirstNames,
    Sex Sex,
    string BirthDate,
    int? BirthYear,
    int? BirthMonth,
    int? BirthDay);

/// <summary>
/// A line of the search results, with what tells children apart without opening them: age, town,
/// services, référent, and the brothers and sisters found by the same search. Identity section only;
/// an assignment's motive, which has a section of its own, is never in the list. <see cref="MatchedBySound"/>
/// marks a line found only by how a typed name sounds, ranked after the lines that match its spelling.
/// </summary>
public sealed record ChildListItem(
    Guid Id,
    string DossierNumber,
    string BirthName,
    string? UsageName,
    string FirstNames,
    Sex Sex,
    string BirthDate,
    int? BirthYear,
    int? BirthMonth,
    int? BirthDay,
    string? Age,
    string? City,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Referents,
    IReadOnlyList<SiblingDto> Siblings,
    bool MatchedBySound)
{
    public string DisplayName => $"{(string.IsNullOrWhiteSpace(UsageName) ? BirthName : UsageName)} {FirstNames}";
}

/// <summary>A brother or sister (a parent in common) of a listed child, found by the same search.</summary>
public sealed record SiblingDto(Guid Id, string DossierNumber, string DisplayName);

public sealed record LinkedPersonDto(
    Guid Id,
    PersonRelation Relation,
    string LastName,
    string? FirstNames,
    string BirthDate,
    bool HasParentalAuthority,
    string? Phone,
    string? Email,
    string? AddressLine,
    string? PostalCode,
    string? City,
    string? Notes,
    int Version);

public sealed record AddressDto(Guid Id, string Line, string? PostalCode, string City, string Country, DateOnly? From, DateOnly? To, int Version);

/// <summary>
/// A service assigned to the child. <see cref="Motive"/> and <see cref="MotiveCode"/> are null when the user
/// may not read the motive's section (<see cref="MotiveWithheld"/>) or when no motive was given.
/// </summary>
public sealed record ServiceAssignmentDto(Guid Id, Guid ServiceId, string ServiceName, string? MotiveCode, string? Motive, bool MotiveWithheld, DateOnly StartsOn, DateOnly? EndsOn);

/// <summary>A professional named on the child; <see cref="Role"/> is null when the user may not read the section the role reveals.</summary>
public sealed record WorkerAssignmentDto(Guid Id, Guid UserId, string UserDisplayName, WorkerRole? Role, DateOnly StartsOn, DateOnly? EndsOn);

/// <summary>Another child who shares a parent with this one, and that the user may open; <see cref="SharedParents"/> says which.</summary>
public sealed record FamilyMemberDto(Guid Id, string DossierNumber, string DisplayName, string BirthDate, IReadOnlyList<PersonRelation> SharedParents);

/// <summary>What the user may do in each section of this child's record, for the screens.</summary>
public sealed record SectionRights(AccessLevel Identity, AccessLevel Social, AccessLevel Health, AccessLevel Judicial, AccessLevel ConcernAuthor)
{
    public bool MayRead(Section section) => section switch
    {
        Section.Identity => Identity,
        Section.Social => Social,
        Section.Health => Health,
        Section.Judicial => Judicial,
        Section.ConcernAuthor => ConcernAuthor,
        _ => AccessLevel.None,
    } >= AccessLevel.Read;
}

/// <summary>The identity section of a child's record, with its linked persons, addresses and assignments.</summary>
public sealed record ChildRecord(
    Guid Id,
    string DossierNumber,
    string BirthName,
    string? UsageName,
    string FirstNames,
    Sex Sex,
    string BirthDate,
    int? BirthYear,
    int? BirthMonth,
    int? BirthDay,
    string? BirthPlace,
    string? Nationality,
    string? Ins,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    AccessBasis AccessBasis,
    SectionRights Rights,
    IReadOnlyList<LinkedPersonDto> LinkedPersons,
    IReadOnlyList<AddressDto> Addresses,
    IReadOnlyList<ServiceAssignmentDto> ServiceAssignments,
    IReadOnlyList<WorkerAssignmentDto> WorkerAssignments,
    IReadOnlyList<FamilyMemberDto> Family,
    string ResponsibleDepartementCode,
    string ResponsibleDepartementName,
    DateTime? RecordedBefore = null)
{
    public string DisplayName => $"{(string.IsNullOrWhiteSpace(UsageName) ? BirthName : UsageName)} {FirstNames}";
}

internal static class ChildMapping
{
    public static ChildSummary ToSummary(Child c) =>
        new(c.Id, c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames, c.Sex, c.BirthDate.ToString(), c.BirthDate.Year, c.BirthDate.Month, c.BirthDate.Day);

    public static LinkedPersonDto ToDto(LinkedPerson p) =>
        new(p.Id, p.Relation, p.LastName, p.FirstNames, p.BirthDate.ToString(), p.HasParentalAuthority, p.Phone, p.Email, p.AddressLine, p.PostalCode, p.City, p.Notes, p.Version);

    public static AddressDto ToDto(ChildAddress a) => new(a.Id, a.Line, a.PostalCode, a.City, a.Country, a.From, a.To, a.Version);
}
