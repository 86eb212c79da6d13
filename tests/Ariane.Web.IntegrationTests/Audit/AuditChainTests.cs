using Ariane.Core.Audit;
using Ariane.Persistence.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Audit;

/// <summary>
/// One audit chain per département (docs/decisions/0008-audit-chains.md): two départements append at the
/// same time, each into its own chain, and a row altered in one chain is reported there only. Each class
/// tampers with its own app (the chain stays broken).
/// </summary>
public abstract class AuditChainConcurrencyTests(ArianeApp app)
{
    protected abstract string DisableGuard { get; }

    [Fact]
    public async Task Two_departements_append_at_once_and_an_altered_row_is_reported_in_its_chain_only()
    {
        var vallee = await app.ApiAsync("crip");
        var collines = await app.ApiAsync("crip.collines");
        var reads = Enumerable.Range(0, 12).SelectMany(_ => new[]
        {
            vallee.GetAsync($"/api/v1/children/{app.World.ChildNord}"),
            collines.GetAsync($"/api/v1/children/{app.World.ChildCollines}"),
            vallee.GetAsync("/api/v1/children?q=bernard"),
            collines.GetAsync("/api/v1/children?q=vallonne"),
        });
        var responses = await Task.WhenAll(reads);
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));

        // Each child's rows are in its département's chain; each user's searches in the user's département's.
        var rows = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.ChildId == app.World.ChildNord || r.ChildId == app.World.ChildCollines || r.EventType == AuditEventType.ChildSearched)
            .Select(r => new { r.ChildId, r.UserName, r.EventType, r.Chain }).ToListAsync());
        Assert.All(rows.Where(r => r.ChildId == app.World.ChildNord), r => Assert.Equal("98", r.Chain));
        Assert.All(rows.Where(r => r.ChildId == app.World.ChildCollines), r => Assert.Equal(TestWorld.OtherDepartement, r.Chain));
        Assert.All(rows.Where(r => r.EventType == AuditEventType.ChildSearched && r.UserName == "crip.collines"), r => Assert.Equal(TestWorld.OtherDepartement, r.Chain));
        Assert.Equal(12, rows.Count(r => r.EventType == AuditEventType.ChildSearched && r.UserName == "crip" && r.Chain == "98"));
        // Sign-ins are platform events.
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.UserName == "crip.collines" && r.EventType == AuditEventType.ApiTokenIssued && r.Chain == AuditChains.Platform)));

        var before = await app.VerifyAuditAsync();
        Assert.True(before.IsIntact, string.Join("; ", before.Chains.Select(c => c.Problem)));
        Assert.Contains(before.Chains, c => c.Chain == TestWorld.OtherDepartement && c.RowsChecked >= 24);

        // Someone with the database owner's rights alters one row of the Collines chain.
        var target = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.Chain == TestWorld.OtherDepartement && r.EventType == AuditEventType.ChildViewed)
            .OrderBy(r => r.ChainSequence).Skip(3).Select(r => new { r.Sequence, r.ChainSequence }).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(DisableGuard +
            $"UPDATE \"AuditRecords\" SET \"UserName\" = 'quelqu''un d''autre' WHERE \"Sequence\" = {target.Sequence};"));

        var after = await app.VerifyAuditAsync();
        var broken = Assert.Single(after.Chains, c => !c.IsIntact);
        Assert.Equal(TestWorld.OtherDepartement, broken.Chain);
        Assert.Equal(target.ChainSequence, broken.FirstBrokenSequence);
        Assert.True(after.Chains.Single(c => c.Chain == "98").IsIntact);

        // The operator verifies one chain or all; each reports its own state.
        var (allExit, all) = await AppCommand.RunAsync(app, "verify-audit");
        Assert.True(allExit == 2, all);
        Assert.Contains($"Chaîne du département 97 ROMPUE à la ligne {target.ChainSequence}", all, StringComparison.Ordinal);
        Assert.Contains("Chaîne du département 98 intacte", all, StringComparison.Ordinal);
        var (oneExit, one) = await AppCommand.RunAsync(app, "verify-audit", "98");
        Assert.True(oneExit == 0, one);
        Assert.DoesNotContain("97", one, StringComparison.Ordinal);
    }
}

/// <summary>
/// What the seal key and the exported heads add: without the key a rewritten chain cannot be sealed again;
/// with the key it can, but not past a head exported before, and cutting the end shows too.
/// </summary>
public abstract class AuditChainSealTests(ArianeApp app)
{
    protected abstract string DisableGuard { get; }

    private static readonly AuditSealKey TestKey = new("test", Convert.FromBase64String(ArianeApp.TestSealKey));

    [Fact]
    public async Task A_chain_rewritten_and_resealed_with_the_key_is_caught_by_the_head_exported_before()
    {
        var client = await app.ApiAsync("referent");
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        }

        await app.ExportAuditHeadsAsync();
        var exported = (await AuditHeadExport.LoadAsync(app.HeadsFile, CancellationToken.None)).Last(h => h.Chain == "98");

        // Rewrite a row of chain 98 and re-seal it and every row after it, as someone holding the key would.
        var rows = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking().Where(r => r.Chain == "98")
            .OrderBy(r => r.ChainSequence).ToListAsync());
        var listed = (await app.WithDbAsync(db => db.AuditListedChildren.AsNoTracking().ToListAsync())).ToLookup(l => l.AuditSequence);
        var from = rows.FindIndex(r => r.EventType == AuditEventType.ChildViewed && r.UserName == "referent");
        var sql = new System.Text.StringBuilder(DisableGuard);
        var previous = rows[from].PreviousHash;
        for (var i = from; i < rows.Count; i++)
        {
            var row = rows[i];
            row.ListedChildren.AddRange(listed[row.Sequence]);
            if (i == from)
            {
                row.UserName = "quelqu'un d'autre";
            }

            AuditHasher.Seal(row, previous, TestKey);
            previous = row.Hash;
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"UPDATE \"AuditRecords\" SET \"UserName\" = '{row.UserName!.Replace("'", "''", StringComparison.Ordinal)}', \"PreviousHash\" = '{row.PreviousHash}', \"Hash\" = '{row.Hash}' WHERE \"Sequence\" = {row.Sequence};");
        }

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql.ToString()));

        // The database alone looks intact...
        var keys = new AuditSealKeys([TestKey], TestKey.Id);
        var withoutHeads = await app.WithDbAsync(db => AuditVerifier.VerifyAsync(db, keys, "98", [], CancellationToken.None));
        Assert.True(withoutHeads.IsIntact);

        // ...but the head exported before no longer matches.
        var report = await app.VerifyAuditAsync();
        var chain = report.Chains.Single(c => c.Chain == "98");
        Assert.False(chain.IsIntact);
        Assert.Equal(exported.ChainSequence, chain.FirstBrokenSequence);
        Assert.Contains("réécrite", chain.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_key_a_rewritten_row_cannot_be_sealed_again()
    {
        var client = await app.ApiAsync("crip.collines");
        await client.GetAsync($"/api/v1/children/{app.World.ChildCollines}");
        var row = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.Chain == TestWorld.OtherDepartement && r.EventType == AuditEventType.ChildViewed).OrderBy(r => r.ChainSequence).FirstAsync());

        // Unkeyed, as the trail was sealed before keys: refused outside the platform chain's first rows.
        row.UserName = "quelqu'un d'autre";
        row.KeyId = null;
        var forged = AuditHasher.Compute(row, row.PreviousHash, null);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(DisableGuard +
            $"UPDATE \"AuditRecords\" SET \"UserName\" = 'quelqu''un d''autre', \"KeyId\" = NULL, \"Hash\" = '{forged}' WHERE \"Sequence\" = {row.Sequence};"));

        var chain = (await app.VerifyAuditAsync()).Chains.Single(c => c.Chain == TestWorld.OtherDepartement);
        Assert.Equal(row.ChainSequence, chain.FirstBrokenSequence);
        Assert.Contains("non scellée par une clé", chain.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cutting_the_end_of_a_chain_is_caught_by_the_head_exported_before()
    {
        var client = await app.ApiAsync("crip");
        await client.GetAsync("/api/v1/children?q=moreau");
        await client.GetAsync($"/api/v1/children/{app.World.ChildSud}");
        await app.ExportAuditHeadsAsync();
        var last = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking().Where(r => r.Chain == AuditChains.Platform)
            .OrderByDescending(r => r.ChainSequence).Select(r => new { r.Sequence, r.ChainSequence }).FirstAsync());

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(DisableGuard +
            $"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {last.Sequence};"));

        var chain = (await app.VerifyAuditAsync()).Chains.Single(c => c.Chain == AuditChains.Platform);
        Assert.False(chain.IsIntact);
        Assert.Contains("la fin a été supprimée", chain.Problem, StringComparison.Ordinal);
        Assert.Equal(last.ChainSequence - 1, chain.RowsChecked);
    }
}

public sealed class AuditChainConcurrencyTests_Sqlite(SqliteApp app) : AuditChainConcurrencyTests(app), IClassFixture<SqliteApp>
{
    protected override string DisableGuard => "DROP TRIGGER IF EXISTS \"AuditRecords_no_update\";";
}

public sealed class AuditChainConcurrencyTests_Postgres(PostgresApp app) : AuditChainConcurrencyTests(app), IClassFixture<PostgresApp>
{
    protected override string DisableGuard => "ALTER TABLE \"AuditRecords\" DISABLE TRIGGER audit_records_no_update_delete;";
}

public sealed class AuditChainSealTests_Sqlite(SqliteApp app) : AuditChainSealTests(app), IClassFixture<SqliteApp>
{
    protected override string DisableGuard => "DROP TRIGGER IF EXISTS \"AuditRecords_no_update\"; DROP TRIGGER IF EXISTS \"AuditRecords_no_delete\";";
}

public sealed class AuditChainSealTests_Postgres(PostgresApp app) : AuditChainSealTests(app), IClassFixture<PostgresApp>
{
    protected override string DisableGuard => "ALTER TABLE \"AuditRecords\" DISABLE TRIGGER audit_records_no_update_delete;";
}
