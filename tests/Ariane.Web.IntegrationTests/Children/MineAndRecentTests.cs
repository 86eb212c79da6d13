using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Children;

/// <summary>« Mes enfants » (named or delegated) and « Récemment consultés » (the records the user opened, still readable).</summary>
public abstract class MineAndRecentTests(ArianeApp app)
{
    private static DateOnly Today => Format.Today(TimeProvider.System);

    [Fact]
    public async Task Mine_lists_the_children_i_am_named_on_and_those_delegated_to_me()
    {
        // The north referent is named on ChildNord (TestWorld) and on a child of this test; the MECS educator
        // covers the referent by delegation for the second one only.
        var (named, other) = await app.WithDbAsync(async db =>
        {
            var child = new Child { BirthName = "Confié", FirstNames = "Basile", BirthDate = new PartialDate(2013, 1, 1) };
            var notNamed = new Child { BirthName = "Confié", FirstNames = "Côme", BirthDate = new PartialDate(2013, 1, 1) };
            db.Children.AddRange(child, notNamed);
            foreach (var c in new[] { child, notNamed })
            {
                db.ServiceAssignments.Add(new ServiceAssignment { ChildId = c.Id, ServiceId = app.World.Services["nord"], StartsOn = new DateOnly(2024, 1, 1) });
            }

            db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child.Id, UserId = app.World.Users["referent"], Role = WorkerRole.CaseWorker, StartsOn = new DateOnly(2024, 1, 1) });
            var now = DateTime.UtcNow;
            db.Delegations.Add(new Delegation { FromUserId = app.World.Users["referent"], ToUserId = app.World.Users["cadre"], ChildId = child.Id, StartsAt = now.AddHours(-1), EndsAt = now.AddDays(7), Reason = "Congés du référent" });
            await db.SaveChangesAsync();
            return (child.Id, notNamed.Id);
        });

        var mine = await IdsAsync("referent", "mine=true");
        Assert.Contains(app.World.ChildNord, mine);
        Assert.Contains(named, mine);
        Assert.DoesNotContain(other, mine);
        Assert.DoesNotContain(app.World.ChildElodie, mine);
        Assert.Contains(other, await IdsAsync("referent", "mine=false"));

        // The cadre reaches every child of the département, and « mine » keeps the one delegated to them.
        Assert.Equal([named], await IdsAsync("cadre", "mine=true"));
        Assert.Equal([named], await IdsAsync("cadre", "mine=true&q=confie"));

        var page = await PageHtml.GetPageAsync(await app.WebAsync("referent"), "/Children?mine=true");
        Assert.Contains("id=\"mine\" name=\"mine\" value=\"true\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains($"/Children/Details/{named}", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"/Children/Details/{other}", page, StringComparison.OrdinalIgnoreCase);

        var none = await PageHtml.GetPageAsync(await app.WebAsync("crip"), "/Children?mine=true");
        Assert.Contains("Aucun enfant ne vous est confié", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_lists_the_records_i_opened_newest_first_each_once()
    {
        var ids = await SeedAsync("nord", "Récent", 3);
        var web = await app.WebAsync("referent");
        foreach (var id in new[] { ids[0], ids[1], ids[2], ids[0] })
        {
            await PageHtml.GetPageAsync(web, $"/Children/Details/{id}");
        }

        var page = await PageHtml.GetPageAsync(web, "/Children");
        var recent = RecentSection(page);
        Assert.Equal([ids[0], ids[2], ids[1]], PageHtml.LinkIds(recent, "/Children/Details/").Select(Guid.Parse).Where(ids.Contains));
        Assert.Equal(1, PageHtml.Count(recent, $"/Children/Details/{ids[0]}"));

        // Not while searching: the results are what the user asked for.
        Assert.DoesNotContain("Récemment consultés", await PageHtml.GetPageAsync(web, "/Children?q=recent"), StringComparison.Ordinal);
        // Someone else's openings are not theirs.
        Assert.DoesNotContain("Récemment consultés", await PageHtml.GetPageAsync(await app.WebAsync("cadre"), "/Children"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_most_ten_records_are_listed()
    {
        var ids = await SeedAsync("nord", "Dizaine", 12);
        var web = await app.WebAsync("referent");
        foreach (var id in ids)
        {
            await PageHtml.GetPageAsync(web, $"/Children/Details/{id}");
        }

        var recent = RecentSection(await PageHtml.GetPageAsync(web, "/Children"));
        Assert.Equal(10, PageHtml.Count(recent, "<td data-label=\"Nom de naissance\">"));
        Assert.Equal(ids.Skip(2).Reverse(), PageHtml.LinkIds(recent, "/Children/Details/").Select(Guid.Parse));
    }

    [Fact]
    public async Task A_record_i_may_no_longer_read_leaves_the_recent_list()
    {
        var ids = await SeedAsync("sud", "Parti", 1);
        var web = await app.WebAsync("referent.sud");
        await PageHtml.GetPageAsync(web, $"/Children/Details/{ids[0]}");
        Assert.Contains($"/Children/Details/{ids[0]}", RecentSection(await PageHtml.GetPageAsync(web, "/Children")), StringComparison.OrdinalIgnoreCase);

        // The south's assignment ended yesterday: the record is out of reach, and out of the list.
        await app.WithDbAsync(async db =>
        {
            var assignment = await db.ServiceAssignments.SingleAsync(a => a.ChildId == ids[0]);
            assignment.EndsOn = Today.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await web.GetAsync($"/Children/Details/{ids[0]}")).StatusCode);
        var page = await PageHtml.GetPageAsync(web, "/Children");
        Assert.DoesNotContain(ids[0].ToString(), page, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<List<Guid>> IdsAsync(string user, string query)
    {
        var client = await app.ApiAsync(user);
        return [.. Json.Ids(await Json.ReadAsync(await client.GetAsync($"/api/v1/children?pageSize=100&{query}")))];
    }

    /// <summary>The « Récemment consultés » card of the search page, or an empty string.</summary>
    private static string RecentSection(string page)
    {
        var start = page.IndexOf("<section class=\"card recent\"", StringComparison.Ordinal);
        return start < 0 ? string.Empty : page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private Task<List<Guid>> SeedAsync(string service, string birthName, int count) => app.WithDbAsync(async db =>
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var child = new Child { BirthName = birthName, FirstNames = $"Enfant{i:00}", BirthDate = new PartialDate(2012, 1 + i, 1) };
            db.Children.Add(child);
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services[service], StartsOn = new DateOnly(2024, 1, 1) });
            ids.Add(child.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    });
}

public sealed class MineAndRecentTests_Sqlite(SqliteApp app) : MineAndRecentTests(app), IClassFixture<SqliteApp>;

public sealed class MineAndRecentTests_Postgres(PostgresApp app) : MineAndRecentTests(app), IClassFixture<PostgresApp>;
