using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Measures;

/// <summary>
/// A measure through its life over HTTP (docs/domain.md, Measures): a référent opens an OPP for a child of
/// their service, it waits, is carried out, renewed by a new decision, lifted; the court, the judge and the
/// reference stay with the readers of the judicial section; bad input writes nothing; strangers get 404;
/// the échéances board lists what ends within two months to those who follow the child.
/// </summary>
public abstract class MeasureLifecycleTests(ArianeApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_opp_is_opened_started_renewed_and_lifted_and_its_court_stays_in_the_judicial_section()
    {
        var referent = await app.ApiAsync("referent");
        // Followed by the MECS (its health professional reads the social section, not the judicial one) and the MDPH.
        var child = await NewChildAsync("Garnier", "nord", "mecs", "mdph");
        var nord = app.World.Services["nord"];
        var firstEnd = Today.AddMonths(5);

        var opened = await referent.PostAsJsonAsync($"/api/v1/children/{child}/measures", new
        {
            kindCode = "opp",
            decidedOn = Iso(Today.AddDays(-3)),
            plannedEndOn = Iso(firstEnd),
            carriedOutByServiceId = nord,
            court = "Tribunal judiciaire de Lyon",
            judgeName = "Mme Lefèvre",
            reference = "RG 26/00123",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var measure = await Json.ReadAsync(opened);
        var id = measure.GetProperty("id").GetGuid();
        Assert.Equal("Decided", measure.GetProperty("state").GetString());
        Assert.Equal("Judicial", measure.GetProperty("framework").GetString());
        Assert.Equal("NATDECPLAC", measure.GetProperty("olinpeVariable").GetString());
        Assert.Equal(3, measure.GetProperty("daysWaited").GetInt32());
        Assert.Equal("Tribunal judiciaire de Lyon", Assert.Single(measure.GetProperty("decisions").EnumerateArray()).GetProperty("court").GetString());

        // The child's measures list it; the waiting list shows it with its days of waiting.
        var list = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/measures")));
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetGuid());
        Assert.Equal("Ordonnance de placement provisoire (OPP)", row.GetProperty("kindLabel").GetString());
        Assert.Contains(await WaitingAsync(referent), r => r.GetProperty("measureId").GetGuid() == id && r.GetProperty("days").GetInt32() == 3);

        // The decision chain: the référent reads it; the MECS's health professional reads the measure without it; the partner reads nothing.
        var full = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/measures/{id}")));
        Assert.False(full.GetProperty("decisionsWithheld").GetBoolean());
        Assert.Equal("RG 26/00123", full.GetProperty("decisions")[0].GetProperty("reference").GetString());
        var health = await app.ApiAsync("health");
        var withheld = await Ok(health.GetAsync($"/api/v1/measures/{id}"));
        var withheldText = await withheld.Content.ReadAsStringAsync();
        var withheldView = JsonDocument.Parse(withheldText).RootElement;
        Assert.True(withheldView.GetProperty("decisionsWithheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withheldView.GetProperty("decisions").ValueKind);
        Assert.Equal("Ordonnance de placement provisoire (OPP)", withheldView.GetProperty("kindLabel").GetString());
        foreach (var secret in new[] { "Tribunal judiciaire de Lyon", "Lefèvre", "RG 26/00123" })
        {
            Assert.DoesNotContain(secret, withheldText, StringComparison.Ordinal);
        }

        var partner = await app.ApiAsync("partner");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/measures/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/children/{child}/measures")).StatusCode);

        // Carried out: it leaves the waiting list.
        var started = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/measures/{id}/start",
            new { startsOn = Iso(Today.AddDays(-1)), version = measure.GetProperty("version").GetInt32() })));
        Assert.Equal("InProgress", started.GetProperty("state").GetString());
        Assert.DoesNotContain(await WaitingAsync(referent), r => r.GetProperty("measureId").GetGuid() == id);

        // Renewed by the judge: a second decision in the chain, the same court, a new échéance.
        var newEnd = firstEnd.AddMonths(4);
        var renewed = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/measures/{id}/renewal",
            new { decidedOn = Iso(Today), plannedEndOn = Iso(newEnd), reference = "RG 26/00456", version = started.GetProperty("version").GetInt32() })));
        Assert.Equal(Iso(newEnd), renewed.GetProperty("plannedEndOn").GetString());
        var chain = renewed.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(["Initial", "Renewal"], chain.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal("Tribunal judiciaire de Lyon", chain[1].GetProperty("court").GetString());
        Assert.Equal("RG 26/00456", chain[1].GetProperty("reference").GetString());
        Assert.Equal(Iso(firstEnd.AddDays(1)), chain[1].GetProperty("coversFrom").GetString());

        // Lifted (mainlevée): ended, with its MOTFININT and MOTIFML reasons.
        var renewedVersion = renewed.GetProperty("version").GetInt32();
        var ended = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/measures/{id}/end",
            new { endedOn = Iso(Today), reason = "Lifted", liftReason = "NoDanger", version = renewedVersion })));
        Assert.Equal("Ended", ended.GetProperty("state").GetString());
        Assert.Equal("Lifted", ended.GetProperty("endReason").GetString());
        Assert.Equal("NoDanger", ended.GetProperty("liftReason").GetString());

        // The same calls again with the versions read before: 409 with what is stored now. What the audit trail says
        // of them: the stored measure was shown (one read), and no second « renouvelée » or « fin de mesure ».
        var audit = await AuditCountsAsync(id);
        var staleEnd = await referent.PostAsJsonAsync($"/api/v1/measures/{id}/end", new { endedOn = Iso(Today), reason = "Term", version = renewedVersion });
        Assert.Equal(HttpStatusCode.Conflict, staleEnd.StatusCode);
        var staleRenewal = await referent.PostAsJsonAsync($"/api/v1/measures/{id}/renewal",
            new { decidedOn = Iso(Today), plannedEndOn = Iso(newEnd.AddMonths(1)), version = started.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, staleRenewal.StatusCode);
        Assert.Contains("\"Ended\"", await staleRenewal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await AuditCountsAsync(id);
        Assert.Equal(audit.Renewed, after.Renewed);
        Assert.Equal(audit.Ended, after.Ended);
        Assert.Equal(audit.Viewed + 2, after.Viewed);
        Assert.Equal(audit.Updated, after.Updated);
        Assert.Equal(2, await app.WithDbAsync(db => db.MeasureDecisions.CountAsync(d => d.MeasureId == id)));
        Assert.Equal("Ended", (await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/measures/{id}")))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_renewal_or_an_end_that_loses_the_race_to_another_save_is_409_and_audited_as_failed_not_done()
    {
        var referent = await app.ApiAsync("referent");
        var child = await NewChildAsync("Mercier", "nord");
        var measure = await OpenAsync(referent, child, "aemo", Today.AddMonths(-3), Today.AddMonths(-3), Today.AddMonths(6));
        var id = measure.GetProperty("id").GetGuid();
        var version = measure.GetProperty("version").GetInt32();

        // The version sent is the stored one when the handler reads it; another save lands before its UPDATE.
        app.SqlCommands.LoseNextUpdateRace("Measures");
        var renewal = await referent.PostAsJsonAsync($"/api/v1/measures/{id}/renewal",
            new { decidedOn = Iso(Today), plannedEndOn = Iso(Today.AddMonths(12)), version });
        Assert.Equal(HttpStatusCode.Conflict, renewal.StatusCode);
        app.SqlCommands.LoseNextUpdateRace("Measures");
        var end = await referent.PostAsJsonAsync($"/api/v1/measures/{id}/end", new { endedOn = Iso(Today), reason = "Term", version });
        Assert.Equal(HttpStatusCode.Conflict, end.StatusCode);

        // Nothing changed, and the trail does not say « renouvelée » or « fin de mesure » for writes that did not happen.
        var stored = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/measures/{id}")));
        Assert.Equal("InProgress", stored.GetProperty("state").GetString());
        Assert.Equal(Iso(Today.AddMonths(6)), stored.GetProperty("plannedEndOn").GetString());
        Assert.Single(stored.GetProperty("decisions").EnumerateArray());
        var rows = await app.WithDbAsync(db => db.AuditRecords.Where(r => r.EntityId == id
            && (r.EventType == AuditEventType.MeasureRenewed || r.EventType == AuditEventType.MeasureEnded)).Select(r => new { r.EventType, r.Outcome }).ToListAsync());
        Assert.DoesNotContain(rows, r => r.Outcome == AuditOutcome.Success);
        Assert.True((await app.VerifyAuditAsync()).IsIntact);
    }

    [Theory]
    [InlineData("zz_inconnue", 0, 6, "kindCode")]
    [InlineData("aemo", 0, 25, "plannedEndOn")]
    [InlineData("aemo_renforcee", 0, 13, "plannedEndOn")]
    [InlineData("aemo", 5, 6, "startsOn")]
    public async Task A_measure_refused_as_invalid_names_the_field_and_writes_nothing(string kindCode, int startInDays, int months, string field)
    {
        var referent = await app.ApiAsync("referent");
        var child = await NewChildAsync("Lambert", "nord");
        var start = Today.AddDays(startInDays);
        var measures = await app.WithDbAsync(db => db.Measures.CountAsync());
        var before = await DatabaseFingerprint.TakeAsync(app);

        var response = await referent.PostAsJsonAsync($"/api/v1/children/{child}/measures", new
        {
            kindCode,
            decidedOn = Iso(Today),
            startsOn = Iso(start),
            plannedEndOn = Iso(start.AddMonths(months)),
            carriedOutByServiceId = app.World.Services["nord"],
            court = "Tribunal judiciaire de Lyon",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error on {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(measures, await app.WithDbAsync(db => db.Measures.CountAsync()));
        Assert.Empty(DatabaseFingerprint.Differences(before, await DatabaseFingerprint.TakeAsync(app)));
    }

    [Fact]
    public async Task Implausible_dates_a_stretched_renewal_a_long_reference_and_a_referent_of_another_departement_are_refused_and_write_nothing()
    {
        var referent = await app.ApiAsync("referent");
        var child = await NewChildAsync("Mercier", "nord");
        var outsider = await app.CreateUserInAsync(app.World.Services["crip.collines"], RoleCatalogue.Referent, "mesuresref");
        var before = await DatabaseFingerprint.TakeAsync(app);
        async Task RefusedAsync(object body, string field)
        {
            var response = await referent.PostAsJsonAsync($"/api/v1/children/{child}/measures", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"no error on {field}");
        }

        var service = app.World.Services["nord"];
        await RefusedAsync(new { kindCode = "aemo", decidedOn = "0001-01-03", plannedEndOn = Iso(Today.AddMonths(6)), carriedOutByServiceId = service }, "decidedOn");
        await RefusedAsync(new { kindCode = "aed", decidedOn = Iso(Today), plannedEndOn = "9999-12-31", carriedOutByServiceId = service }, "plannedEndOn");
        await RefusedAsync(new { kindCode = "opp", decidedOn = Iso(Today), startsOn = Iso(Today), plannedEndOn = Iso(Today.AddMonths(5)), carriedOutByServiceId = service, reference = new string('R', 150) }, "reference");
        await RefusedAsync(new { kindCode = "aemo", decidedOn = Iso(Today), plannedEndOn = Iso(Today.AddMonths(6)), carriedOutByServiceId = service, referentUserId = outsider }, "referentUserId");
        Assert.Empty(DatabaseFingerprint.Differences(before, await DatabaseFingerprint.TakeAsync(app)));

        // An OPP renewed from a day long after its échéance would last more than its 6 months: refused.
        var opp = await OpenAsync(referent, child, "opp", Today.AddDays(-10), Today.AddDays(-10), Today.AddMonths(5));
        var late = Today.AddMonths(5).AddDays(200);
        var renewal = await referent.PostAsJsonAsync($"/api/v1/measures/{opp.GetProperty("id").GetGuid()}/renewal", new
        {
            decidedOn = Iso(Today),
            coversFrom = Iso(late),
            plannedEndOn = Iso(late.AddMonths(6)),
            court = "Tribunal judiciaire de Lyon",
            version = opp.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, renewal.StatusCode);
        Assert.True((await Json.ReadAsync(renewal)).GetProperty("errors").TryGetProperty("coversFrom", out _));
        Assert.Equal(1, await app.WithDbAsync(db => db.MeasureDecisions.CountAsync(d => d.MeasureId == opp.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task A_referent_of_another_departement_or_without_a_link_to_the_child_gets_404()
    {
        var referent = await app.ApiAsync("referent");
        var child = await NewChildAsync("Roux", "nord");
        var measure = await OpenAsync(referent, child, "aemo", Today.AddDays(-10), startsOn: null, Today.AddMonths(12));
        var id = measure.GetProperty("id").GetGuid();
        var version = measure.GetProperty("version").GetInt32();

        await app.CreateUserInAsync(app.World.Services["crip.collines"], RoleCatalogue.Referent, "mesurescollines");
        foreach (var stranger in new[] { await app.ApiAsync($"mesurescollines.{RoleCatalogue.Referent}"), await app.ApiAsync("referent.sud") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/measures/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/children/{child}/measures")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/measures/{id}/start", new { startsOn = Iso(Today), version })).StatusCode);
            var open = await stranger.PostAsJsonAsync($"/api/v1/children/{child}/measures", new
            {
                kindCode = "aed",
                decidedOn = Iso(Today),
                carriedOutByServiceId = app.World.Services["nord"],
            });
            Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
            Assert.DoesNotContain(await WaitingAsync(stranger), r => r.GetProperty("measureId").GetGuid() == id);
        }

        Assert.Equal("Decided", (await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/measures/{id}")))).GetProperty("state").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Measures.CountAsync(m => m.ChildId == child)));
    }

    [Fact]
    public async Task A_measure_ending_within_two_months_is_on_the_deadlines_of_the_referent_and_the_cadre_only()
    {
        var referent = await app.ApiAsync("referent");
        var child = await NewChildAsync("Fabre", "nord");
        var soon = await OpenAsync(referent, child, "aemo", Today.AddMonths(-10), Today.AddMonths(-10), Today.AddDays(30));
        var later = await OpenAsync(referent, child, "mjagbf", Today.AddMonths(-1), Today.AddMonths(-1), Today.AddMonths(8));
        var soonId = soon.GetProperty("id").GetGuid();

        foreach (var reader in new[] { referent, await app.ApiAsync("cadre") })
        {
            var rows = await DeadlinesAsync(reader);
            var row = Assert.Single(rows, r => r.GetProperty("measureId").GetGuid() == soonId);
            Assert.Equal(30, row.GetProperty("days").GetInt32());
            Assert.Equal("Action éducative en milieu ouvert (AEMO)", row.GetProperty("kindLabel").GetString());
            Assert.Contains("Fabre", row.GetProperty("childName").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(rows, r => r.GetProperty("measureId").GetGuid() == later.GetProperty("id").GetGuid());
        }

        var unrelated = await DeadlinesAsync(await app.ApiAsync("referent.sud"));
        Assert.DoesNotContain(unrelated, r => r.GetProperty("childId").GetGuid() == child);
    }

    private static async Task<List<JsonElement>> WaitingAsync(HttpClient client) =>
        [.. (await Json.ReadAsync(await Ok(client.GetAsync("/api/v1/measures/waiting")))).GetProperty("rows").EnumerateArray()];

    private static async Task<List<JsonElement>> DeadlinesAsync(HttpClient client) =>
        [.. (await Json.ReadAsync(await Ok(client.GetAsync("/api/v1/measures/deadlines")))).GetProperty("rows").EnumerateArray()];

    private Task<(int Renewed, int Ended, int Viewed, int Updated)> AuditCountsAsync(Guid measureId) => app.WithDbAsync(async db =>
    {
        var rows = await db.AuditRecords.Where(r => r.EntityId == measureId).Select(r => new { r.EventType, r.Section }).ToListAsync();
        // A measure shown leaves one social row (and one judicial row for the decisions): the social ones count the reads.
        return (rows.Count(r => r.EventType == AuditEventType.MeasureRenewed), rows.Count(r => r.EventType == AuditEventType.MeasureEnded),
            rows.Count(r => r.EventType == AuditEventType.MeasureViewed && r.Section == Section.Social), rows.Count(r => r.EventType == AuditEventType.MeasureUpdated));
    });

    private async Task<JsonElement> OpenAsync(HttpClient client, Guid child, string kindCode, DateOnly decidedOn, DateOnly? startsOn, DateOnly plannedEndOn)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/children/{child}/measures", new
        {
            kindCode,
            decidedOn = Iso(decidedOn),
            startsOn = startsOn is { } s ? Iso(s) : null,
            plannedEndOn = Iso(plannedEndOn),
            carriedOutByServiceId = app.World.Services["nord"],
            court = "Tribunal pour enfants de Lyon",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Json.ReadAsync(response);
    }

    /// <summary>A child of the main département born in 2014, followed by <paramref name="services"/> since 2024.</summary>
    private Task<Guid> NewChildAsync(string birthName, params string[] services) => app.WithDbAsync(async db =>
    {
        var child = new Child { BirthName = birthName, FirstNames = "Maëlle", BirthDate = new PartialDate(2014, 5, 4), Sex = Sex.Female, ResponsibleDepartementCode = TestWorld.Departement };
        db.Children.Add(child);
        foreach (var service in services)
        {
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services[service], StartsOn = new DateOnly(2024, 1, 1) });
        }

        await db.SaveChangesAsync();
        return child.Id;
    });

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}

public sealed class MeasureLifecycleTests_Sqlite(SqliteApp app) : MeasureLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class MeasureLifecycleTests_Postgres(PostgresApp app) : MeasureLifecycleTests(app), IClassFixture<PostgresApp>;
