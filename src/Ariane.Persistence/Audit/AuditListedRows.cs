using System.Text;
using Ariane.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Persistence.Audit;

/// <summary>
/// Writes the children that list views showed (<see cref="AuditRecord.ListedChildren"/>) in one multi-row
/// INSERT per save, inside the save's transaction: through the change tracker SQLite sends one command
/// per row, and a page of 50 results cost 50 round trips (docs/performance.md).
/// </summary>
internal static class AuditListedRows
{
    /// <summary>Rows per statement: two parameters each, far below both providers' limits.</summary>
    private const int Chunk = 500;

    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var sqlite = !db.Database.IsNpgsql();
        foreach (var chunk in records.SelectMany(r => r.ListedChildren).Chunk(Chunk))
        {
            var sql = new StringBuilder("INSERT INTO \"AuditListedChildren\" (\"AuditSequence\", \"ChildId\") VALUES ");
            var parameters = new List<object>(chunk.Length * 2);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "(" : ", (").Append('{').Append(2 * i).Append("}, {").Append((2 * i) + 1).Append("})");
                parameters.Add(chunk[i].AuditSequence);
                // EF stores a Guid on SQLite as upper-case text; a raw Guid parameter would be bound as a blob.
                parameters.Add(sqlite ? chunk[i].ChildId.ToString("D").ToUpperInvariant() : chunk[i].ChildId);
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }
}
