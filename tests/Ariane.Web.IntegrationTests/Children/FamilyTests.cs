using System.Net;
using System.Text.Json;
using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;

namespace Ariane.Web.IntegrationTests.Children;

/// <summary>
/// « Fratrie et famille » on the record: the children who share a parent (same normalised name, first
/// names and birth date), linked when the user may open them, and absent (not even counted) otherwise.
/// </summary>
public abstract class FamilyTests(ArianeApp app)
{
    private sealed record Family(Guid Eldest, Guid Brother, Guid HalfSisterSud, Guid Namesake);

    private Task<Family> SeedAsync(string name) => app.WithDbAsync(async db =>
    {
        var start = new DateOnly(2024, 1, 1);
        Child Add(string firstNames, int year, string service)
        {
            var child = new Child { BirthName = name, FirstNames = firstNames, BirthDate = new PartialDate(year, 3, 1) };
            db.Children.Add(child);
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services[service], StartsOn = start });
            return child;
        }

        void Parent(Child child, PersonRelation relation, string lastName, string firstNames, PartialDate born) =>
            db.LinkedPersons.Add(new LinkedPerson { ChildId = child.Id, Relation = relation, LastName = lastName, FirstNames = firstNames, BirthDate = born });

        var mother = new PartialDate(1985, 4, 12);
        var father = new PartialDate(1982, 9, 1);
        var eldest = Add("Aïcha", 2012, "nord");
        // The mother's name carries the family's name: the fixture is shared, and two seeds must not be one family.
        Parent(eldest, PersonRelation.Mother, $"Lefèvre-{name}", "Marie-Claire", mother);
        Parent(eldest, PersonRelation.Father, $"{name}", "Karim", father);
        // Typed by someone else: no accent, other case, space for hyphen. Still the same parents.
        var brother = Add("Yanis", 2015, "nord");
        Parent(brother, PersonRelation.Mother, $"LEFEVRE {name.ToUpperInvariant()}", "marie claire", mother);
        Parent(brother, PersonRelation.Father, name.ToUpperInvariant(), "KARIM", father);
        // Same mother, followed by the other territory only.
        var halfSister = Add("Nour", 2019, "sud");
        Parent(halfSister, PersonRelation.Mother, $"Lefèvre-{name}", "Marie-Claire", mother);
        // A namesake of the mother, born another day: another woman.
        var namesake = Add("Léo", 2016, "nord");
        Parent(namesake, PersonRelation.Mother, $"Lefèvre-{name}", "Marie-Claire", new PartialDate(1990, 1, 1));
        await db.SaveChangesAsync();
        return new Family(eldest.Id, brother.Id, halfSister.Id, namesake.Id);
    });

    private static List<(Guid Id, List<string> Shared)> Members(JsonElement record) =>
        record.GetProperty("family").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetGuid(), f.GetProperty("sharedParents").EnumerateArray().Select(p => p.GetString()!).ToList()))
            .ToList();

    [Fact]
    public async Task The_record_lists_the_children_who_share_a_parent_among_those_the_user_may_open()
    {
        var family = await SeedAsync("Benali");
        var referent = Members(await Json.ReadAsync(await (await app.ApiAsync("referent")).GetAsync($"/api/v1/children/{family.Eldest}")));
        Assert.Equal([family.Brother], referent.Select(m => m.Id));
        Assert.Equal(["Mother", "Father"], referent[0].Shared);

        // The cadre reaches the whole département: the half-sister followed in the south shows too.
        var cadre = Members(await Json.ReadAsync(await (await app.ApiAsync("cadre")).GetAsync($"/api/v1/children/{family.Eldest}")));
        Assert.Equal([family.Brother, family.HalfSisterSud], cadre.Select(m => m.Id));
        Assert.Equal(["Mother"], cadre[1].Shared);

        var sud = Members(await Json.ReadAsync(await (await app.ApiAsync("referent.sud")).GetAsync($"/api/v1/children/{family.HalfSisterSud}")));
        Assert.Empty(sud);
    }

    [Fact]
    public async Task The_page_links_each_member_and_says_nothing_of_the_children_the_user_may_not_open()
    {
        var family = await SeedAsync("Haddad");
        var html = WebUtility.HtmlDecode(await (await app.WebAsync("referent")).GetStringAsync($"/Children/Details/{family.Eldest}"));
        Assert.Contains("Fratrie et famille", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Children/Details/{family.Brother}\">Haddad Yanis</a>", html, StringComparison.Ordinal);
        Assert.Contains("Les deux parents", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nour", html, StringComparison.Ordinal);
        Assert.DoesNotContain(family.HalfSisterSud.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Léo", html, StringComparison.Ordinal);

        var alone = WebUtility.HtmlDecode(await (await app.WebAsync("referent.sud")).GetStringAsync($"/Children/Details/{family.HalfSisterSud}"));
        Assert.Contains("Aucun autre enfant de la famille parmi les dossiers que vous pouvez ouvrir.", alone, StringComparison.Ordinal);
        Assert.DoesNotContain("Haddad Yanis", alone, StringComparison.Ordinal);
    }
}

public sealed class FamilyTests_Sqlite(SqliteApp app) : FamilyTests(app), IClassFixture<SqliteApp>;

public sealed class FamilyTests_Postgres(PostgresApp app) : FamilyTests(app), IClassFixture<PostgresApp>;
