using Ariane.Core.Common;

namespace Ariane.Core.Children;

/// <summary>Where the child lives or lived, with dates (an open end means current).</summary>
[Access.RecordSection(Access.Section.Identity)]
[AuditEvents(Created = Audit.AuditEventType.AddressAdded, Updated = Audit.AuditEventType.AddressUpdated, Deleted = Audit.AuditEventType.AddressRemoved)]
public sealed class ChildAddress : Entity, IVersioned, IChildData
{
    public Guid ChildId { get; set; }
    public required string Line { get; set; }
    public string? PostalCode { get; set; }
    public required string City { get; set; }
    public string Country { get; set; } = "France";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Version { get; set; }
}
