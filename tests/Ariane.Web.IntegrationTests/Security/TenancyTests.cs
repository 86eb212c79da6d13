using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>
/// Tenancy (docs/decisions/0007-tenancy.md): a département-wide role reaches the children of its own
/// département only; a service-scope role follows the assignment whichever département is responsible.
/// The test world has two départements: « 98 » (most children) and « 97 » des Collines (one child).
/// </summary>
public abstract class TenancyTests(ArianeApp app)
{
    [Fact]
    public async Task A_crip_of_another_departement_cannot_find_open_list_or_break_the_glass_on_a_child()
    {
        var api = await app.ApiAsync("crip.collines");
        var web = await app.WebAsync("crip.collines");
        var child = app.World.ChildNord;

        // Search and list: nothing of the other département.
        Assert.Empty(Json.Ids(await Json.ReadAsync(await api.GetAsync("/api/v1/children?q=bernard"))));
        Assert.Empty(Json.Ids(await Json.ReadAsync(await api.GetAsync("/api/v1/children?q=durand"))));
        Assert.DoesNotContain("/Children/Details/", await PageHtml.GetPageAsync(web, "/Children?q=durand"), StringComparison.Ordinal);

        // Open: answered as an unknown id, and the refusal is on record.
        var known = await api.GetAsync($"/api/v1/children/{child}");
        var unknown = await api.GetAsync($"/api/v1/children/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, known.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Children/Details/{child}")).StatusCode);
        var userId = app.World.Users["crip.collines"];
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.AccessDenied && r.ChildId == child && r.UserId == userId)));

        // Break the glass: not for this role, and no exceptional access is opened.
        var glass = await api.PostAsJsonAsync($"/api/v1/children/{child}/break-glass", new { reason = "Je voudrais voir ce dossier d'un autre département" });
        Assert.NotEqual(HttpStatusCode.OK, glass.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BreakGlassAccesses.AnyAsync(b => b.ChildId == child && b.UserId == userId)));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{child}")).StatusCode);
    }

    [Fact]
    public async Task Each_crip_finds_and_opens_the_children_of_its_own_departement_only()
    {
        var collines = await app.ApiAsync("crip.collines");
        Assert.Equal([app.World.ChildCollines], Json.Ids(await Json.ReadAsync(await collines.GetAsync("/api/v1/children?q=hortense"))));
        Assert.Equal(HttpStatusCode.OK, (await collines.GetAsync($"/api/v1/children/{app.World.ChildCollines}")).StatusCode);

        var crip = await app.ApiAsync("crip");
        Assert.Empty(Json.Ids(await Json.ReadAsync(await crip.GetAsync("/api/v1/children?q=hortense"))));
        Assert.Equal(HttpStatusCode.NotFound, (await crip.GetAsync($"/api/v1/children/{app.World.ChildCollines}")).StatusCode);
        var web = await app.WebAsync("crip");
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Children/Details/{app.World.ChildCollines}")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r =>
            r.EventType == AuditEventType.AccessDenied && r.ChildId == app.World.ChildCollines && r.UserId == app.World.Users["crip"])));
        Assert.Equal(HttpStatusCode.OK, (await crip.GetAsync($"/api/v1/children/{app.World.ChildNord}")).StatusCode);
    }

    [Fact]
    public async Task An_educator_of_a_mecs_sees_the_children_assigned_to_it_whatever_their_departement()
    {
        var educator = await app.ApiAsync("educator");
        Assert.Equal(HttpStatusCode.OK, (await educator.GetAsync($"/api/v1/children/{app.World.ChildCollines}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await educator.GetAsync($"/api/v1/children/{app.World.ChildElodie}")).StatusCode);
        Assert.Equal([app.World.ChildCollines], Json.Ids(await Json.ReadAsync(await educator.GetAsync("/api/v1/children?q=hortense"))));
        Assert.Equal([app.World.ChildElodie], Json.Ids(await Json.ReadAsync(await educator.GetAsync("/api/v1/children?q=elodie"))));
    }

    [Fact]
    public async Task The_list_filter_agrees_with_the_policy_across_departements()
    {
        // The SQL filter (search) and the policy (opening) must give the same answer for every child of
        // both départements, for a département role of each and a service role serving both.
        Guid[] children = [app.World.ChildNord, app.World.ChildMdph, app.World.ChildSud, app.World.ChildElodie, app.World.ChildLoic, app.World.ChildCollines];
        string[] queries = ["bernard", "petit", "moreau", "elodie", "goff", "hortense"];
        foreach (var user in new[] { "crip", "crip.collines", "educator", "referent" })
        {
            var client = await app.ApiAsync(user);
            for (var i = 0; i < children.Length; i++)
            {
                var listed = Json.Ids(await Json.ReadAsync(await client.GetAsync($"/api/v1/children?q={queries[i]}"))).Contains(children[i]);
                var opened = (await client.GetAsync($"/api/v1/children/{children[i]}")).StatusCode == HttpStatusCode.OK;
                Assert.True(listed == opened, $"{user}, child « {queries[i]} »: listed {listed}, opened {opened}");
            }
        }
    }
}

public sealed class TenancyTests_Sqlite(SqliteApp app) : TenancyTests(app), IClassFixture<SqliteApp>;

public sealed class TenancyTests_Postgres(PostgresApp app) : TenancyTests(app), IClassFixture<PostgresApp>;
