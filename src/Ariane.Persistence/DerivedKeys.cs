using Ariane.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Persistence;

/// <summary>
/// Fills the phonetic key (<see cref="FrenchPhonetic"/>) of the children stored before it existed. It is
/// computed in C#, so a migration cannot fill it; it runs after migrating, and a later change of the
/// phonetic rules only has to empty the column in a migration for the keys to be computed again.
/// </summary>
public static class DerivedKeys
{
    private const int BatchSize = 500;

    /// <summary>Returns the number of records filled. Written outside the change tracker, so not audited: like the
    /// search key, the column only repeats the names (AuditChangeCollector leaves derived columns out).</summary>
    public static async Task<int> FillMissingPhoneticKeysAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var filled = 0;
        while (true)
        {
            var batch = await db.Children.AsNoTracking()
                .Where(c => c.PhoneticKey == string.Empty)
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .Select(c => new { c.Id, c.BirthName, c.UsageName, c.FirstNames })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return filled;
            }

            // One transaction per batch: a commit per row would be slow on SQLite. A key is never empty ("|" at least), so the loop ends.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var child in batch)
            {
                var key = FrenchPhonetic.Key(child.BirthName, child.UsageName, child.FirstNames);
                await db.Children.Where(c => c.Id == child.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.PhoneticKey, key), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            filled += batch.Count;
        }
    }
}
