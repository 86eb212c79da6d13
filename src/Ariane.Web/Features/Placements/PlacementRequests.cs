using System.ComponentModel.DataAnnotations;
using Ariane.Core.Common;
using Ariane.Core.Placements;

namespace Ariane.Web.Features.Placements;

/// <summary>A new stay (or a change of place: the current stay ends the day before <see cref="StartsOn"/>).</summary>
public sealed class OpenPlacementRequest
{
    /// <summary>The measure the stay is under; null is accepted but shown as an error to fix.</summary>
    public Guid? MeasureId { get; set; }

    [Required(ErrorMessage = "Indiquez le type de lieu d'accueil.")]
    public PlaceKind? PlaceKind { get; set; }

    public CareType? CareType { get; set; }

    public Guid? FacilityId { get; set; }

    public Guid? HostPersonId { get; set; }

    [StringLength(200, ErrorMessage = "Le nom du lieu tient en 200 caractères.")]
    public string? PlaceLabel { get; set; }

    [Required(ErrorMessage = "Indiquez la date d'arrivée.")]
    public DateOnly? StartsOn { get; set; }

    [StringLength(1000, ErrorMessage = "Le motif tient en 1 000 caractères.")]
    public string? Reason { get; set; }

    /// <summary>Why the current stay ends, for a change of place (« Changement de lieu » otherwise).</summary>
    [StringLength(1000, ErrorMessage = "Le motif de fin tient en 1 000 caractères.")]
    public string? PreviousEndReason { get; set; }
}

public sealed class EndPlacementRequest
{
    [Required(ErrorMessage = "Indiquez la date de fin de l'accueil.")]
    public DateOnly? EndsOn { get; set; }

    [StringLength(1000, ErrorMessage = "Le motif tient en 1 000 caractères.")]
    public string? Reason { get; set; }

    public int Version { get; set; }
}

public sealed class ProtectChildRequest
{
    [Required(ErrorMessage = "Indiquez pourquoi le dossier doit être protégé.")]
    [StringLength(1000, ErrorMessage = "Le motif tient en 1 000 caractères.")]
    [MultiLine]
    public string? Reason { get; set; }
}

public sealed class ContactRightRequest
{
    [Required(ErrorMessage = "Choisissez la personne concernée.")]
    public Guid? LinkedPersonId { get; set; }

    [Required(ErrorMessage = "Choisissez le droit.")]
    public ContactRightKind? Kind { get; set; }

    public Guid? MeasureId { get; set; }

    [Required(ErrorMessage = "Indiquez d'où vient ce droit (jugement, accord…).")]
    [StringLength(300, ErrorMessage = "La source tient en 300 caractères.")]
    public string? Source { get; set; }

    [Required(ErrorMessage = "Indiquez la date de début.")]
    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    [StringLength(1000, ErrorMessage = "Les modalités tiennent en 1 000 caractères.")]
    [MultiLine]
    public string? Terms { get; set; }

    public int Version { get; set; }
}
