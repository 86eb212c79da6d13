using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Facilities;
using Ariane.Core.Placements;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Facilities;

/// <summary>
/// The places board and placement requests over HTTP (docs/domain.md, Places and facilities): the cadre
/// declares a MECS and its lines, its chef de service updates the places, a référent finds one for Élodie
/// and asks; the MECS answers without ever seeing her name; the place is held, then freed.
/// </summary>
public abstract class PlacesTests(ArianeApp app)
{
    private static int postal = 10000;

    private static string NextPostal() => $"9{Interlocked.Increment(ref postal) % 10000:D4}";

    [Fact]
    public async Task Capacity_figures_follow_reserved_closed_and_a_version_conflict_is_409()
    {
        var cadre = await app.ApiAsync("cadre");
        var cp = NextPostal();
        var facility = await CreateFacilityAsync(cadre, "Foyer Chiffres", cp, app.World.Services["mecs"]);
        var line = await AddLineAsync(cadre, facility, CareType.Permanent, 6, 12, "Any", installed: 8);
        Assert.Equal(8, line.GetProperty("available").GetInt32());

        var id = line.GetProperty("id").GetGuid();
        var updated = await Ok(cadre.PutAsJsonAsync($"/api/v1/facilities/{facility}/capacities/{id}", new
        {
            careType = "Permanent",
            ageMinYears = 6,
            ageMaxYears = 12,
            acceptedSex = "Any",
            installed = 8,
            supplementary = 1,
            reserved = 2,
            closed = 3,
            version = line.GetProperty("version").GetInt32(),
        }));
        var u = await Json.ReadAsync(updated);
        Assert.Equal(4, u.GetProperty("available").GetInt32());
        Assert.False(string.IsNullOrEmpty(u.GetProperty("updatedByName").GetString()));

        var stale = await cadre.PutAsJsonAsync($"/api/v1/facilities/{facility}/capacities/{id}", new
        {
            careType = "Permanent",
            ageMinYears = 6,
            ageMaxYears = 12,
            acceptedSex = "Any",
            installed = 9,
            supplementary = 0,
            reserved = 0,
            closed = 0,
            version = line.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("avant vous", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await cadre.PutAsJsonAsync($"/api/v1/facilities/{facility}/capacities/{id}", new { careType = "Permanent", ageMinYears = 12, ageMaxYears = 6, installed = -1, version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // The observatory reads the availability (ReadAvailability); a partner does not see the facility.
        await app.CreateUserInAsync(app.World.Services["nord"], RoleCatalogue.Observatory, "placesobs");
        var obs = await app.ApiAsync($"placesobs.{RoleCatalogue.Observatory}");
        Assert.Equal(HttpStatusCode.OK, (await obs.GetAsync($"/api/v1/facilities/{facility}")).StatusCode);
        var partner = await app.ApiAsync("partner");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/facilities/{facility}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/places")).StatusCode);
    }

    [Fact]
    public async Task The_board_filters_on_type_age_sex_emergency_departement_and_postal_code_and_pages_on_the_id()
    {
        var cadre = await app.ApiAsync("cadre");
        var referent = await app.ApiAsync("referent");
        var cp = NextPostal();
        var a = await CreateFacilityAsync(cadre, "Maison Filtres", cp, null);
        await AddLineAsync(cadre, a, CareType.Permanent, 6, 12, "Girls", installed: 2);
        await AddLineAsync(cadre, a, CareType.Emergency, 0, 17, "Any", installed: 1);
        await AddLineAsync(cadre, a, CareType.Respite, 13, 17, "Boys", installed: 0);
        var hidden = await CreateFacilityAsync(cadre, "Maison Cachée", cp, null, publishes: false);
        await AddLineAsync(cadre, hidden, CareType.Permanent, 0, 21, "Any", installed: 5);
        // A published place of Collines (97), shown only with « tous ».
        var other = await app.WithDbAsync(async db =>
        {
            var f = new Facility { Name = "Foyer des Collines", DepartementCode = TestWorld.OtherDepartement, PostalCode = cp, PlaceKind = PlaceKind.Establishment };
            f.Capacities.Add(new FacilityCapacity { DepartementCode = f.DepartementCode, CareType = CareType.Permanent, AgeMinYears = 0, AgeMaxYears = 21, Installed = 3, Available = 3, UpdatedByName = "x", UpdatedAt = DateTime.UtcNow.AddDays(-10) });
            db.Facilities.Add(f);
            await db.SaveChangesAsync();
            return f.Id;
        });

        async Task<List<JsonElement>> Board(string q)
        {
            var page = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/places?postalCode={cp}&{q}")));
            return [.. page.GetProperty("items").EnumerateArray()];
        }

        Assert.Equal(2, (await Board("")).Count);
        Assert.All(await Board(""), r => Assert.Equal(a, r.GetProperty("facilityId").GetGuid()));
        Assert.Equal("Emergency", Assert.Single(await Board("emergency=true")).GetProperty("careType").GetString());
        Assert.Equal("Permanent", Assert.Single(await Board("careType=Permanent")).GetProperty("careType").GetString());
        Assert.Single(await Board("age=3"));
        Assert.Equal(2, (await Board("age=8&sex=Female")).Count);
        Assert.Single(await Board("age=8&sex=Male"));
        var all = await Board("departement=tous");
        Assert.Equal(3, all.Count);
        var collines = Assert.Single(all, r => r.GetProperty("facilityId").GetGuid() == other);
        Assert.True(collines.GetProperty("stale").GetBoolean());
        // A longer prefix matches nothing (asked alone: a repeated parameter would be bound as "a,b").
        var longer = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/places?postalCode={cp}9")));
        Assert.Empty(longer.GetProperty("items").EnumerateArray());

        // Keyset: one line a page would need many pages; here the cursor moves past the first line.
        var first = (await Board("")).OrderBy(r => r.GetProperty("capacityId").GetGuid()).First().GetProperty("capacityId").GetGuid();
        Assert.DoesNotContain(await Board($"after={first}"), r => r.GetProperty("capacityId").GetGuid() == first);
    }

    [Fact]
    public async Task The_board_issues_as_many_SQL_commands_with_5_and_60_facilities()
    {
        var referent = await app.ApiAsync("referent");
        var cp = NextPostal();
        await SeedAsync(5, cp);
        var small = await CountAsync(referent, cp);
        await SeedAsync(55, cp);
        var large = await CountAsync(referent, cp);
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task A_request_goes_from_sent_to_accepted_holding_a_place_and_the_facility_never_sees_the_name()
    {
        var cadre = await app.ApiAsync("cadre");
        var referent = await app.ApiAsync("referent");
        var mecsService = app.World.Services["mecs"];
        await app.CreateUserInAsync(mecsService, RoleCatalogue.HeadOfService, "placeschef");
        var chef = await app.ApiAsync($"placeschef.{RoleCatalogue.HeadOfService}");
        var cp = NextPostal();
        var mecs = await CreateFacilityAsync(cadre, "MECS Les Tilleuls", cp, mecsService);
        var line = await AddLineAsync(cadre, mecs, CareType.Permanent, 6, 14, "Any", installed: 1);
        var lineId = line.GetProperty("id").GetGuid();
        var elsewhere = await CreateFacilityAsync(cadre, "Foyer Ailleurs", cp, app.World.Services["nord"]);
        await AddLineAsync(cadre, elsewhere, CareType.Permanent, 6, 14, "Any", installed: 1);
        var child = app.World.ChildElodie;

        // A user without social write on Élodie cannot ask for her; needs are required.
        var partner = await app.ApiAsync("partner");
        Assert.True((await partner.PostAsJsonAsync("/api/v1/placement-requests", Draft(child, mecs, elsewhere))).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        var noNeeds = Draft(child, mecs, elsewhere);
        noNeeds["needs"] = " ";
        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsJsonAsync("/api/v1/placement-requests", noNeeds)).StatusCode);

        var sent = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync("/api/v1/placement-requests", Draft(child, mecs, elsewhere))));
        var requestId = sent.GetProperty("id").GetGuid();
        Assert.Equal(2, sent.GetProperty("targets").GetArrayLength());
        Assert.Equal(11, sent.GetProperty("childAgeYears").GetInt32());
        var target = sent.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("facilityId").GetGuid() == mecs);
        var targetId = target.GetProperty("id").GetGuid();

        // The MECS's inbox: the request, without her name nor dossier number; its reading is on her access log.
        var inbox = await Ok(chef.GetAsync($"/api/v1/facilities/{mecs}/requests"));
        var inboxText = await inbox.Content.ReadAsStringAsync();
        Assert.Contains(requestId.ToString(), inboxText, StringComparison.Ordinal);
        Assert.DoesNotContain("Élodie", inboxText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Arc-Dupont", inboxText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(sent.GetProperty("dossierNumber").GetString()!, inboxText, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.PlacementRequestViewed && r.ChildId == child && r.EntityId == requestId)));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.SourceId == requestId && n.Kind == Core.Notifications.NotificationKind.PlacementRequestReceived)));

        // Another facility's chef gets 404 on this inbox.
        await app.CreateUserInAsync(app.World.Services["nord"], RoleCatalogue.HeadOfService, "placesother");
        var otherChef = await app.ApiAsync($"placesother.{RoleCatalogue.HeadOfService}");
        Assert.Equal(HttpStatusCode.NotFound, (await otherChef.GetAsync($"/api/v1/facilities/{mecs}/requests")).StatusCode);

        // A refusal needs a reason.
        var answerUrl = $"/api/v1/placement-requests/{requestId}/targets/{targetId}/answer";
        Assert.Equal(HttpStatusCode.BadRequest, (await chef.PostAsJsonAsync(answerUrl, new { status = "Refused", version = target.GetProperty("version").GetInt32() })).StatusCode);

        var accepted = await Json.ReadAsync(await Ok(chef.PostAsJsonAsync(answerUrl, new { status = "Accepted", version = target.GetProperty("version").GetInt32() })));
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(lineId, accepted.GetProperty("capacityId").GetGuid());
        var board = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/places?postalCode={cp}")));
        Assert.DoesNotContain(board.GetProperty("items").EnumerateArray(), r => r.GetProperty("capacityId").GetGuid() == lineId);
        var view = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/placement-requests/{requestId}")));
        var other = view.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("facilityId").GetGuid() == elsewhere);
        Assert.Equal("Withdrawn", other.GetProperty("status").GetString());
        Assert.Equal("Place trouvée ailleurs", other.GetProperty("statusNote").GetString());
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.SourceId == requestId && n.Kind == Core.Notifications.NotificationKind.PlacementRequestAnswered)));

        // A second request on the same full line: 409.
        var second = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync("/api/v1/placement-requests", Draft(child, mecs))));
        var t2 = second.GetProperty("targets")[0];
        var full = await chef.PostAsJsonAsync($"/api/v1/placement-requests/{second.GetProperty("id").GetGuid()}/targets/{t2.GetProperty("id").GetGuid()}/answer",
            new { status = "Accepted", capacityId = lineId, version = t2.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("Plus de place disponible", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The référent withdraws: the place is free again.
        await Ok(referent.PostAsync($"/api/v1/placement-requests/{requestId}/withdraw", null));
        Assert.Equal(1, await app.WithDbAsync(db => db.FacilityCapacities.Where(c => c.Id == lineId).Select(c => c.Available).SingleAsync()));
    }

    private static Dictionary<string, object?> Draft(Guid child, params Guid[] facilities) => new()
    {
        ["childId"] = child,
        ["facilityIds"] = facilities,
        ["careType"] = "Permanent",
        ["wantedFrom"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["needs"] = "Besoin d'un cadre contenant, scolarisée en CM2.",
        ["siblingsTogether"] = 0,
        ["contactPhone"] = "0102030405",
    };

    private async Task SeedAsync(int count, string cp) => await app.WithDbAsync(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            var f = new Facility { Name = $"Foyer {cp} {i}", DepartementCode = "98", PostalCode = cp, PlaceKind = PlaceKind.Establishment };
            f.Capacities.Add(new FacilityCapacity { DepartementCode = "98", CareType = CareType.Permanent, AgeMaxYears = 21, Installed = 2, Available = 2, UpdatedByName = "x", UpdatedAt = DateTime.UtcNow });
            db.Facilities.Add(f);
        }

        return await db.SaveChangesAsync();
    });

    private async Task<long> CountAsync(HttpClient client, string cp)
    {
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var before = app.SqlCommands.Count;
            using var response = await client.GetAsync($"/api/v1/places?postalCode={cp}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            fewest = Math.Min(fewest, app.SqlCommands.Count - before);
        }

        return fewest;
    }

    private static async Task<Guid> CreateFacilityAsync(HttpClient cadre, string name, string cp, Guid? serviceId, bool publishes = true)
    {
        var response = await Ok(cadre.PostAsJsonAsync("/api/v1/facilities", new
        {
            name,
            departementCode = "98",
            placeKind = "Establishment",
            serviceId,
            finess = "980000001",
            postalCode = cp,
            city = "Testville",
            contactName = "Permanence",
            contactPhone = "0102030405",
            publishesPlaces = publishes,
        }));
        return (await Json.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> AddLineAsync(HttpClient cadre, Guid facility, CareType type, int min, int max, string sex, int installed) =>
        await Json.ReadAsync(await Ok(cadre.PostAsJsonAsync($"/api/v1/facilities/{facility}/capacities", new
        {
            careType = type.ToString(),
            ageMinYears = min,
            ageMaxYears = max,
            acceptedSex = sex,
            installed,
        })));

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}

public sealed class PlacesTests_Sqlite(SqliteApp app) : PlacesTests(app), IClassFixture<SqliteApp>;

public sealed class PlacesTests_Postgres(PostgresApp app) : PlacesTests(app), IClassFixture<PostgresApp>;
