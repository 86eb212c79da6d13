using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ariane.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>
/// The rows of every table of the model, hashed per table, read in one round trip: two fingerprints
/// differ when any row was added, removed or changed. The audit tables are left out (they may only
/// grow, and their database guards refuse anything else).
/// </summary>
public static class DatabaseFingerprint
{
    /// <summary>
    /// Columns that a refused request is meant to change: a failed sign-in counts towards the lockout
    /// (Identity writes the count, the lockout end and a new concurrency stamp).
    /// </summary>
    private static readonly HashSet<string> Counters = ["AspNetUsers.AccessFailedCount", "AspNetUsers.LockoutEnd", "AspNetUsers.ConcurrencyStamp"];

    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(ArianeApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync<IReadOnlyDictionary<string, string>>(async db =>
        {
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
                .Where(t => AuditAppendOnlySql.Tables.All(a => a.Name != t)).Distinct().Order(StringComparer.Ordinal).ToList();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = string.Join(";\n", tables.Select(t => $"SELECT * FROM \"{t}\""));
                await using var reader = await command.ExecuteReaderAsync();
                var result = new Dictionary<string, string>();
                foreach (var table in tables)
                {
                    var rows = new List<string>();
                    while (await reader.ReadAsync())
                    {
                        var row = new StringBuilder();
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            if (!Counters.Contains($"{table}.{reader.GetName(i)}"))
                            {
                                var value = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
                                row.Append(reader.GetName(i)).Append('=').Append(value.Length).Append(':').Append(value).Append('|');
                            }
                        }

                        rows.Add(row.ToString());
                    }

                    rows.Sort(StringComparer.Ordinal);
                    var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..12];
                    result[table] = $"{rows.Count} rows #{hash}";
                    await reader.NextResultAsync();
                }

                return result;
            }
            finally
            {
                await connection.CloseAsync();
            }
        });
    }

    /// <summary>The tables whose rows differ, as « table: before → after ».</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t)} → {after.GetValueOrDefault(t)}")
            .ToList();
    }
}
