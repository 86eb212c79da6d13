using Ariane.Core.Common;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Shared;

/// <summary>A field of a form that a conflict screen compares and lets the user take from the other version.</summary>
public sealed record ConflictField<T>(string Name, string Label, Func<T, string> Show, Action<T, T> TakeFrom);

/// <summary>The pieces of a conflict screen (docs/architecture.md, UI): rows, the merge of the choices, who saved.</summary>
public static class Conflicts
{
    public static IReadOnlyList<ConflictRow> Rows<T>(IEnumerable<ConflictField<T>> fields, T original, T mine, T theirs) =>
        fields.Select(f => new ConflictRow(f.Name, f.Label, f.Show(original), f.Show(mine), f.Show(theirs))).ToList();

    /// <summary>Mine, with every field the user chose to keep from the other version taken from it.</summary>
    public static void Merge<T>(IEnumerable<ConflictField<T>> fields, T mine, T theirs, IReadOnlyDictionary<string, string> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        foreach (var field in fields)
        {
            if (keep.TryGetValue(field.Name, out var choice) && choice == ConflictChoice.Theirs)
            {
                field.TakeFrom(mine, theirs);
            }
        }
    }

    /// <summary>
    /// Who made the last save of an entity, and when: the latest creation or change row of the audit for it
    /// (the events its <see cref="AuditEventsAttribute"/> declares). Null when the audit has none.
    /// </summary>
    public static async Task<SavedBy?> LastSavedByAsync<TEntity>(AppDbContext db, Guid childId, Guid entityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var events = typeof(TEntity).GetCustomAttributes(typeof(AuditEventsAttribute), inherit: false).OfType<AuditEventsAttribute>().SingleOrDefault() ?? new();
        var row = await db.AuditRecords.AsNoTracking()
            .Where(r => r.ChildId == childId && r.EntityId == entityId && (r.EventType == events.Created || r.EventType == events.Updated))
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.OccurredAt, r.UserName, r.UserId })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var name = row.UserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new SavedBy(name ?? row.UserName ?? "un autre utilisateur", row.OccurredAt);
    }
}
