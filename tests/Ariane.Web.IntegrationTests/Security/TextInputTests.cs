using System.Net;
using System.Text;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>
/// Text that .NET's normalisation or a database cannot take (non-characters, lone surrogates, NUL) and
/// control characters answer a French field error (400) and write nothing, the same on both databases,
/// through every way in: JSON bodies, query strings, forms, and the sign-in forms that need no account.
/// </summary>
public abstract class TextInputTests(ArianeApp app)
{
    /// <summary>JSON string literals (escaped as an attacker would send them) and what the error names.</summary>
    public static TheoryData<string, string> BadTexts => new()
    {
        { "\\ufffe", "U+FFFE" },
        { "\\uffff", "U+FFFF" },
        { "\\ufdd0", "U+FDD0" },
        { "\\ud83f\\udffe", "U+1FFFE" },
        { "\\u0000", "U+0000" },
        { "\\u0007", "U+0007" },
        { "\\u001b[31m", "U+001B" },
        { "\\t", "U+0009" },
        { "\\n", "U+000A" },
        { "\\u202e", "U+202E" },
        { "\\u2066", "U+2066" },
        { "\\ud800", "moitié isolée" },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task A_name_with_a_forbidden_character_is_refused_by_the_api_and_not_stored(string bad, string named)
    {
        var client = await app.ApiAsync("crip");
        var before = await app.WithDbAsync(db => db.Children.CountAsync());
        var response = await client.PostAsync("/api/v1/children", Body("{\"child\": {\"birthName\": \"Du" + bad + "pont\", \"firstNames\": \"Léa\"}, \"confirmNotDuplicate\": true}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("child.birthName", out var messages), errors.ToString());
        Assert.Contains("caractère non autorisé", messages[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(named, messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Children.CountAsync()));
    }

    [Fact]
    public async Task An_address_line_with_nul_is_refused()
    {
        var client = await app.ApiAsync("referent");
        var before = await app.WithDbAsync(db => db.ChildAddresses.CountAsync());
        var response = await client.PostAsync($"/api/v1/children/{app.World.ChildNord}/addresses",
            Body("{\"line\": \"1 rue\\u0000 des Lilas\", \"city\": \"Lille\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty("line", out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.ChildAddresses.CountAsync()));
    }

    [Fact]
    public async Task Notes_keep_their_line_breaks_and_tabs_but_refuse_other_control_characters()
    {
        var client = await app.ApiAsync("referent");
        var ok = await client.PostAsync($"/api/v1/children/{app.World.ChildNord}/linked-persons",
            Body("{\"person\": {\"relation\": \"Other\", \"lastName\": \"Martin\", \"notes\": \"Ligne 1\\r\\nLigne 2\\tsuite\"}}"));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var id = (await Json.ReadAsync(ok)).GetProperty("id").GetGuid();
        Assert.Equal("Ligne 1\r\nLigne 2\tsuite", await app.WithDbAsync(db => db.LinkedPersons.Where(p => p.Id == id).Select(p => p.Notes).SingleAsync()));

        var refused = await client.PostAsync($"/api/v1/children/{app.World.ChildNord}/linked-persons",
            Body("{\"person\": {\"relation\": \"Other\", \"lastName\": \"Martin\", \"notes\": \"Ligne 1\\n\\u0007\"}}"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await Json.ReadAsync(refused)).GetProperty("errors").TryGetProperty("person.notes", out _));

        // A single-line field of the same form refuses the line break the notes accept.
        var name = await client.PostAsync($"/api/v1/children/{app.World.ChildNord}/linked-persons",
            Body("{\"person\": {\"relation\": \"Other\", \"lastName\": \"Mar\\ntin\"}}"));
        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        Assert.True((await Json.ReadAsync(name)).GetProperty("errors").TryGetProperty("person.lastName", out _));
    }

    [Theory]
    [InlineData("%EF%BF%BE")]
    [InlineData("%00")]
    [InlineData("%E2%80%AE")]
    public async Task A_search_with_a_forbidden_character_is_refused(string bad)
    {
        var client = await app.ApiAsync("referent");
        var api = await client.GetAsync($"/api/v1/children?q=bern{bad}ard");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.True((await Json.ReadAsync(api)).GetProperty("errors").TryGetProperty("q", out _));

        var web = await app.WebAsync("referent");
        var page = await web.GetAsync($"/Children?q=bern{bad}ard");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("caractère non autorisé", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\ufffe")]
    [InlineData("\\u0000")]
    [InlineData("\\ud800")]
    public async Task The_token_endpoint_refuses_a_bad_user_name_without_an_error(string bad)
    {
        var response = await app.Anonymous().PostAsync("/api/v1/auth/token",
            Body("{\"userName\": \"crip" + bad + "\", \"password\": \"x\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Theory]
    [InlineData("crip\uFFFE")]
    [InlineData("crip\u0000")]
    [InlineData("crip\u202E")]
    public async Task The_login_page_refuses_a_bad_user_name_without_an_error(string userName)
    {
        var client = app.Anonymous();
        var auditBefore = await app.WithDbAsync(db => db.AuditRecords.CountAsync());
        var response = await ArianeApp.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = TestWorld.Password });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        if (!userName.Contains('\0', StringComparison.Ordinal))
        {
            Assert.Contains("Le champ « Identifiant » contient un caractère non autorisé", html, StringComparison.Ordinal);
        }

        // ASP.NET Core's form reader already gives up on a NUL (antiforgery 400, the plain error page): no sign-in either way.
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditRecords.CountAsync()));
    }

    [Fact]
    public async Task The_create_form_shows_the_error_next_to_the_field_and_writes_nothing()
    {
        var client = await app.WebAsync("crip");
        var before = await app.WithDbAsync(db => db.Children.CountAsync());
        var response = await ArianeApp.PostFormAsync(client, "/Children/Create", new()
        {
            ["Input.BirthName"] = "Du\u0007pont",
            ["Input.FirstNames"] = "Léa",
            ["Input.BirthDate"] = "",
            ["ConfirmNotDuplicate"] = "true",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Le champ « Nom de naissance » contient un caractère non autorisé (caractère de contrôle U+0007).", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Children.CountAsync()));
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}

public sealed class TextInputTests_Sqlite(SqliteApp app) : TextInputTests(app), IClassFixture<SqliteApp>;

public sealed class TextInputTests_Postgres(PostgresApp app) : TextInputTests(app), IClassFixture<PostgresApp>;
