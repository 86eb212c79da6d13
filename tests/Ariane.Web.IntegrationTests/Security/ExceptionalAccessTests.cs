using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Security;

public abstract class ExceptionalAccessTests(ArianeApp app)
{
    [Fact]
    public async Task Break_the_glass_needs_a_real_reason_gives_read_only_access_and_alerts_the_cadre()
    {
        var client = await app.ApiAsync("educator");
        var child = app.World.ChildSud;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/children/{child}")).StatusCode);

        var tooShort = await client.PostAsJsonAsync($"/api/v1/children/{child}/break-glass", new { reason = "urgence" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);

        var opened = await client.PostAsJsonAsync($"/api/v1/children/{child}/break-glass", new { reason = "Fugue signalée cette nuit, besoin des contacts des parents" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        var read = await client.GetAsync($"/api/v1/children/{child}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("BreakGlass", (await Json.ReadAsync(read)).GetProperty("accessBasis").GetString());
        // Read only: the change is refused, and since the record is open to them, refused as such (403).
        var write = await client.PutAsJsonAsync($"/api/v1/children/{child}", new { child = new { birthName = "Moreau", firstNames = "Pirate" }, version = 0 });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("Inès", await app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.FirstNames).SingleAsync()));

        var alert = await app.WithDbAsync(db => db.AccessAlerts.SingleAsync(a => a.ChildId == child && a.UserId == app.World.Users["educator"]));
        Assert.Null(alert.AcknowledgedAt);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.ChildViewed && r.ChildId == child && r.AccessBasis == AccessBasis.BreakGlass)));
    }

    [Fact]
    public async Task Roles_without_the_right_cannot_break_the_glass()
    {
        var client = await app.ApiAsync("partner");
        var response = await client.PostAsJsonAsync($"/api/v1/children/{app.World.ChildSud}/break-glass", new { reason = "Je voudrais voir ce dossier s'il vous plaît" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/children/{app.World.ChildSud}")).StatusCode);
    }

    [Fact]
    public async Task A_delegation_lets_a_named_colleague_in_until_it_is_revoked()
    {
        var colleague = await app.ApiAsync("referent.sud");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/children/{app.World.ChildNord}")).StatusCode);

        var delegationId = await app.WithDbAsync(async db =>
        {
            var delegation = new Delegation
            {
                FromUserId = app.World.Users["referent"],
                ToUserId = app.World.Users["referent.sud"],
                StartsAt = DateTime.UtcNow.AddMinutes(-1),
                EndsAt = DateTime.UtcNow.AddDays(7),
                Reason = "Congés",
            };
            db.Delegations.Add(delegation);
            await db.SaveChangesAsync();
            return delegation.Id;
        });

        var read = await colleague.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Delegation", (await Json.ReadAsync(read)).GetProperty("accessBasis").GetString());
        var list = Json.Ids(await Json.ReadAsync(await colleague.GetAsync("/api/v1/children?q=bernard")));
        Assert.Contains(app.World.ChildNord, list);

        await app.WithDbAsync(async db =>
        {
            var d = await db.Delegations.SingleAsync(x => x.Id == delegationId);
            d.RevokedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/children/{app.World.ChildNord}")).StatusCode);
    }

    [Fact]
    public async Task A_delegate_cannot_assign_themselves_and_the_delegation_ends_with_the_delegators_link()
    {
        var child = await app.WithDbAsync(async db =>
        {
            var c = new Ariane.Core.Children.Child { BirthName = "Délégué", FirstNames = "Test" };
            db.Children.Add(c);
            db.ServiceAssignments.Add(new Ariane.Core.Children.ServiceAssignment { ChildId = c.Id, ServiceId = app.World.Services["nord"], StartsOn = new DateOnly(2024, 1, 1) });
            db.WorkerAssignments.Add(new Ariane.Core.Children.WorkerAssignment { ChildId = c.Id, UserId = app.World.Users["referent"], Role = Ariane.Core.Children.WorkerRole.CaseWorker, StartsOn = new DateOnly(2024, 1, 1) });
            db.Delegations.Add(new Delegation
            {
                FromUserId = app.World.Users["referent"],
                ToUserId = app.World.Users["referent.sud"],
                ChildId = c.Id,
                StartsAt = DateTime.UtcNow.AddMinutes(-1),
                EndsAt = DateTime.UtcNow.AddDays(7),
                Reason = "Congés",
            });
            await db.SaveChangesAsync();
            return c.Id;
        });
        var colleague = await app.ApiAsync("referent.sud");
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/v1/children/{child}")).StatusCode);

        // Cover is not ownership: naming oneself on the child would outlive the delegation.
        var self = await colleague.PostAsJsonAsync($"/api/v1/children/{child}/assignments", new
        {
            userId = app.World.Users["referent.sud"],
            role = "CaseWorker",
            startsOn = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.WorkerAssignments.AnyAsync(w => w.ChildId == child && w.UserId == app.World.Users["referent.sud"])));

        // The delegator is taken off the child: the delegation gives nothing any more.
        await app.WithDbAsync(async db =>
        {
            var named = await db.WorkerAssignments.SingleAsync(w => w.ChildId == child && w.UserId == app.World.Users["referent"]);
            named.EndsOn = new DateOnly(2025, 1, 1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/children/{child}")).StatusCode);
    }

    [Fact]
    public async Task The_cadre_and_the_dpo_see_who_accessed_a_record_but_a_referent_does_not()
    {
        var referent = await app.ApiAsync("referent");
        await referent.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync($"/api/v1/children/{app.World.ChildNord}/access-log")).StatusCode);

        foreach (var user in new[] { "cadre", "dpo" })
        {
            var client = await app.ApiAsync(user);
            var log = await client.GetAsync($"/api/v1/children/{app.World.ChildNord}/access-log");
            Assert.Equal(HttpStatusCode.OK, log.StatusCode);
            var items = (await Json.ReadAsync(log)).GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(items, i => i.GetProperty("userName").GetString() == "referent" && i.GetProperty("eventType").GetString() == "ChildViewed");
        }
    }
}

public sealed class ExceptionalAccessTests_Sqlite(SqliteApp app) : ExceptionalAccessTests(app), IClassFixture<SqliteApp>;

public sealed class ExceptionalAccessTests_Postgres(PostgresApp app) : ExceptionalAccessTests(app), IClassFixture<PostgresApp>;
