using System.Collections.Concurrent;
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
/// Turns the change tracker's added, modified and deleted <see cref="IAudited"/> entities into audit rows
/// with the old and new values. Everything comes from the entity's own declarations — the marker, its
/// child (<see cref="IAudited.AuditedChildId"/>), its section (<see cref="RecordSectionAttribute"/>), its
/// events (<see cref="AuditEventsAttribute"/>), the columns it leaves out (<see cref="NotAuditedAttribute"/>) —
/// so a new module's entity is audited without a change here (docs/architecture.md, Audit). Identity
/// tables are not <see cref="IAudited"/>: logins and account changes are explicit events.
/// </summary>
internal static class AuditChangeCollector
{
    private static readonly AuditEventsAttribute Defaults = new();

    private static readonly ConcurrentDictionary<(Type, Type), Attribute?> Attributes = new();

    private static readonly ConcurrentDictionary<PropertyInfo, bool> SkippedProperties = new();

    public static List<AuditRecord> Collect(ChangeTracker tracker, AuditTrail trail)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is not IAudited audited
                || entry.Metadata.IsOwned())
            {
                continue;
            }

            var type = entry.Metadata.ClrType;
            var events = Declared<AuditEventsAttribute>(type) ?? Defaults;
            var eventType = entry.State switch
            {
                EntityState.Added => events.Created,
                EntityState.Modified => events.Updated,
                _ => events.Deleted,
            };
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var record = trail.New(eventType);
            record.EntityType = type.Name;
            record.EntityId = entry.Entity is Entity e ? e.Id : null;
            record.ChildId = audited.AuditedChildId;
            record.Section = entry.Entity is ISectionedData sectioned ? sectioned.AuditedSection : Declared<RecordSectionAttribute>(type)?.Section;
            record.Details = JsonSerializer.Serialize(changes);
            if (entry.Entity is IHouseholdData household)
            {
                // A row about several children: listed on its audit row, so that each child's log shows it.
                record.ListedChildren.AddRange(household.AuditedChildIds.Distinct().Select(id => new AuditListedChild { ChildId = id }));
            }

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
            if (IsSkipped(property.Metadata.PropertyInfo))
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

    private static T? Declared<T>(Type type)
        where T : Attribute =>
        (T?)Attributes.GetOrAdd((type, typeof(T)), key => key.Item1.GetCustomAttribute(key.Item2));

    /// <summary>Derived columns (search keys) only repeat other values: <see cref="NotAuditedAttribute"/>.</summary>
    private static bool IsSkipped(PropertyInfo? property) =>
        property is not null && SkippedProperties.GetOrAdd(property, p => p.IsDefined(typeof(NotAuditedAttribute)));
}
