using System.Data.Common;
using System.Globalization;
using System.Text;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Ariane.Web.IntegrationTests.Audit;

/// <summary>
/// No SQL statement can replace, alter or remove a stored audit row (AuditAppendOnlySql): each one is run
/// raw on the app's database against a real row and must be refused by the append-only guard, leaving the
/// row (every column) and the row count as they were, and the chain intact for verify-audit. A control run
/// with the guards switched off, in a transaction rolled back, shows that each refused statement would
/// otherwise have changed the row, so that a typo in a statement cannot pass for a refusal.
/// </summary>
public abstract class AuditAppendOnlyTests(ArianeApp app, ITestOutputHelper output)
{
    private const string Table = "AuditRecords";

    /// <summary>A statement to try; <paramref name="WouldAlter"/>: it changes the row when nothing guards it.</summary>
    protected sealed record Tamper(string Name, string Sql, bool WouldAlter);

    /// <summary>The statements of this provider against row <paramref name="sequence"/>; <paramref name="forgedCopy"/> selects that row with another user name.</summary>
    protected abstract IReadOnlyList<Tamper> Statements(long sequence, string columns, string forgedCopy);

    /// <summary>Switches the table's guards off, inside the control's transaction.</summary>
    protected abstract Task DisableGuardsAsync(DbConnection connection, DbTransaction transaction);

    /// <summary>The triggers that each append-only table must carry, missing ones named.</summary>
    protected abstract Task<IReadOnlyList<string>> MissingGuardsAsync(DbConnection connection, AppendOnlyTable table);

    [Fact]
    public async Task Every_statement_that_could_alter_an_audit_row_is_refused_and_leaves_it_unchanged()
    {
        var client = await app.ApiAsync("cadre");
        await client.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        await client.GetAsync("/api/v1/children?q=bernard"); // so that the target is not the chain's tail
        var target = await app.WithDbAsync(db => db.AuditRecords
            .Where(r => r.EventType == AuditEventType.ChildViewed && r.ChildId == app.World.ChildNord).Select(r => r.Sequence).FirstAsync());
        var columns = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(AuditRecord))!.GetProperties()
            .Select(p => p.GetColumnName()).ToList()));
        var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var forged = $"SELECT {string.Join(", ", columns.Select(c => c == "UserName" ? "'innocent'" : $"\"{c}\""))} FROM \"{Table}\" WHERE \"Sequence\" = {target}";
        var statements = Statements(target, columnList, forged);

        var failures = new List<string>();
        await OnConnectionAsync(async connection =>
        {
            var before = await StateAsync(connection, null, target);
            Assert.Contains("UserName=cadre", before, StringComparison.Ordinal);
            var current = before;
            foreach (var statement in statements)
            {
                var error = await TryExecuteAsync(connection, null, statement.Sql);
                var after = await StateAsync(connection, null, target);
                output.WriteLine($"{statement.Name}: {(error is null ? "accepted" : "refused: " + FirstLine(error))}{(after == current ? string.Empty : " — CHANGED THE AUDIT")}");
                if (after != current)
                {
                    failures.Add($"{statement.Name} changed the audit:\n  before {current}\n  after  {after}");
                    current = after;
                }
                else if (statement.WouldAlter && error?.Contains($"{Table} is append-only", StringComparison.Ordinal) != true)
                {
                    failures.Add($"{statement.Name} was not refused by the append-only guard: {error ?? "no error"}");
                }
            }

            // Control: without the guards each statement marked WouldAlter does change the row.
            foreach (var statement in statements.Where(s => s.WouldAlter))
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await DisableGuardsAsync(connection, transaction);
                var error = await TryExecuteAsync(connection, transaction, statement.Sql);
                // After an error PostgreSQL refuses every command until the rollback.
                var unguarded = error is null ? await StateAsync(connection, transaction, target) : before;
                await transaction.RollbackAsync();
                if (error is not null || unguarded == before)
                {
                    failures.Add($"control: {statement.Name} does not change an unguarded row ({error ?? "no change"}); the statement proves nothing");
                }
            }

            if (await StateAsync(connection, null, target) != before)
            {
                failures.Add("the audit row or the row count differ from the start");
            }

            failures.AddRange(await MissingGuardsAsync(connection, AuditAppendOnlySql.Tables.Single(t => t.Name == Table)));
        });
        output.WriteLine($"{statements.Count} statements tried, {statements.Count(s => s.WouldAlter)} of them would alter an unguarded row");
        Assert.True(failures.Count == 0, string.Join('\n', failures));

        var report = await app.VerifyAuditAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Chains.Select(c => c.Problem)));
        var (exitCode, text) = await AppCommand.RunAsync(app, "verify-audit");
        Assert.True(exitCode == 0, text);
        Assert.Contains("Journal d'audit intact", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every audit table (every entity of Ariane.Core.Audit) is listed as append-only with the unique keys the
    /// model gives it, and carries its guards in the migrated database: a new audit table cannot be forgotten.
    /// </summary>
    [Fact]
    public async Task Every_audit_table_is_listed_with_its_keys_and_guarded_in_the_database()
    {
        var model = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace == typeof(AuditRecord).Namespace)
            .ToDictionary(e => e.GetTableName()!, e => e.GetKeys().Select(k => k.Properties)
                .Concat(e.GetIndexes().Where(i => i.IsUnique).Select(i => i.Properties))
                .Select(p => string.Join(",", p.Select(x => x.GetColumnName()))).Order().ToList())));
        Assert.Equal(model.Keys.Order(), AuditAppendOnlySql.Tables.Select(t => t.Name).Order());
        foreach (var table in AuditAppendOnlySql.Tables)
        {
            Assert.Equal(model[table.Name], table.UniqueKeys.Select(k => string.Join(",", k)).Order().ToList());
        }

        await OnConnectionAsync(async connection =>
        {
            foreach (var table in AuditAppendOnlySql.Tables)
            {
                Assert.Empty(await MissingGuardsAsync(connection, table));
            }
        });
    }

    private async Task OnConnectionAsync(Func<DbConnection, Task> action) =>
        await app.WithDbAsync<bool>(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await action(connection);
            }
            finally
            {
                await connection.CloseAsync();
            }

            return true;
        });

    private static async Task<string?> TryExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        try
        {
            await ExecuteAsync(connection, transaction, sql);
            return null;
        }
        catch (DbException e)
        {
            return e.Message;
        }
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected static async Task<List<string>> ColumnAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return values;
    }

    /// <summary>The row count and every column of the target row, as text.</summary>
    private static async Task<string> StateAsync(DbConnection connection, DbTransaction? transaction, long sequence)
    {
        var count = (await ColumnAsync(connection, transaction, $"SELECT COUNT(*) FROM \"{Table}\"")).Single();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM \"{Table}\" WHERE \"Sequence\" = {sequence}";
        await using var reader = await command.ExecuteReaderAsync();
        var state = new StringBuilder($"rows={count}");
        if (!await reader.ReadAsync())
        {
            return state.Append(" (row missing)").ToString();
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            state.Append(CultureInfo.InvariantCulture, $" {reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}");
        }

        return state.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}

public sealed class AuditAppendOnlyTests_Sqlite(SqliteApp app, ITestOutputHelper output) : AuditAppendOnlyTests(app, output), IClassFixture<SqliteApp>
{
    protected override IReadOnlyList<Tamper> Statements(long sequence, string columns, string forgedCopy) =>
    [
        new("UPDATE", $"UPDATE \"AuditRecords\" SET \"UserName\" = 'innocent' WHERE \"Sequence\" = {sequence}", true),
        new("UPDATE OR REPLACE", $"UPDATE OR REPLACE \"AuditRecords\" SET \"UserName\" = 'innocent' WHERE \"Sequence\" = {sequence}", true),
        new("DELETE (one row)", $"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {sequence}", true),
        new("DELETE (every row)", "DELETE FROM \"AuditRecords\"", true),
        new("INSERT OR REPLACE", $"INSERT OR REPLACE INTO \"AuditRecords\" ({columns}) {forgedCopy}", true),
        new("REPLACE INTO", $"REPLACE INTO \"AuditRecords\" ({columns}) {forgedCopy}", true),
        new("INSERT ... ON CONFLICT DO UPDATE (upsert)", $"INSERT INTO \"AuditRecords\" ({columns}) {forgedCopy} ON CONFLICT (\"Sequence\") DO UPDATE SET \"UserName\" = excluded.\"UserName\"", true),
        new("INSERT OR IGNORE", $"INSERT OR IGNORE INTO \"AuditRecords\" ({columns}) {forgedCopy}", false),
        new("INSERT ... ON CONFLICT DO NOTHING", $"INSERT INTO \"AuditRecords\" ({columns}) {forgedCopy} ON CONFLICT DO NOTHING", false),
        new("INSERT (same key)", $"INSERT INTO \"AuditRecords\" ({columns}) {forgedCopy}", false),
    ];

    // SQLite has no DISABLE TRIGGER: drop them inside the transaction, which the rollback restores.
    protected override async Task DisableGuardsAsync(DbConnection connection, DbTransaction transaction)
    {
        foreach (var name in await ColumnAsync(connection, transaction, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditRecords'"))
        {
            await ExecuteAsync(connection, transaction, $"DROP TRIGGER \"{name}\"");
        }
    }

    protected override async Task<IReadOnlyList<string>> MissingGuardsAsync(DbConnection connection, AppendOnlyTable table)
    {
        var present = await ColumnAsync(connection, null, $"SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{table.Name}'");
        return new[] { "no_update", "no_delete", "no_replace" }.Select(g => $"{table.Name}_{g}").Except(present).ToList();
    }
}

public sealed class AuditAppendOnlyTests_Postgres(PostgresApp app, ITestOutputHelper output) : AuditAppendOnlyTests(app, output), IClassFixture<PostgresApp>
{
    protected override IReadOnlyList<Tamper> Statements(long sequence, string columns, string forgedCopy) =>
    [
        new("UPDATE", $"UPDATE \"AuditRecords\" SET \"UserName\" = 'innocent' WHERE \"Sequence\" = {sequence}", true),
        new("DELETE (one row)", $"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {sequence}", true),
        new("DELETE (every row)", "DELETE FROM \"AuditRecords\"", true),
        new("TRUNCATE", "TRUNCATE \"AuditRecords\"", true),
        new("TRUNCATE ONLY ... CASCADE", "TRUNCATE ONLY \"AuditRecords\" CASCADE", true),
        new("INSERT ... ON CONFLICT (key) DO UPDATE", $"INSERT INTO \"AuditRecords\" ({columns}) {forgedCopy} ON CONFLICT (\"Sequence\") DO UPDATE SET \"UserName\" = EXCLUDED.\"UserName\"", true),
        new("INSERT ... ON CONFLICT ON CONSTRAINT DO UPDATE", $"INSERT INTO \"AuditRecords\" ({columns}) {forgedCopy} ON CONFLICT ON CONSTRAINT \"PK_AuditRecords\" DO UPDATE SET \"UserName\" = EXCLUDED.\"UserName\"", true),
        new("MERGE ... WHEN MATCHED THEN UPDATE", $"MERGE INTO \"AuditRecords\" AS t USING (SELECT {sequence}::bigint AS s) AS src ON t.\"Sequence\" = src.s WHEN MATCHED THEN UPDATE SET \"UserName\" = 'innocent'", true),
        new("MERGE ... WHEN MATCHED THEN DELETE", $"MERGE INTO \"AuditRecords\" AS t USING (SELECT {sequence}::bigint AS s) AS src ON t.\"Sequence\" = src.s WHEN MATCHED THEN DELETE", true),
        new("DELETE in a writable CTE", $"WITH gone AS (DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {sequence} RETURNING 1) SELECT COUNT(*) FROM gone", true),
        new("INSERT ... ON CONFLICT DO NOTHING", $"INSERT INTO \"AuditRecords\" ({columns}) {forgedCopy} ON CONFLICT DO NOTHING", false),
        new("INSERT (same key)", $"INSERT INTO \"AuditRecords\" ({columns}) {forgedCopy}", false),
    ];

    protected override Task DisableGuardsAsync(DbConnection connection, DbTransaction transaction) =>
        ExecuteAsync(connection, transaction, "ALTER TABLE \"AuditRecords\" DISABLE TRIGGER USER");

    /// <summary>Enabled BEFORE triggers by event (pg_trigger.tgtype bits: 1 row, 2 before, 8 delete, 16 update, 32 truncate).</summary>
    protected override async Task<IReadOnlyList<string>> MissingGuardsAsync(DbConnection connection, AppendOnlyTable table)
    {
        var types = (await ColumnAsync(connection, null,
            $"SELECT tgtype FROM pg_trigger WHERE tgrelid = '\"{table.Name}\"'::regclass AND NOT tgisinternal AND tgenabled <> 'D'"))
            .Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        bool Has(int eventBit, bool row) => types.Any(t => (t & 2) != 0 && (t & eventBit) != 0 && ((t & 1) != 0) == row);
        var missing = new List<string>();
        if (!Has(16, row: true))
        {
            missing.Add($"{table.Name}: BEFORE UPDATE row trigger");
        }

        if (!Has(8, row: true))
        {
            missing.Add($"{table.Name}: BEFORE DELETE row trigger");
        }

        if (!Has(32, row: false))
        {
            missing.Add($"{table.Name}: BEFORE TRUNCATE trigger");
        }

        return missing;
    }
}
