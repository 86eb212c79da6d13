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
    string? IpAddress);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextBefore);
