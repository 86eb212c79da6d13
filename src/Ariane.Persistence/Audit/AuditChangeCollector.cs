using System.Reflection;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ariane.Persistence.Audit;

/// <summary>
/// Turns the change tracker's added, modified and deleted domain entities into audit rows with the
/// old and new values. Identity tables are left out: logins and account changes are explicit events.
/// </summary>
internal static class AuditChangeCollector
{
    private static readonly Dictionary<(Type, EntityState), AuditEventType> SpecificTypes = new()
    {
        [(typeof(Child), EntityState.Added)] = AuditEventType.ChildCreated,
        [(typeof(Child), EntityState.Modified)] = AuditEventType.ChildUpdated,
        [(typeof(Child), EntityState.Deleted)] = AuditEventType.ChildDeleted,
        [(typeof(LinkedPerson), EntityState.Added)] = AuditEventType.LinkedPersonAdded,
        [(typeof(LinkedPerson), EntityState.Modified)] = AuditEventType.LinkedPersonUpdated,
        [(typeof(LinkedPerson), EntityState.Deleted)] = AuditEventType.LinkedPersonRemoved,
        [(typeof(ChildAddress), EntityState.Added)] = AuditEventType.AddressAdded,
        [(typeof(ChildAddress), EntityState.Modified)] = AuditEventType.AddressUpdated,
        [(typeof(ChildAddress), EntityState.Deleted)] = AuditEventType.AddressRemoved,
        [(typeof(ServiceAssignment), EntityState.Added)] = AuditEventType.AssignmentAdded,
        [(typeof(ServiceAssignment), EntityState.Modified)] = AuditEventType.AssignmentUpdated,
        [(typeof(ServiceAssignment), EntityState.Deleted)] = AuditEventType.AssignmentRemoved,
        [(typeof(WorkerAssignment), EntityState.Added)] = AuditEventType.AssignmentAdded,
        [(typeof(WorkerAssignment), EntityState.Modified)] = AuditEventType.AssignmentUpdated,
        [(typeof(WorkerAssignment), EntityState.Deleted)] = AuditEventType.AssignmentRemoved,
        [(typeof(BreakGlassAccess), EntityState.Added)] = AuditEventType.BreakGlassOpened,
        [(typeof(Delegation), EntityState.Added)] = AuditEventType.DelegationGranted,
        [(typeof(AccessAlert), EntityState.Added)] = AuditEventType.AlertRaised,
    };

    // Derived columns that only repeat other values.
    private static readonly HashSet<string> Skipped = [nameof(Child.SearchKey), nameof(LinkedPerson.ParentKey)];

    public static List<AuditRecord> Collect(ChangeTracker tracker, AuditTrail trail)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is AuditRecord
                || entry.Metadata.ClrType.Namespace?.StartsWith("Ariane.Core", StringComparison.Ordinal) != true
                || entry.Metadata.IsOwned())
            {
                continue;
            }

            var type = entry.Metadata.ClrType;
            var eventType = SpecificTypes.GetValueOrDefault((type, entry.State), entry.State switch
            {
                EntityState.Added => AuditEventType.DataCreated,
                EntityState.Modified => AuditEventType.DataUpdated,
                _ => AuditEventType.DataDeleted,
            });
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var record = trail.New(eventType);
            record.EntityType = type.Name;
            record.EntityId = entry.Entity is Entity e ? e.Id : null;
            record.ChildId = entry.Entity is IChildData c ? c.ChildId : null;
            record.Section = type.GetCustomAttribute<RecordSectionAttribute>()?.Section;
            record.Details = JsonSerializer.Serialize(changes);
            records.Add(record);
        }

        return records;
    }

    private static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Skipped.Contains(name))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = [null, property.CurrentValue];
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = [property.OriginalValue, property.CurrentValue];
                    break;
                case EntityState.Deleted:
                    changes[name] = [property.OriginalValue, null];
                    break;
            }
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                var name = $"{complex.Metadata.Name}.{property.Metadata.Name}";
                if (entry.State == EntityState.Added)
                {
                    changes[name] = [null, property.CurrentValue];
                }
                else if (entry.State == EntityState.Modified && property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                {
                    changes[name] = [property.OriginalValue, property.CurrentValue];
                }
            }
        }

        return changes;
    }
}
