using System.Net;
using System.Text.RegularExpressions;
using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Pages;

/// <summary>
/// What a first use of the product found (issue 5 §5), checked as a user meets it: the lockout message,
/// the assignment form's lists, dates typed the French way whatever the browser, the favicon.
/// </summary>
public abstract partial class FirstUseTests(ArianeApp app)
{
    [Fact]
    public async Task A_locked_account_gets_the_same_message_as_an_unknown_one_and_it_says_how_long_the_lock_lasts()
    {
        var (_, _, userName) = await app.CreateUserAsync(RoleCatalogue.Referent, "verrou");
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await ArianeApp.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = "Mauvais-mot-de-passe-1!" });
        }

        // The right password now: the account is locked, and the page does not say so.
        var locked = Refusal(await ArianeApp.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = TestWorld.Password }));
        var unknown = Refusal(await ArianeApp.PostFormAsync(app.Anonymous(), "/Account/Login", new() { ["UserName"] = "personne.inconnue", ["Password"] = TestWorld.Password }));
        var wrong = Refusal(await ArianeApp.PostFormAsync(app.Anonymous(), "/Account/Login", new() { ["UserName"] = "crip", ["Password"] = "Mauvais-mot-de-passe-1!" }));
        Assert.Equal("Identifiant ou mot de passe incorrect. Après 5 échecs successifs, la connexion au compte est bloquée pendant 15 minutes.", await locked);
        Assert.Equal(await locked, await unknown);
        Assert.Equal(await locked, await wrong);
    }

    [Fact]
    public async Task The_assignment_form_offers_only_services_and_professionals_who_work_with_children()
    {
        var cadre = await app.WebAsync("cadre");
        var html = WebUtility.HtmlDecode(await PageHtml.GetPageAsync(cadre, $"/Children/Assign/{app.World.ChildNord}"));
        var services = Options(html, "ServiceForm.ServiceId");
        var workers = Options(html, "WorkerForm.UserId");
        Assert.Contains("ASE Sud", services);
        Assert.Contains("MECS Test", services);
        // The direction (DPO, administrator) follows no child.
        Assert.DoesNotContain("Direction", services);
        Assert.Contains(workers, w => w.StartsWith("Test referent.sud", StringComparison.Ordinal));
        Assert.DoesNotContain(workers, w => w.StartsWith("Test dpo", StringComparison.Ordinal) || w.StartsWith("Test admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dates_are_typed_jj_mm_aaaa_in_a_text_field_whatever_the_browser_language()
    {
        var cadre = await app.WebAsync("cadre");
        var child = app.World.ChildNord;
        var form = await PageHtml.GetPageAsync(cadre, $"/Children/Address/{child}");
        var input = Regex.Match(form, "<input[^>]*name=\"Input.From\"[^>]*>").Value;
        Assert.Contains("type=\"text\"", input, StringComparison.Ordinal);
        Assert.Contains("placeholder=\"JJ/MM/AAAA\"", input, StringComparison.Ordinal);

        var saved = await ArianeApp.PostFormAsync(cadre, $"/Children/Address/{child}", new()
        {
            ["Input.Line"] = "8 rue des Dates",
            ["Input.PostalCode"] = "99100",
            ["Input.City"] = "Valbourg",
            ["Input.From"] = "15/03/2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new DateOnly(2026, 3, 15), await app.WithDbAsync(db => db.ChildAddresses.Where(a => a.ChildId == child && a.Line == "8 rue des Dates").Select(a => a.From).SingleAsync()));

        // A date the French way or nothing: an American order is refused next to the field, nothing is written.
        var refused = await ArianeApp.PostFormAsync(cadre, $"/Children/Address/{child}", new()
        {
            ["Input.Line"] = "9 rue des Dates",
            ["Input.City"] = "Valbourg",
            ["Input.From"] = "03/15/2026",
        });
        var page = await PageHtml.ReadAsync(refused);
        Assert.Equal(FrenchDates.InvalidMessage, PageHtml.FieldError(page, "Input.From"));
        Assert.False(await app.WithDbAsync(db => db.ChildAddresses.AnyAsync(a => a.Line == "9 rue des Dates")));
    }

    [Fact]
    public async Task The_favicon_is_served_to_anyone()
    {
        var response = await app.Anonymous().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    private static async Task<string> Refusal(HttpResponseMessage response)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var match = RefusalText().Match(html);
        Assert.True(match.Success, "no refusal message on the login page");
        return match.Value.Trim();
    }

    private static List<string> Options(string html, string select)
    {
        var block = Regex.Match(html, "<select[^>]*name=\"" + Regex.Escape(select) + "\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(block.Success, $"no {select} list");
        return Regex.Matches(block.Groups[1].Value, "<option value=\"[^\"]+\"[^>]*>([^<]*)</option>").Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    [GeneratedRegex("Identifiant ou mot de passe incorrect\\.[^<]*")]
    private static partial Regex RefusalText();
}

public sealed class FirstUseTests_Sqlite(SqliteApp app) : FirstUseTests(app), IClassFixture<SqliteApp>;

public sealed class FirstUseTests_Postgres(PostgresApp app) : FirstUseTests(app), IClassFixture<PostgresApp>;

/// <summary>« de » before a name, as every sentence and hidden screen-reader text writes it (French.De).</summary>
public sealed class FrenchElisionTests
{
    [Theory]
    [InlineData("Olivier Martin", "d'Olivier Martin")]
    [InlineData("Hélène", "d'Hélène")]
    [InlineData("Martin", "de Martin")]
    [InlineData("Hugues", "de Hugues")]
    [InlineData("Association Les Tilleuls", "de l'Association Les Tilleuls")]
    [InlineData("Service AEMO", "du Service AEMO")]
    [InlineData("MECS Les Tilleuls", "de la MECS Les Tilleuls")]
    [InlineData("ASE — Territoire Nord", "de l'ASE — Territoire Nord")]
    [InlineData("Yanis", "de Yanis")]
    [InlineData("Yves", "d'Yves")]
    public void De_elides_before_a_vowel_or_a_mute_h_and_gives_institutions_their_article(string name, string expected) =>
        Assert.Equal(expected, French.De(name));
}
