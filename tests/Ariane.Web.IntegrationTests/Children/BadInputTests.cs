using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Children;

/// <summary>Bad input gets a clear 4xx with field errors, and nothing is written.</summary>
public abstract class BadInputTests(ArianeApp app)
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "{\"child\": {\"birthName\": \"Dupont\"", "malformed JSON" },
        { "[1, 2, 3]", "wrong JSON shape" },
        { "{\"child\": {\"birthName\": \"Dupont\", \"firstNames\": \"Léa\", \"sex\": \"Alien\"}}", "unknown enum value" },
        { "{\"child\": {\"birthName\": \"Dupont\", \"firstNames\": \"Léa\", \"sex\": 7}}", "enum as number" },
        { "{\"child\": {\"birthName\": \"" + new string('A', 101) + "\", \"firstNames\": \"Léa\"}}", "over-long field" },
        { "{\"child\": {\"birthName\": \"Dupont\", \"firstNames\": \"Léa\", \"birthDate\": \"31/02/2015\"}}", "impossible date" },
        { "{\"child\": {\"birthName\": \"Dupont\", \"firstNames\": \"Léa\", \"birthDate\": \"01/01/2999\"}}", "future date" },
        { "{\"child\": {\"birthName\": \"\", \"firstNames\": \"\"}}", "missing required fields" },
        { "{\"child\": {\"birthName\": \"---\", \"firstNames\": \"Léa\"}}", "name without a letter" },
        { "{\"child\": {\"birthName\": \"2023-02-30\", \"firstNames\": \"Léa\"}}", "a date typed as the name" },
        { "{\"child\": {\"birthName\": \"Dupont\", \"firstNames\": \"31/13/2020\"}}", "a date typed as the first names" },
        { "{\"child\": {\"birthName\": \"Dupont\", \"firstNames\": \"Léa\", \"ins\": \"123\"}}", "malformed INS" },
        { "{\"child\": {\"birthName\": \"Dupont\", \"firstNames\": \"Léa\"}, \"unexpected\": 1}", "unknown member" },
        { "{\"child\": null}", "null identity" },
        { "{}", "empty body" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Creating_a_child_with_bad_input_answers_400_and_writes_nothing(string body, string why)
    {
        var client = await app.ApiAsync("crip");
        var before = await app.WithDbAsync(db => db.Children.CountAsync());
        var response = await client.PostAsync("/api/v1/children", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.WithDbAsync(db => db.Children.CountAsync()));
    }

    [Theory]
    [InlineData("{\"child\": {\"birthName\": \"\", \"firstNames\": \"Léa\", \"birthDate\": \"99/99/2015\"}}", "birthName", "birthDate")]
    [InlineData("{\"child\": {\"birthName\": \"Dupont\", \"firstNames\": \"Léa\", \"sex\": \"Alien\"}}", "child.sex", null)]
    public async Task Field_errors_name_the_fields(string body, string field, string? otherField)
    {
        var client = await app.ApiAsync("crip");
        var response = await client.PostAsync("/api/v1/children", new StringContent(body, Encoding.UTF8, "application/json"));
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        if (otherField is not null)
        {
            Assert.True(errors.TryGetProperty(otherField, out _), errors.ToString());
        }
    }

    [Fact]
    public async Task Names_at_their_maximum_length_are_accepted_by_both_databases()
    {
        var client = await app.ApiAsync("crip");
        // Distinct two-letter parts ("Ba-Bb-Bc..."): the stored search key holds every part and the joined name.
        static string Compound(int length, char first) =>
            string.Join('-', Enumerable.Range(0, (length / 3) + 1).Select(i => $"{(char)(first + (i / 26))}{(char)('a' + (i % 26))}"))[..length];
        var response = await client.PostAsJsonAsync("/api/v1/children", new
        {
            child = new { birthName = Compound(100, 'B'), usageName = Compound(100, 'F'), firstNames = Compound(200, 'K'), birthDate = "2015" },
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_update_with_bad_input_leaves_the_record_unchanged()
    {
        var client = await app.ApiAsync("referent");
        var before = await Json.ReadAsync(await client.GetAsync($"/api/v1/children/{app.World.ChildNord}"));
        var response = await client.PutAsync($"/api/v1/children/{app.World.ChildNord}", new StringContent(
            "{\"child\": {\"birthName\": \"Bernard\", \"firstNames\": \"" + new string('x', 201) + "\"}, \"version\": " + before.GetProperty("version").GetInt32() + "}",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await Json.ReadAsync(await client.GetAsync($"/api/v1/children/{app.World.ChildNord}"));
        Assert.Equal(before.GetProperty("firstNames").GetString(), after.GetProperty("firstNames").GetString());
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_linked_person_with_a_bad_email_and_phone_is_refused()
    {
        var client = await app.ApiAsync("referent");
        var response = await client.PostAsync($"/api/v1/children/{app.World.ChildNord}/linked-persons", new StringContent(
            "{\"person\": {\"relation\": \"Mother\", \"lastName\": \"X\", \"email\": \"pas-un-courriel\", \"phone\": \"appelez-moi\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("phone", out _));
    }
}

public sealed class BadInputTests_Sqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTests_Postgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
