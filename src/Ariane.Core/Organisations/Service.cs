using Ariane.Core.Common;

namespace Ariane.Core.Organisations;

public enum ServiceKind
{
    /// <summary>CRIP: cellule de recueil des informations préoccupantes.</summary>
    IntakeUnit = 1,
    AseTerritorial = 2,
    Pmi = 3,
    Mecs = 4,
    FosterCareService = 5,
    OpenSettingService = 6,
    Mdph = 7,
    School = 8,
    Observatory = 9,
    Administration = 10,
    LieuDeVie = 11,
    /// <summary>A court's jurisdiction (tribunal pour enfants): receives the reports transmitted to it.</summary>
    Court = 12,
    Other = 99,
}

/// <summary>A service or establishment of an organisation, where users work and to which children are assigned.</summary>
public sealed class Service : Entity, IAudited
{
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public ServiceKind Kind { get; set; }
    /// <summary>FINESS number (9 characters) for establishments, when registered.</summary>
    public string? Finess { get; set; }
    /// <summary>FINESS category code (docs/domain.md §7), e.g. 177 for a MECS.</summary>
    public int? FinessCategory { get; set; }
    public bool IsActive { get; set; } = true;
}
