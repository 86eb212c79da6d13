using System.ComponentModel.DataAnnotations;
using Ariane.Core.Common;
using Ariane.Core.Concerns;
using Ariane.Web.Features.Children;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Concerns;

/// <summary>Who reported the IP, as the CRIP agent notes it on the phone.</summary>
public sealed class ReporterInput
{
    [StringLength(200, ErrorMessage = "Le nom ne peut dépasser 200 caractères.")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "La qualité ne peut dépasser 200 caractères.")]
    public string? Capacity { get; set; }

    [StringLength(30, ErrorMessage = "Le téléphone ne peut dépasser 30 caractères.")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "L'adresse électronique ne peut dépasser 200 caractères.")]
    [EmailAddress(ErrorMessage = "L'adresse électronique n'est pas valide.")]
    public string? Email { get; set; }

    /// <summary>A private person (neighbour, relative): their identity is protected. A professional in their function is not.</summary>
    public bool IsProtected { get; set; } = true;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Capacity) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
}

public sealed class AdultInput
{
    [StringLength(100, ErrorMessage = "Le nom ne peut dépasser 100 caractères.")]
    public string? LastName { get; set; }

    [StringLength(150, ErrorMessage = "Les prénoms ne peuvent dépasser 150 caractères.")]
    public string? FirstNames { get; set; }

    [StringLength(100, ErrorMessage = "Le lien ne peut dépasser 100 caractères.")]
    public string? Relation { get; set; }

    [StringLength(30, ErrorMessage = "Le téléphone ne peut dépasser 30 caractères.")]
    public string? Phone { get; set; }

    [StringLength(300, ErrorMessage = "L'adresse ne peut dépasser 300 caractères.")]
    public string? Address { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(LastName) && string.IsNullOrWhiteSpace(FirstNames) && string.IsNullOrWhiteSpace(Relation)
        && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Address);
}

/// <summary>A child not yet known to Ariane, created with the IP (after the duplicate check).</summary>
public sealed class NewConcernChild
{
    public ChildInput Child { get; set; } = new();

    /// <summary>Set once the agent has looked at the likely duplicates and confirmed this is another child.</summary>
    public bool ConfirmNotDuplicate { get; set; }
}

public sealed class RecordConcernRequest
{
    /// <summary>Day of receipt, in Paris. Default: today.</summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>Time of receipt, in Paris. Default: now.</summary>
    public TimeOnly? ReceivedTime { get; set; }

    [Required(ErrorMessage = "Indiquez comment l'information est arrivée.")]
    public ConcernChannel? Channel { get; set; }

    [Required(ErrorMessage = "Indiquez qui a transmis l'information (« Ne sait pas » si besoin).")]
    public int? TransmitterCode { get; set; }

    [Required(ErrorMessage = "Indiquez l'origine de l'information (« Ne sait pas » si besoin).")]
    public int? OriginCode { get; set; }

    public List<ConcernDangers> Dangers { get; set; } = [];

    public List<FamilyDifficulties> Difficulties { get; set; } = [];

    public bool GraveDanger { get; set; }

    [Required(ErrorMessage = "Le récit de l'information est obligatoire.")]
    [StringLength(Concern.NarrativeMaxLength, ErrorMessage = "Le récit ne peut dépasser 20 000 caractères.")]
    [MultiLine]
    public string? Narrative { get; set; }

    public ReporterInput? Reporter { get; set; }

    /// <summary>Children already known, chosen from the search.</summary>
    public List<Guid> ChildIds { get; set; } = [];

    public List<NewConcernChild> NewChildren { get; set; } = [];

    public List<AdultInput> Adults { get; set; } = [];

    public const int MaxChildren = 12;
    public const int MaxAdults = 8;
}
