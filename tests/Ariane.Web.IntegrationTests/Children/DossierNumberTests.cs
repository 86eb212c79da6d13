using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Children;

/// <summary>The dossier number: its form, its uniqueness under concurrent creations, the search by number, and the tab titles.</summary>
public abstract partial class DossierNumberTests(ArianeApp app)
{
    /// <summary>TestWorld's first département is « 98 »; the records were created this (French) year.</summary>
    private static string Prefix => $"98-{Format.Today(TimeProvider.System).Year}-";

    private static string PrefixOf(string departement) => $"{departement}-{Format.Today(TimeProvider.System).Year}-";

    [Fact]
    public async Task Every_record_has_a_number_of_its_departement_and_year_and_no_two_share_one()
    {
        var records = await app.WithDbAsync(db => db.Children.Select(c => new { c.DossierNumber, c.ResponsibleDepartementCode }).ToListAsync());
        var numbers = records.Select(r => r.DossierNumber).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Matches(NumberForm(), n));
        // Each in the sequence of its responsible département (the second one, « 97 », has a child too).
        Assert.All(records, r => Assert.StartsWith(PrefixOf(r.ResponsibleDepartementCode), r.DossierNumber, StringComparison.Ordinal));
        Assert.Contains(records, r => r.DossierNumber.StartsWith(Prefix, StringComparison.Ordinal));
        Assert.Contains(records, r => r.DossierNumber.StartsWith(PrefixOf(TestWorld.OtherDepartement), StringComparison.Ordinal));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_new_record_takes_the_next_number_and_shows_it_on_the_record_and_in_the_api()
    {
        var before = await app.WithDbAsync(db => db.Children.Select(c => c.DossierNumber).ToListAsync());
        var created = await CreateAsync("Numéro", "Anaëlle");
        var number = created.GetProperty("dossierNumber").GetString()!;
        Assert.Equal($"{Prefix}{before.Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(Sequence).Max() + 1:000000}", number);

        var id = created.GetProperty("id").GetGuid();
        var record = await Json.ReadAsync(await (await app.ApiAsync("crip")).GetAsync($"/api/v1/children/{id}"));
        Assert.Equal(number, record.GetProperty("dossierNumber").GetString());
        var page = await PageHtml.GetPageAsync(await app.WebAsync("crip"), $"/Children/Details/{id}");
        Assert.Contains($"Dossier n° <strong>{number}</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<code>{id}</code>", page, StringComparison.OrdinalIgnoreCase);

        // The creation's audit row carries the number.
        var audited = await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.ChildCreated && r.ChildId == id && r.Details!.Contains(number)));
        Assert.True(audited);
    }

    [Fact]
    public async Task Records_created_at_the_same_time_get_distinct_consecutive_numbers()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add(await app.ApiAsync("crip"));
        }

        var created = await Task.WhenAll(clients.Select((client, i) => CreateAsync($"Simultané{(char)('A' + i)}", "Jules", client)));
        var sequences = created.Select(c => Sequence(c.GetProperty("dossierNumber").GetString()!)).Order().ToList();
        Assert.Equal(8, sequences.Distinct().Count());
        Assert.Equal(Enumerable.Range(sequences[0], 8), sequences);

        var stored = await app.WithDbAsync(db => db.Children.Where(c => c.BirthName.StartsWith("Simultané")).Select(c => c.DossierNumber).ToListAsync());
        Assert.Equal(8, stored.Distinct().Count());
    }

    [Theory]
    [InlineData("full")]
    [InlineData("year")]
    [InlineData("sequence")]
    public async Task A_record_is_found_by_its_number_typed_whole_or_by_its_end(string form)
    {
        var number = await app.WithDbAsync(db => db.Children.Where(c => c.Id == app.World.ChildSud).Select(c => c.DossierNumber).SingleAsync());
        var typed = form switch
        {
            "full" => number,
            "year" => number[3..],
            _ => number[^6..],
        };
        var client = await app.ApiAsync("crip");
        var found = Json.Ids(await Json.ReadAsync(await client.GetAsync($"/api/v1/children?q={Uri.EscapeDataString(typed)}")));
        Assert.Contains(app.World.ChildSud, found);
        Assert.DoesNotContain(app.World.ChildNord, found);

        var page = await PageHtml.GetPageAsync(await app.WebAsync("crip"), $"/Children?q={Uri.EscapeDataString(typed)}");
        Assert.Contains($"<td data-label=\"Dossier\" class=\"nowrap\">{number}</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_finds_nothing_the_user_may_not_read_nor_a_number_that_does_not_exist()
    {
        var number = await app.WithDbAsync(db => db.Children.Where(c => c.Id == app.World.ChildSud).Select(c => c.DossierNumber).SingleAsync());
        var partner = await app.ApiAsync("partner");
        Assert.Empty(Json.Ids(await Json.ReadAsync(await partner.GetAsync($"/api/v1/children?q={number}"))));
        var crip = await app.ApiAsync("crip");
        Assert.Empty(Json.Ids(await Json.ReadAsync(await crip.GetAsync("/api/v1/children?q=97-2026-999999"))));
    }

    /// <summary>
    /// Every GET page of a child (discovered from the routes, so a new one is checked too) has a tab title
    /// without the child's names; the record's title is its number.
    /// </summary>
    [Fact]
    public async Task No_child_page_puts_the_childs_name_in_the_tab_title()
    {
        var (childId, personId, addressId) = await app.WithDbAsync(async db =>
        {
            var child = new Child { BirthName = "Onglet", UsageName = "Fenêtre", FirstNames = "Clémentine", BirthDate = new PartialDate(2016, 4, 2) };
            db.Children.Add(child);
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["nord"], StartsOn = new DateOnly(2024, 1, 1) });
            var person = new LinkedPerson { ChildId = child.Id, Relation = PersonRelation.Mother, LastName = "Onglet", FirstNames = "Maryse" };
            var address = new ChildAddress { ChildId = child.Id, Line = "3 rue du Titre", City = "Villeneuve" };
            db.LinkedPersons.Add(person);
            db.ChildAddresses.Add(address);
            await db.SaveChangesAsync();
            return (child.Id, person.Id, address.Id);
        });
        var number = await app.WithDbAsync(db => db.Children.Where(c => c.Id == childId).Select(c => c.DossierNumber).SingleAsync());
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(r => r.StartsWith("Children/", StringComparison.Ordinal) && r.Contains("{id", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.NotEmpty(routes);
        var client = await app.WebAsync("referent");
        foreach (var route in routes)
        {
            var url = "/" + route.Replace("{id:guid}", childId.ToString(), StringComparison.Ordinal)
                .Replace("{personId:guid?}", personId.ToString(), StringComparison.Ordinal)
                .Replace("{personId:guid}", personId.ToString(), StringComparison.Ordinal)
                .Replace("{addressId:guid}", addressId.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("{", url, StringComparison.Ordinal);
            var title = Title(await PageHtml.GetPageAsync(client, url));
            foreach (var name in new[] { "Onglet", "Fenêtre", "Clémentine" })
            {
                Assert.False(title.Contains(name, StringComparison.OrdinalIgnoreCase), $"{url}: the tab title « {title} » names the child");
            }
        }

        Assert.Equal($"Dossier {number} — Ariane", Title(await PageHtml.GetPageAsync(client, $"/Children/Details/{childId}")));
        Assert.Equal($"Ajouter une adresse — dossier {number} — Ariane", Title(await PageHtml.GetPageAsync(client, $"/Children/Address/{childId}")));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_number_the_mine_filter_and_the_list_columns()
    {
        var openApi = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        foreach (var name in new[] { "dossierNumber", "\"mine\"", "matchedBySound", "referents", "siblings", "city", "age" })
        {
            Assert.Contains(name, openApi, StringComparison.Ordinal);
        }
    }

    private async Task<System.Text.Json.JsonElement> CreateAsync(string birthName, string firstNames, HttpClient? client = null)
    {
        client ??= await app.ApiAsync("crip");
        var response = await client.PostAsJsonAsync("/api/v1/children", new
        {
            child = new { birthName, firstNames, birthDate = "02/2019", sex = "Female" },
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private static int Sequence(string number) => int.Parse(number[(number.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static string Title(string html) => TitleTag().Match(html) is { Success: true } m ? m.Groups[1].Value.Trim() : string.Empty;

    [GeneratedRegex("^[0-9]{2,3}-[0-9]{4}-[0-9]{6,7}$")]
    private static partial Regex NumberForm();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleTag();
}

public sealed class DossierNumberTests_Sqlite(SqliteApp app) : DossierNumberTests(app), IClassFixture<SqliteApp>;

public sealed class DossierNumberTests_Postgres(PostgresApp app) : DossierNumberTests(app), IClassFixture<PostgresApp>;
