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
[AuditEvents(Created = Audit.AuditEventType.LinkedPersonAdded, Updated = Audit.AuditEventType.LinkedPersonUpdated, Deleted = Audit.AuditEventType.LinkedPersonRemoved)]
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
    /// <summary>
    /// Free remarks about the person. They tell the family's situation, so they belong to the social
    /// follow-up (<see cref="NotesSection"/>), not to the identity section the rest of the person is in.
    /// </summary>
    public string? Notes { get; set; }
    public int Version { get; set; }

    public const Access.Section NotesSection = Access.Section.Social;

    /// <summary>
    /// The parent as a comparable key (normalised last name, first names and birth date), stored so that
    /// the children who share a parent are found in SQL: see <see cref="ParentKeyOf"/>. Derived on every
    /// save from the fields above; the setter only lets the database value be read back.
    /// </summary>
    [NotAudited]
    public string? ParentKey
    {
        get => ParentKeyOf(Relation, LastName, FirstNames, BirthDate);
        private set { _ = value; }
    }

    /// <summary>
    /// Two records share a parent when a mother or father with the same normalised last name, first
    /// names and birth date (as precise as known, at least the year) is on both. Without first names or
    /// a birth year the person is too vaguely known to link two children: null.
    /// </summary>
    public static string? ParentKeyOf(PersonRelation relation, string? lastName, string? firstNames, PartialDate? birthDate)
    {
        if (relation is not (PersonRelation.Mother or PersonRelation.Father) || birthDate?.Year is null)
        {
            return null;
        }

        var last = TextNormalizer.Normalize(lastName);
        var first = TextNormalizer.Normalize(firstNames);
        return last.Length == 0 || first.Length == 0 ? null : $"{last}|{first}|{birthDate}";
    }
}
