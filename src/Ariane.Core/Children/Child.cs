using Ariane.Core.Common;

namespace Ariane.Core.Children;

/// <summary>OLINPE SEXE codes.</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
    Unknown = 9,
}

/// <summary>The protected child: identity section of the record.</summary>
[Access.RecordSection(Access.Section.Identity)]
[AuditEvents(Created = Audit.AuditEventType.ChildCreated, Updated = Audit.AuditEventType.ChildUpdated, Deleted = Audit.AuditEventType.ChildDeleted)]
public sealed class Child : Entity, IVersioned, IChildData, ITimestamped, ISearchIndexed
{
    public Guid ChildId => Id;
    public required string BirthName { get; set; }
    public string? UsageName { get; set; }
    /// <summary>All first names in civil order, space separated; the first is the usual one.</summary>
    public required string FirstNames { get; set; }
    public Sex Sex { get; set; } = Sex.Unknown;
    public PartialDate BirthDate { get; set; } = PartialDate.Unknown;
    public string? BirthPlace { get; set; }
    public string? Nationality { get; set; }
    /// <summary>Identifiant national de santé, optional (15 digits, NIR based).</summary>
    public string? Ins { get; set; }
    /// <summary>
    /// The human-readable number (<see cref="DossierNumbers"/>), given once by the persistence layer when the
    /// record is first saved and never changed; empty until then.
    /// </summary>
    public string DossierNumber { get; set; } = string.Empty;
    /// <summary>
    /// The département responsible for the child (its code, e.g. "99"): the tenancy key of the access policy
    /// (docs/decisions/0007-tenancy.md). Set at creation from the creating user's département; a record saved
    /// without one takes the installation's département when it is numbered. History of the responsible
    /// département and transfers between départements come later.
    /// </summary>
    public string ResponsibleDepartementCode { get; set; } = string.Empty;
    /// <summary>Normalised name tokens (see <see cref="TextNormalizer.SearchKey"/>), kept in sync on every save.</summary>
    [NotAudited]
    public string SearchKey { get; set; } = "|";
    /// <summary>How the name tokens sound (see <see cref="FrenchPhonetic.Key"/>), kept in sync on every save.</summary>
    [NotAudited]
    public string PhoneticKey { get; set; } = "|";
    /// <summary>
    /// Set when this record was merged into another one (<see cref="ChildMerge"/>): it then shows in no list
    /// or search, and opening it leads to that record. Never cleared.
    /// </summary>
    public Guid? MergedIntoId { get; set; }
    /// <summary>
    /// The protected (no-trace) flag, kept in step with the active <see cref="Placements.ChildProtection"/> row:
    /// no automatic letter, SMS or reminder for the family, the place of care hidden (docs/domain.md §3).
    /// On the identity section because every reader must know not to send anything; the reason is social.
    /// </summary>
    public bool IsProtected { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<LinkedPerson> LinkedPersons { get; } = [];
    public List<ChildAddress> Addresses { get; } = [];
    public List<ServiceAssignment> ServiceAssignments { get; } = [];
    public List<WorkerAssignment> WorkerAssignments { get; } = [];

    public string DisplayName => NameOf(BirthName, UsageName, FirstNames);

    /// <summary>The name a child goes by: usage name (else birth name), then first names; for rows read as columns.</summary>
    public static string NameOf(string birthName, string? usageName, string firstNames) =>
        $"{(string.IsNullOrWhiteSpace(usageName) ? birthName : usageName)} {firstNames}";

    public void RefreshSearchKey()
    {
        SearchKey = TextNormalizer.SearchKey(BirthName, UsageName, FirstNames);
        PhoneticKey = FrenchPhonetic.Key(BirthName, UsageName, FirstNames);
    }
}
