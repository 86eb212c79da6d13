using System.Text.Json;
using Ariane.Core.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Children;

/// <summary>The columns of the results that tell children apart: age, town, services, référent, and the siblings found together.</summary>
public abstract class ChildListColumnsTests(ArianeApp app)
{
    private static DateOnly Today => Format.Today(TimeProvider.System);

    [Fact]
    public async Task Shows_the_age_in_years_and_in_months_for_a_baby()
    {
        var (seven, baby) = await app.WithDbAsync(async db =>
        {
            var born = Today.AddYears(-7);
            var older = new Child { BirthName = "Agecolonne", FirstNames = "Aurèle", BirthDate = new PartialDate(born.Year, born.Month, born.Day) };
            var birth = Today.AddMonths(-14);
            var younger = new Child { BirthName = "Agecolonne", FirstNames = "Bérénice", BirthDate = new PartialDate(birth.Year, birth.Month, birth.Day) };
            db.Children.AddRange(older, younger);
            db.ServiceAssignments.AddRange(Assigned(older.Id, "nord"), Assigned(younger.Id, "nord"));
            await db.SaveChangesAsync();
            return (older.Id, younger.Id);
        });
        var items = await SearchAsync("referent", "agecolonne");
        Assert.Equal("7 ans", Item(items, seven).GetProperty("age").GetString());
        Assert.Equal("14 mois", Item(items, baby).GetProperty("age").GetString());

        var page = await PageHtml.GetPageAsync(await app.WebAsync("referent"), "/Children?q=agecolonne");
        Assert.Contains("<td data-label=\"Âge\" class=\"nowrap\">7 ans</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Âge\" class=\"nowrap\">14 mois</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_town_of_the_current_address_the_services_and_the_referent_of_today_and_never_the_motive()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var child = new Child { BirthName = "Colonnes", FirstNames = "Ysée", BirthDate = new PartialDate(2015, 2, 3) };
            db.Children.Add(child);
            db.ChildAddresses.AddRange(
                new ChildAddress { ChildId = child.Id, Line = "1 rue Ancienne", City = "Vieilleville", From = new DateOnly(2016, 1, 1), To = Today.AddDays(-30) },
                new ChildAddress { ChildId = child.Id, Line = "2 rue Neuve", City = "Neuville-sur-Lac", From = Today.AddDays(-29) });
            db.ServiceAssignments.AddRange(
                Assigned(child.Id, "nord", AssignmentMotiveCatalogue.Pmi),
                Assigned(child.Id, "mecs", AssignmentMotiveCatalogue.JudicialSupport),
                new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["sud"], StartsOn = new DateOnly(2020, 1, 1), EndsOn = Today.AddDays(-1) });
            db.WorkerAssignments.AddRange(
                new WorkerAssignment { ChildId = child.Id, UserId = app.World.Users["referent"], Role = WorkerRole.CaseWorker, StartsOn = new DateOnly(2024, 1, 1) },
                new WorkerAssignment { ChildId = child.Id, UserId = app.World.Users["referent.sud"], Role = WorkerRole.CaseWorker, StartsOn = new DateOnly(2020, 1, 1), EndsOn = Today.AddDays(-1) },
                new WorkerAssignment { ChildId = child.Id, UserId = app.World.Users["educator"], Role = WorkerRole.Educator, StartsOn = new DateOnly(2024, 1, 1) });
            await db.SaveChangesAsync();
            return child.Id;
        });

        var item = Item(await SearchAsync("crip", "colonnes ysee"), id);
        Assert.Equal("Neuville-sur-Lac", item.GetProperty("city").GetString());
        Assert.Equal(["ASE Nord", "MECS Test"], Strings(item.GetProperty("services")));
        Assert.Equal(["Test referent"], Strings(item.GetProperty("referents")));

        foreach (var (url, client) in new[] { ("/Children?q=colonnes+ysee", await app.WebAsync("crip")), ("/Children?q=colonnes+ysee", await app.WebAsync("health")) })
        {
            var page = await PageHtml.GetPageAsync(client, url);
            Assert.Contains("<td data-label=\"Commune\">Neuville-sur-Lac</td>", page, StringComparison.Ordinal);
            Assert.Contains("<td data-label=\"Services\">ASE Nord, MECS Test</td>", page, StringComparison.Ordinal);
            Assert.Contains("<td data-label=\"Référent\">Test referent</td>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Vieilleville", page, StringComparison.Ordinal);
            Assert.DoesNotContain("ASE Sud", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Test referent.sud", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Test educator", page, StringComparison.Ordinal);
            // The motives have their own sections (health, judicial): never in the list, not even for who may read them.
            Assert.DoesNotContain("Suivi PMI", page, StringComparison.Ordinal);
            Assert.DoesNotContain("mesure judiciaire", page, StringComparison.Ordinal);
        }

        var json = await (await app.ApiAsync("health")).GetStringAsync("/api/v1/children?q=colonnes+ysee");
        Assert.DoesNotContain("Suivi PMI", json, StringComparison.Ordinal);
        Assert.DoesNotContain(AssignmentMotiveCatalogue.JudicialSupport, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_line_names_the_brothers_and_sisters_found_by_the_same_search()
    {
        var family = await SeedFamilyAsync();
        var items = await SearchAsync("crip", "fratrielist");
        Assert.Equal([family.Sister, family.HalfBrother], Siblings(Item(items, family.Eldest)));
        Assert.Equal([family.Eldest, family.HalfBrother], Siblings(Item(items, family.Sister)));
        Assert.Equal([family.Eldest, family.Sister], Siblings(Item(items, family.HalfBrother)));
        Assert.Empty(Siblings(Item(items, family.Cousin)));

        var page = await PageHtml.GetPageAsync(await app.WebAsync("crip"), "/Children?q=fratrielist");
        Assert.Contains("Fratrie dans ces résultats", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Children/Details/{family.HalfBrother}\">Autrenom-Fratrielist Noé</a>", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_sibling_the_user_may_not_read_is_never_named()
    {
        var family = await SeedFamilyAsync();
        // The referent of the north reads the eldest and the sister, not the half-brother followed in the south.
        var items = await SearchAsync("referent", "fratrielist");
        Assert.DoesNotContain(items, i => i.GetProperty("id").GetGuid() == family.HalfBrother);
        Assert.Equal([family.Sister], Siblings(Item(items, family.Eldest)));
        var page = await PageHtml.GetPageAsync(await app.WebAsync("referent"), "/Children?q=fratrielist");
        Assert.DoesNotContain(family.HalfBrother.ToString(), page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Noé", page, StringComparison.Ordinal);
    }

    private sealed record Family(Guid Eldest, Guid Sister, Guid HalfBrother, Guid Cousin);

    /// <summary>
    /// Three children of one mother (the half-brother with another father and another name, followed in
    /// the south), and a cousin who shares no parent; each call makes a new family (another mother).
    /// </summary>
    private Task<Family> SeedFamilyAsync() => app.WithDbAsync(async db =>
    {
        var mother = "Mère" + Guid.NewGuid().ToString("N")[..6];
        Child Add(string birthName, string firstNames, int year, string service, string motherName)
        {
            var child = new Child { BirthName = birthName, FirstNames = firstNames, BirthDate = new PartialDate(year, 5, 5) };
            db.Children.Add(child);
            db.ServiceAssignments.Add(Assigned(child.Id, service));
            db.LinkedPersons.Add(new LinkedPerson { ChildId = child.Id, Relation = PersonRelation.Mother, LastName = "Fratrielist", FirstNames = motherName, BirthDate = new PartialDate(1985, null, null) });
            return child;
        }

        var eldest = Add("Fratrielist", "Adèle", 2012, "nord", mother);
        var sister = Add("Fratrielist", "Jeanne", 2015, "nord", mother);
        var halfBrother = Add("Autrenom-Fratrielist", "Noé", 2019, "sud", mother);
        var cousin = Add("Fratrielist", "Lou", 2014, "nord", mother + "x");
        await db.SaveChangesAsync();
        return new Family(eldest.Id, sister.Id, halfBrother.Id, cousin.Id);
    });

    private ServiceAssignment Assigned(Guid childId, string service, string? motive = null) =>
        new() { ChildId = childId, ServiceId = app.World.Services[service], StartsOn = new DateOnly(2024, 1, 1), MotiveCode = motive };

    private async Task<IReadOnlyList<JsonElement>> SearchAsync(string user, string q)
    {
        var client = await app.ApiAsync(user);
        var page = await Json.ReadAsync(await client.GetAsync($"/api/v1/children?pageSize=100&q={Uri.EscapeDataString(q)}"));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static JsonElement Item(IReadOnlyList<JsonElement> items, Guid id) => Assert.Single(items, i => i.GetProperty("id").GetGuid() == id);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static List<Guid> Siblings(JsonElement item) => [.. item.GetProperty("siblings").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())];
}

public sealed class ChildListColumnsTests_Sqlite(SqliteApp app) : ChildListColumnsTests(app), IClassFixture<SqliteApp>;

public sealed class ChildListColumnsTests_Postgres(PostgresApp app) : ChildListColumnsTests(app), IClassFixture<PostgresApp>;
