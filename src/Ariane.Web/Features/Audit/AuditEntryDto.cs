using Ariane.Core.Access;
using Ariane.Core.Audit;

namespace Ariane.Web.Features.Audit;

public sealed record AuditEntryDto(
    long Sequence,
    DateTime OccurredAt,
    AuditEventType EventType,
    AuditOutcome Outcome,
    Guid? UserId,
    string? UserName,
    Guid? ChildId,
    Section? Section,
    AccessBasis? AccessBasis,
    string? EntityType,
    string? Reason,
    string? IpAddress)
{
    /// <summary>The person's name (not the login), when the row has an account.</summary>
    public string? UserDisplayName { get; init; }

    /// <summary>The services the person belongs to now, comma separated.</summary>
    public string? UserServices { get; init; }

    /// <summary>The child the row is about, by name and dossier number.</summary>
    public AuditChild? Child { get; init; }

    /// <summary>In a child's access log: the row is a list view in which the child appeared, not an opening of the record.</summary>
    public bool InList { get; init; }

    public AuditEventKind Kind => AuditEventKinds.Of(EventType);
}

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextBefore)
{
    /// <summary>The child of a child's access log; null for a search of the whole trail.</summary>
    public AuditChild? Child { get; init; }
}
