using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Placements;

/// <summary>What a person may do towards the child, as a decision sets it (droits de visite et d'hébergement).</summary>
public enum ContactRightKind
{
    /// <summary>Visits and calls allowed, as agreed with the service.</summary>
    Free = 1,
    /// <summary>Visite médiatisée: only in the presence of a professional.</summary>
    Supervised = 2,
    /// <summary>Suspended by the judge for a period.</summary>
    Suspended = 3,
    /// <summary>No contact of any kind (interdiction de contact).</summary>
    Forbidden = 4,
    /// <summary>The person may see the child but must not learn where the child lives (adresse confidentielle).</summary>
    ConfidentialAddress = 5,
}

/// <summary>
/// The right of one linked person to see or call the child, with its source (the measure and the decision
/// it comes from) and dates: the « Qui peut voir ou appeler cet enfant » card for staff on shift and foster
/// carers. Social data: the card must be readable by whoever hosts the child, judicial section or not.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.ContactRightRecorded, Updated = AuditEventType.ContactRightUpdated, Deleted = AuditEventType.ContactRightRemoved)]
public sealed class ContactRight : Entity, IChildData, IVersioned
{
    public Guid ChildId { get; set; }
    public Guid LinkedPersonId { get; set; }
    public ContactRightKind Kind { get; set; }
    /// <summary>The measure whose decision sets the right, when it comes from one.</summary>
    public Guid? MeasureId { get; set; }
    /// <summary>« Jugement du 12/03/2026 », « accord avec la famille »: where the right comes from.</summary>
    public required string Source { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>Frequency and practical terms (« un samedi sur deux, au service, 14 h–16 h »).</summary>
    public string? Terms { get; set; }
    public Guid RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public int Version { get; set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);

    public static string Label(ContactRightKind kind) => kind switch
    {
        ContactRightKind.Free => "Visites et appels libres",
        ContactRightKind.Supervised => "Visites médiatisées uniquement",
        ContactRightKind.Suspended => "Droit de visite suspendu",
        ContactRightKind.Forbidden => "Contact interdit",
        ContactRightKind.ConfidentialAddress => "Adresse du lieu d'accueil confidentielle",
        _ => "Autre",
    };
}
