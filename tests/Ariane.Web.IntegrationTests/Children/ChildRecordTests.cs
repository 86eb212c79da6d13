using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Children;

public abstract class ChildRecordTests(ArianeApp app)
{
    private static object NewChild(string birthName, string firstNames, string birthDate = "01/02/2019", string sex = "Male") =>
        new { child = new { birthName, firstNames, birthDate, sex } };

    [Fact]
    public async Task Opening_a_record_returns_identity_linked_persons_and_assignments_and_is_audited()
    {
        var client = await app.ApiAsync("referent");
        var response = await client.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await Json.ReadAsync(response);
        Assert.Equal("Bernard", record.GetProperty("birthName").GetString());
        Assert.Equal("04/05/2016", record.GetProperty("birthDate").GetString());
        Assert.Equal("Sophie", record.GetProperty("linkedPersons")[0].GetProperty("firstNames").GetString());
        Assert.Equal("ASE Nord", record.GetProperty("serviceAssignments")[0].GetProperty("serviceName").GetString());
        Assert.Equal("Existence", record.GetProperty("rights").GetProperty("health").GetString());

        var viewed = await app.WithDbAsync(db => db.AuditRecords.CountAsync(r =>
            r.EventType == AuditEventType.ChildViewed && r.ChildId == app.World.ChildNord && r.UserId == app.World.Users["referent"]));
        Assert.True(viewed >= 1);
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("referent.sud")]
    [InlineData("educator")]
    [InlineData("dpo")]
    [InlineData("admin")]
    public async Task A_user_without_a_link_to_the_child_gets_not_found_and_the_attempt_is_audited(string user)
    {
        var client = await app.ApiAsync(user);
        var before = await DeniedCountAsync(user);
        var response = await client.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before + 1, await DeniedCountAsync(user));
    }

    [Fact]
    public async Task A_missing_child_and_a_refused_child_look_the_same()
    {
        var client = await app.ApiAsync("partner");
        var refused = await client.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        var missing = await client.GetAsync($"/api/v1/children/{Guid.NewGuid()}");
        Assert.Equal(missing.StatusCode, refused.StatusCode);
        Assert.Equal(
            (await Json.ReadAsync(missing)).GetProperty("title").GetString(),
            (await Json.ReadAsync(refused)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Creating_a_child_warns_of_likely_duplicates_first_then_creates_on_confirmation()
    {
        var client = await app.ApiAsync("crip");
        var duplicate = await client.PostAsJsonAsync("/api/v1/children", NewChild("DARC DUPONT", "Elodie", "12/03/2015", "Female"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var body = await Json.ReadAsync(duplicate);
        Assert.Equal(app.World.ChildElodie, body.GetProperty("duplicates")[0].GetProperty("child").GetProperty("id").GetGuid());

        var confirmed = await client.PostAsJsonAsync("/api/v1/children", new
        {
            child = new { birthName = "DARC DUPONT", firstNames = "Elodie", birthDate = "12/03/2015", sex = "Female" },
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var created = await Json.ReadAsync(confirmed);
        var get = await client.GetAsync(confirmed.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(created.GetProperty("id").GetGuid(), (await Json.ReadAsync(get)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_new_child_without_lookalike_is_created_and_assigned_to_the_creators_service()
    {
        var client = await app.ApiAsync("referent");
        var response = await client.PostAsJsonAsync("/api/v1/children", NewChild("Zéphyrin-Unique", "Octave", "2020"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Json.ReadAsync(response)).GetProperty("id").GetGuid();
        var record = await Json.ReadAsync(await client.GetAsync($"/api/v1/children/{id}"));
        Assert.Equal("2020", record.GetProperty("birthDate").GetString());
        Assert.Equal(app.World.Services["nord"], record.GetProperty("serviceAssignments")[0].GetProperty("serviceId").GetGuid());
        var created = await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.ChildCreated && r.ChildId == id));
        Assert.True(created);
    }

    [Fact]
    public async Task Roles_without_the_create_right_cannot_create_a_child()
    {
        var client = await app.ApiAsync("partner");
        var response = await client.PostAsJsonAsync("/api/v1/children", NewChild("Interdit", "Paul"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Children.AnyAsync(c => c.BirthName == "Interdit")));
    }

    [Fact]
    public async Task Two_people_editing_the_same_child_get_a_conflict_not_a_silent_overwrite()
    {
        var client = await app.ApiAsync("crip");
        var id = (await Json.ReadAsync(await client.PostAsJsonAsync("/api/v1/children", NewChild("Conflit-Test", "Anne", "2017")))).GetProperty("id").GetGuid();
        var first = await client.PutAsJsonAsync($"/api/v1/children/{id}", new { child = new { birthName = "Conflit-Test", firstNames = "Anne Marie", birthDate = "2017" }, version = 0 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await client.PutAsJsonAsync($"/api/v1/children/{id}", new { child = new { birthName = "Conflit-Test", firstNames = "Anne-Sophie", birthDate = "2017" }, version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await Json.ReadAsync(second);
        Assert.Equal("Anne Marie", problem.GetProperty("current").GetProperty("child").GetProperty("firstNames").GetString());
        Assert.Equal(1, problem.GetProperty("current").GetProperty("version").GetInt32());

        var stored = await Json.ReadAsync(await client.GetAsync($"/api/v1/children/{id}"));
        Assert.Equal("Anne Marie", stored.GetProperty("firstNames").GetString());
    }

    [Fact]
    public async Task A_change_is_audited_with_old_and_new_values()
    {
        var client = await app.ApiAsync("crip");
        var id = (await Json.ReadAsync(await client.PostAsJsonAsync("/api/v1/children", NewChild("Historique", "Léo", "2016")))).GetProperty("id").GetGuid();
        await client.PutAsJsonAsync($"/api/v1/children/{id}", new { child = new { birthName = "Historique", firstNames = "Léon", birthDate = "2016" }, version = 0 });
        var details = await app.WithDbAsync(db => db.AuditRecords.Where(r => r.EventType == AuditEventType.ChildUpdated && r.ChildId == id).Select(r => r.Details).SingleAsync());
        Assert.Contains("\"FirstNames\":[\"L\\u00E9o\",\"L\\u00E9on\"]", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linked_persons_can_be_added_edited_and_removed()
    {
        var client = await app.ApiAsync("referent");
        var childId = app.World.ChildNord;
        var added = await client.PostAsJsonAsync($"/api/v1/children/{childId}/linked-persons", new
        {
            person = new { relation = "Father", lastName = "Bernard", firstNames = "Marc", hasParentalAuthority = true, phone = "06 12 34 56 78" },
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var personId = (await Json.ReadAsync(added)).GetProperty("id").GetGuid();

        var edited = await client.PutAsJsonAsync($"/api/v1/children/{childId}/linked-persons/{personId}", new
        {
            person = new { relation = "Father", lastName = "Bernard", firstNames = "Marc", hasParentalAuthority = false },
            version = 0,
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/v1/children/{childId}/linked-persons/{personId}", new
        {
            person = new { relation = "Father", lastName = "Autre", hasParentalAuthority = true },
            version = 0,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/children/{childId}/linked-persons/{personId}")).StatusCode);
        var record = await Json.ReadAsync(await client.GetAsync($"/api/v1/children/{childId}"));
        Assert.DoesNotContain(record.GetProperty("linkedPersons").EnumerateArray(), p => p.GetProperty("id").GetGuid() == personId);
    }

    [Fact]
    public async Task A_partner_cannot_change_a_child_they_may_read()
    {
        var client = await app.ApiAsync("partner");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/children/{app.World.ChildMdph}")).StatusCode);
        var response = await client.PutAsJsonAsync($"/api/v1/children/{app.World.ChildMdph}", new { child = new { birthName = "Pirate", firstNames = "Jules" }, version = 0 });
        // The record is open to them, so the refusal says what it is (403), in French; a stranger gets 404.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Vous pouvez consulter ce dossier, pas le modifier.", (await Json.ReadAsync(response)).GetProperty("title").GetString());
        Assert.False(await app.WithDbAsync(db => db.Children.AnyAsync(c => c.BirthName == "Pirate")));
    }

    private Task<int> DeniedCountAsync(string user) => app.WithDbAsync(db => db.AuditRecords.CountAsync(r =>
        r.EventType == AuditEventType.AccessDenied && r.ChildId == app.World.ChildNord && r.UserId == app.World.Users[user]));
}

public sealed class ChildRecordTests_Sqlite(SqliteApp app) : ChildRecordTests(app), IClassFixture<SqliteApp>;

public sealed class ChildRecordTests_Postgres(PostgresApp app) : ChildRecordTests(app), IClassFixture<PostgresApp>;
