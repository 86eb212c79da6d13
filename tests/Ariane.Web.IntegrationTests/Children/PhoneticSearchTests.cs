using System.Text.Json;
using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;

namespace Ariane.Web.IntegrationTests.Children;

/// <summary>Names found by how they sound, after those that match their spelling; never a child out of reach.</summary>
public abstract class PhoneticSearchTests(ArianeApp app)
{
    [Theory]
    [InlineData("roland", "Rolland", "Maël")]
    [InlineData("lefebre", "Lefèvre", "Gaspard")]
    [InlineData("dupond", "Dupont", "Suzon")]
    [InlineData("philippe", "Garnier", "Filipe")]
    public async Task A_name_typed_as_it_sounds_finds_the_record(string typed, string birthName, string firstNames)
    {
        var id = await SeedAsync((birthName, firstNames, "nord"));
        var items = await SearchAsync("crip", typed);
        var item = Assert.Single(items, i => i.GetProperty("id").GetGuid() == id[0]);
        Assert.True(item.GetProperty("matchedBySound").GetBoolean());
    }

    [Fact]
    public async Task The_exact_spelling_and_the_prefixes_come_before_the_names_found_by_sound()
    {
        var ids = await SeedAsync(("Rolland", "Timéo", "nord"), ("Roland", "Timéo", "nord"), ("Rolandin", "Timéo", "nord"));
        var (rolland, roland, rolandin) = (ids[0], ids[1], ids[2]);
        var found = (await SearchAsync("crip", "roland timeo")).Select(i => i.GetProperty("id").GetGuid()).ToList();
        // The exact name and the longer one it begins (in the order of the names), then the one spelled otherwise.
        var ours = found.Where(ids.Contains).ToList();
        Assert.Equal(3, ours.Count);
        Assert.Equal(rolland, ours[2]);
        Assert.Equal(new[] { roland, rolandin }.Order(), ours.Take(2).Order());

        var page = await PageHtml.GetPageAsync(await app.WebAsync("crip"), "/Children?q=roland+timeo");
        Assert.True(page.IndexOf($"/Children/Details/{roland}", StringComparison.OrdinalIgnoreCase) < page.IndexOf($"/Children/Details/{rolland}", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, PageHtml.Count(page, "Orthographe proche"));
    }

    [Fact]
    public async Task Names_that_only_look_alike_do_not_match()
    {
        var ids = await SeedAsync(("Morin", "Anatole", "nord"), ("Martin", "Anatole", "nord"));
        var found = (await SearchAsync("crip", "martin anatole")).Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(ids[1], found);
        Assert.DoesNotContain(ids[0], found);
    }

    [Fact]
    public async Task Pages_through_spelled_and_sounded_matches_without_repeating_or_skipping_anyone()
    {
        var ids = await SeedAsync(
            ("Lefèvre", "Oscar", "nord"), ("Lefebvre", "Oscar", "nord"), ("Lefevre", "Oscar", "nord"), ("Lefebre", "Oscar", "nord"),
            ("Lefèvre-Dubois", "Oscar", "nord"));
        var client = await app.ApiAsync("crip");
        var seen = new List<Guid>();
        var bySound = new List<bool>();
        string? after = null;
        do
        {
            var page = await Json.ReadAsync(await client.GetAsync("/api/v1/children?q=lefevre+oscar&pageSize=2" + (after is null ? string.Empty : "&after=" + after)));
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                seen.Add(item.GetProperty("id").GetGuid());
                bySound.Add(item.GetProperty("matchedBySound").GetBoolean());
            }

            after = page.GetProperty("nextCursor").GetString();
        }
        while (after is not null && seen.Count < 50);

        Assert.Equal(ids.Order(), seen.Where(ids.Contains).Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        // Spelled matches first (Lefèvre, Lefevre, Lefèvre-Dubois), then by sound (Lefebvre, Lefebre).
        Assert.Equal([false, false, false, true, true], bySound);
    }

    [Fact]
    public async Task A_name_found_by_sound_is_never_a_child_out_of_reach()
    {
        var ids = await SeedAsync(("Rollande", "Inaya", "sud"));
        Assert.DoesNotContain(ids[0], (await SearchAsync("referent", "rolande inaya")).Select(i => i.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(ids[0], (await SearchAsync("partner", "rolande inaya")).Select(i => i.GetProperty("id").GetGuid()));
        Assert.Contains(ids[0], (await SearchAsync("referent.sud", "rolande inaya")).Select(i => i.GetProperty("id").GetGuid()));
    }

    private async Task<IReadOnlyList<JsonElement>> SearchAsync(string user, string q)
    {
        var client = await app.ApiAsync(user);
        var page = await Json.ReadAsync(await client.GetAsync($"/api/v1/children?pageSize=100&q={Uri.EscapeDataString(q)}"));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Children of this test only, each assigned to a service of TestWorld.</summary>
    private Task<List<Guid>> SeedAsync(params (string BirthName, string FirstNames, string Service)[] children) => app.WithDbAsync(async db =>
    {
        var ids = new List<Guid>();
        foreach (var (birthName, firstNames, service) in children)
        {
            var child = new Child { BirthName = birthName, FirstNames = firstNames, BirthDate = new PartialDate(2017, 6, 1) };
            db.Children.Add(child);
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services[service], StartsOn = new DateOnly(2024, 1, 1) });
            ids.Add(child.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    });
}

public sealed class PhoneticSearchTests_Sqlite(SqliteApp app) : PhoneticSearchTests(app), IClassFixture<SqliteApp>;

public sealed class PhoneticSearchTests_Postgres(PostgresApp app) : PhoneticSearchTests(app), IClassFixture<PostgresApp>;
