using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Access;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;

namespace Ariane.Web.IntegrationTests.Concerns;

/// <summary>The CRIP's screens as a browser posts them: record an IP on one screen, qualify it, the dashboard; who may open them.</summary>
public abstract class ConcernPagesTests(ArianeApp app)
{
    [Fact]
    public async Task The_crip_finds_a_child_records_an_ip_on_one_screen_and_qualifies_it()
    {
        var web = await app.WebAsync("crip");
        var form = await PageHtml.GetPageAsync(web, "/Concerns/Record");
        // Each statistical field says what it is for.
        Assert.Contains("Sert à l'observatoire (variable ORIGIP)", form, StringComparison.Ordinal);
        Assert.Contains("Sert à l'observatoire (TRANSIP)", form, StringComparison.Ordinal);

        // « Chercher » keeps what was typed and lists the child; « Ajouter » puts it on the IP.
        var fields = new Dictionary<string, string>
        {
            ["Input.Channel"] = "Phone",
            ["Input.TransmitterCode"] = "541",
            ["Input.OriginCode"] = "31",
            ["Input.Narrative"] = "La directrice de l'école signale des marques sur les bras de Camille.",
            ["Input.Reporter.Name"] = "Mme Directrice Lefort",
            ["Input.Reporter.Capacity"] = "directrice d'école",
            ["Input.Reporter.IsProtected"] = "false",
            ["Input.Dangers"] = "PhysicalViolence",
            ["Query"] = "Bernard Camille",
        };
        var searched = await ArianeApp.PostFormAsync(web, "/Concerns/Record?handler=Search", new(fields), "/Concerns/Record");
        var results = await searched.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        Assert.Contains("Bernard Camille", results, StringComparison.Ordinal);
        Assert.Contains("marques sur les bras", results, StringComparison.Ordinal);

        fields["Input.ChildIds[0]"] = app.World.ChildNord.ToString();
        fields["ChosenNames[0]"] = "Bernard Camille";
        fields.Remove("Query");
        var saved = await ArianeApp.PostFormAsync(web, "/Concerns/Record", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = PageHtml.Location(saved);
        Assert.StartsWith("/Concerns/Details/", details, StringComparison.Ordinal);
        var page = await PageHtml.GetPageAsync(web, details);
        Assert.Contains("Information préoccupante IP-98-", page, StringComparison.Ordinal);
        Assert.Contains("À qualifier", page, StringComparison.Ordinal);
        Assert.Contains("Mme Directrice Lefort", page, StringComparison.Ordinal);

        var qualified = await ArianeApp.PostFormAsync(web, details + "?handler=Qualify", new()
        {
            ["Qualification.Qualification"] = "NotAConcern",
            ["Qualification.Version"] = "0",
        }, details);
        Assert.Equal(HttpStatusCode.OK, qualified.StatusCode);
        Assert.Contains("Dites pourquoi ce n&#x27;est pas une information préoccupante", await qualified.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var closed = await ArianeApp.PostFormAsync(web, details + "?handler=Qualify", new()
        {
            ["Qualification.Qualification"] = "Evaluate",
            ["Qualification.Version"] = "0",
        }, details);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Équipe d'évaluation", await PageHtml.GetPageAsync(web, details), StringComparison.Ordinal);

        // The child's record lists the IP; the dashboard too.
        Assert.Contains("Informations préoccupantes", await PageHtml.GetPageAsync(web, $"/Children/Details/{app.World.ChildNord}"), StringComparison.Ordinal);
        var board = await PageHtml.GetPageAsync(web, "/Concerns?state=InAssessment");
        Assert.Contains("Bernard Camille", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posting_a_value_outside_a_list_is_refused_and_writes_nothing()
    {
        var web = await app.WebAsync("crip");
        var before = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Concerns));
        var response = await ArianeApp.PostFormAsync(web, "/Concerns/Record", new()
        {
            ["Input.Channel"] = "77",
            ["Input.TransmitterCode"] = "541",
            ["Input.OriginCode"] = "31",
            ["Input.Dangers"] = "4096",
            ["Input.Narrative"] = "Essai d'une valeur hors liste.",
            ["Input.ChildIds[0]"] = app.World.ChildNord.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Binding leaves a number outside the list unbound (the handler's own check is the backstop): the channel is asked again.
        Assert.Contains("Indiquez comment l&#x27;information est arrivée.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Concerns)));
    }

    [Fact]
    public async Task A_protected_reporter_is_hidden_from_the_team_and_the_screens_are_closed_to_other_roles()
    {
        var crip = await app.ApiAsync("crip");
        var recorded = await crip.PostAsJsonAsync("/api/v1/concerns", new
        {
            channel = "Phone",
            transmitterCode = 400,
            originCode = 40,
            narrative = "Un voisin entend des cris chaque soir.",
            childIds = new[] { app.World.ChildSud },
            reporter = new { name = "M. Secret Voisin", isProtected = true },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await Json.ReadAsync(recorded)).GetProperty("recorded").GetProperty("id").GetGuid();
        // The référent of ASE Sud follows the child: reads the IP, never the protected name.
        var sud = await app.WebAsync("referent.sud");
        var page = await PageHtml.GetPageAsync(sud, $"/Concerns/Details/{id}");
        Assert.Contains("Identité protégée : votre rôle ne permet pas de la voir.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", page, StringComparison.Ordinal);
        // Nor in the API.
        Assert.DoesNotContain("Secret", await (await (await app.ApiAsync("referent.sud")).GetAsync($"/api/v1/concerns/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A stranger to the child gets « not found »; a partner has no CRIP screen.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.WebAsync("referent")).GetAsync($"/Concerns/Details/{id}")).StatusCode);
        var partner = await (await app.WebAsync("partner")).GetAsync("/Concerns");
        Assert.NotEqual(HttpStatusCode.OK, partner.StatusCode);
    }
}

public sealed class ConcernPagesTests_Sqlite(SqliteApp app) : ConcernPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ConcernPagesTests_Postgres(PostgresApp app) : ConcernPagesTests(app), IClassFixture<PostgresApp>;
