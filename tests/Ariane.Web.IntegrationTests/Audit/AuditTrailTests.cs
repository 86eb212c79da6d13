using Ariane.Core.Audit;
using Ariane.Persistence.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Audit;

public abstract class AuditTrailTests(ArianeApp app)
{
    [Fact]
    public async Task The_chain_verifies_after_real_activity()
    {
        var client = await app.ApiAsync("referent");
        await client.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        await client.GetAsync("/api/v1/children?q=bernard");
        var result = await app.VerifyAuditAsync();
        Assert.True(result.IsIntact, string.Join("; ", result.Chains.Select(c => c.Problem)));
        Assert.True(result.RowsChecked > 10);
        // The child's rows are in its département's chain, sealed with the configured key.
        var chains = await app.WithDbAsync(db => db.AuditRecords.Where(r => r.ChildId == app.World.ChildNord)
            .Select(r => new { r.Chain, r.KeyId }).Distinct().ToListAsync());
        Assert.Equal([new { Chain = "98", KeyId = (string?)"test" }], chains);

        var (exitCode, output) = await AppCommand.RunAsync(app, "verify-audit");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Journal d'audit intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrate_command_is_safe_to_run_on_an_up_to_date_database()
    {
        var (exitCode, output) = await AppCommand.RunAsync(app, "migrate");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Migrations appliquées.", output, StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"UserName\" = 'quelqu''un' WHERE \"Sequence\" = 1")));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = 1")));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditRecords.CountAsync(r => r.Sequence == 1)));
    }
}

/// <summary>
/// Tampering needs the triggers out of the way (someone with the database owner's rights): the verify
/// command must then report the altered row. Own fixture, since it breaks the chain for good.
/// </summary>
public abstract class AuditTamperTests(ArianeApp app)
{
    protected abstract string DisableGuard { get; }

    [Fact]
    public async Task A_row_altered_directly_in_the_database_is_reported_by_verify()
    {
        var client = await app.ApiAsync("referent");
        await client.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        var target = await app.WithDbAsync(db => db.AuditRecords
            .Where(r => r.EventType == AuditEventType.ChildViewed).Select(r => new { r.Sequence, r.Chain, r.ChainSequence }).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(DisableGuard +
            $"UPDATE \"AuditRecords\" SET \"UserName\" = 'innocent' WHERE \"Sequence\" = {target.Sequence};"));

        var result = (await app.VerifyAuditAsync()).Chains.Single(c => c.Chain == target.Chain);
        Assert.False(result.IsIntact);
        Assert.Equal(target.ChainSequence, result.FirstBrokenSequence);
        Assert.Equal(target.ChainSequence - 1, result.RowsChecked);

        // The operator's command says the same, with a failing exit code.
        var (exitCode, output) = await AppCommand.RunAsync(app, "verify-audit");
        Assert.True(exitCode == 2, output);
        Assert.Contains($"Chaîne du département {target.Chain} ROMPUE à la ligne {target.ChainSequence}", output, StringComparison.Ordinal);
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailTests_Postgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;

public sealed class AuditTamperTests_Sqlite(SqliteApp app) : AuditTamperTests(app), IClassFixture<SqliteApp>
{
    protected override string DisableGuard => "DROP TRIGGER \"AuditRecords_no_update\";";
}

public sealed class AuditTamperTests_Postgres(PostgresApp app) : AuditTamperTests(app), IClassFixture<PostgresApp>
{
    protected override string DisableGuard => "ALTER TABLE \"AuditRecords\" DISABLE TRIGGER audit_records_no_update_delete;";
}
