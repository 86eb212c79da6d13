using Ariane.Core.Common;

namespace Ariane.Core.Children;

public enum PersonRelation
{
    Mother = 1,
    Father = 2,
    /// <summary>Holder of parental authority who is not a parent (e.g. guardian).</summary>
    ParentalAuthorityHolder = 3,
    Sibling = 4,
    TrustedThirdParty = 5,
    Other = 9,
}

/// <summary>A person around the child: parent, sibling, trusted third party, with contact details.</summary>
[Access.RecordSection(Access.Section.Identity)]
public sealed class LinkedPerson : Entity, IVersioned, IChildData
{
    public Guid ChildId { get; set; }
    public PersonRelation Relation { get; set; }
    public required string LastName { get; set; }
    public string? FirstNames { get; set; }
    public PartialDate BirthDate { get; set; } = PartialDate.Unknown;
    /// <summary>Holds parental authority (titulaire de l'autorité parentale), whatever the relation.</summary>
    public bool HasParentalAuthority { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? AddressLine { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
}
