using Ariane.Core.Common;

namespace Ariane.Core.Organisations;

public enum OrganisationKind
{
    Departement = 1,
    AssociationGestionnaire = 2,
    Mdph = 3,
    EducationNationale = 4,
    Pjj = 5,
    Court = 6,
    Health = 7,
    Other = 9,
    /// <summary>
    /// The operator of a platform serving several départements: its administrators manage départements,
    /// organisations and accounts everywhere, and, like every administrator, read no child data.
    /// </summary>
    Platform = 10,
}

/// <summary>An institution: the département, an association running establishments, the MDPH...</summary>
public sealed class Organisation : Entity, IAudited
{
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    /// <summary>INSEE code of the département (e.g. "99" for the demo one), when relevant.</summary>
    public string? DepartementCode { get; set; }
    public List<Service> Services { get; } = [];
}
