using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Children;

public abstract class ChildSearchTests(ArianeApp app)
{
    [Theory]
    [InlineData("elodie")]
    [InlineData("ÉLODIE d'arc")]
    [InlineData("darc dupont")]
    [InlineData("dupont elodie")]
    [InlineData("Marie D'Arc-Dupont")]
    [InlineData("d arc")]
    public async Task Finds_a_child_whatever_the_accents_case_hyphens_and_order(string query)
    {
        var client = await app.ApiAsync("crip");
        var page = await Json.ReadAsync(await client.GetAsync($"/api/v1/children?q={Uri.EscapeDataString(query)}"));
        Assert.Contains(app.World.ChildElodie, Json.Ids(page));
    }

    [Theory]
    [InlineData("12/03/2015", true)]
    [InlineData("03/2015", true)]
    [InlineData("2015", true)]
    [InlineData("13/03/2015", false)]
    [InlineData("2016", false)]
    public async Task Filters_by_a_partial_birth_date(string birthDate, bool found)
    {
        var client = await app.ApiAsync("crip");
        var page = await Json.ReadAsync(await client.GetAsync($"/api/v1/children?q=elodie&birthDate={Uri.EscapeDataString(birthDate)}"));
        Assert.Equal(found, Json.Ids(page).Contains(app.World.ChildElodie));
    }

    [Fact]
    public async Task A_date_typed_among_the_names_filters_by_birth_date()
    {
        var client = await app.ApiAsync("crip");
        Assert.Equal([app.World.ChildElodie], Json.Ids(await Json.ReadAsync(await client.GetAsync("/api/v1/children?q=" + Uri.EscapeDataString("élodie 12/03/2015")))));
        Assert.Empty(Json.Ids(await Json.ReadAsync(await client.GetAsync("/api/v1/children?q=" + Uri.EscapeDataString("élodie 2016")))));
    }

    [Fact]
    public async Task A_child_with_only_a_known_birth_year_is_found_by_year()
    {
        var client = await app.ApiAsync("crip");
        var page = await Json.ReadAsync(await client.GetAsync("/api/v1/children?q=goff&birthDate=2014"));
        Assert.Equal([app.World.ChildLoic], Json.Ids(page));
    }

    [Fact]
    public async Task Pages_through_results_without_repeating_or_skipping_anyone()
    {
        var client = await app.ApiAsync("crip");
        var seen = new List<Guid>();
        string? after = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/children?q=durand&pageSize=7" + (after is null ? string.Empty : "&after=" + after);
            var page = await Json.ReadAsync(await client.GetAsync(url));
            seen.AddRange(Json.Ids(page));
            after = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (after is not null && pages < 20);

        Assert.Equal(30, seen.Count);
        Assert.Equal(30, seen.Distinct().Count());
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task A_partner_only_finds_the_children_assigned_to_their_service()
    {
        var client = await app.ApiAsync("partner");
        var all = await Json.ReadAsync(await client.GetAsync("/api/v1/children?pageSize=100"));
        Assert.Equal([app.World.ChildMdph], Json.Ids(all));
        var byName = await Json.ReadAsync(await client.GetAsync("/api/v1/children?q=bernard"));
        Assert.Empty(Json.Ids(byName));
    }

    [Fact]
    public async Task A_referent_finds_the_children_of_their_territory_only()
    {
        var client = await app.ApiAsync("referent.sud");
        var ids = Json.Ids(await Json.ReadAsync(await client.GetAsync("/api/v1/children?pageSize=100")));
        Assert.Contains(app.World.ChildSud, ids);
        Assert.Contains(app.World.ChildLoic, ids);
        Assert.DoesNotContain(app.World.ChildNord, ids);
        Assert.DoesNotContain(app.World.ChildElodie, ids);
    }

    [Theory]
    [InlineData("crip")]
    [InlineData("referent")]
    [InlineData("referent.sud")]
    [InlineData("educator")]
    [InlineData("partner")]
    [InlineData("health")]
    [InlineData("dpo")]
    public async Task The_list_shows_exactly_the_children_the_policy_lets_the_user_open(string user)
    {
        var client = await app.ApiAsync(user);
        var listed = new HashSet<Guid>();
        string? after = null;
        do
        {
            var page = await Json.ReadAsync(await client.GetAsync("/api/v1/children?pageSize=100" + (after is null ? string.Empty : "&after=" + after)));
            listed.UnionWith(Json.Ids(page));
            after = page.GetProperty("nextCursor").GetString();
        }
        while (after is not null);

        var all = await app.WithDbAsync(db => db.Children.Select(c => c.Id).ToListAsync());
        foreach (var id in all)
        {
            var status = (await client.GetAsync($"/api/v1/children/{id}")).StatusCode;
            Assert.True(listed.Contains(id) == (status == System.Net.HttpStatusCode.OK), $"{user}: child {id} listed={listed.Contains(id)} but GET answered {(int)status}");
        }
    }

    [Fact]
    public async Task Every_search_is_audited_with_its_terms()
    {
        var client = await app.ApiAsync("crip");
        var marker = "zzmarker" + Guid.NewGuid().ToString("N")[..6];
        await client.GetAsync($"/api/v1/children?q={marker}");
        var audited = await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r =>
            r.EventType == AuditEventType.ChildSearched && r.UserId == app.World.Users["crip"] && r.Details!.Contains(marker)));
        Assert.True(audited);
    }

    [Theory]
    [InlineData("birthDate=31/02/2015")]
    [InlineData("birthDate=hier")]
    [InlineData("pageSize=1000")]
    [InlineData("after=pas-un-curseur")]
    public async Task Rejects_bad_search_parameters_with_field_errors(string parameters)
    {
        var client = await app.ApiAsync("crip");
        var response = await client.GetAsync($"/api/v1/children?{parameters}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.True(problem.TryGetProperty("errors", out _), await response.Content.ReadAsStringAsync());
    }
}

public sealed class ChildSearchTests_Sqlite(SqliteApp app) : ChildSearchTests(app), IClassFixture<SqliteApp>;

public sealed class ChildSearchTests_Postgres(PostgresApp app) : ChildSearchTests(app), IClassFixture<PostgresApp>;
