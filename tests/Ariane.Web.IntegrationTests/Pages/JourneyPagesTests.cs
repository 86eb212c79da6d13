using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Pages;

/// <summary>
/// The référent's screens of issue 8 as a browser posts them: open an OPP from the child's record, place the child
/// in the MECS (the place leaves the board at once), see the timeline and the contact card, end the stay (the
/// place comes back), protect the child; refused forms write nothing.
/// </summary>
public abstract class JourneyPagesTests(ArianeApp app)
{
    private static int postal = 4000;

    [Fact]
    public async Task A_referent_opens_an_opp_places_the_child_in_the_mecs_and_the_board_follows()
    {
        var cp = $"98{Interlocked.Increment(ref postal) % 1000:D3}";
        var cadreApi = await app.ApiAsync("cadre");
        var facility = await CreateFacilityAsync(cadreApi, "MECS Les Pages", cp);
        var child = app.World.ChildNord;
        var web = await app.WebAsync("referent");
        var api = await app.ApiAsync("referent");

        // The record offers the two actions; the form lists the kinds by framework.
        var record = await PageHtml.GetPageAsync(web, $"/Children/Details/{child}");
        Assert.Contains("Parcours : mesures et lieux d'accueil", record, StringComparison.Ordinal);
        Assert.Contains($"/Measures/Open/{child}", record, StringComparison.Ordinal);
        Assert.Contains("Qui peut voir ou appeler cet enfant", record, StringComparison.Ordinal);
        var form = await PageHtml.GetPageAsync(web, $"/Measures/Open/{child}");
        Assert.Contains("Ordonnance de placement provisoire (OPP)", form, StringComparison.Ordinal);
        Assert.Contains("Mesures judiciaires", form, StringComparison.Ordinal);

        // A judicial measure without its court is refused, nothing written.
        var before = await app.WithDbAsync(db => db.Measures.CountAsync(m => m.ChildId == child));
        var fields = new Dictionary<string, string>
        {
            ["Input.KindCode"] = "opp",
            ["Input.DecidedOn"] = Fr(DateTime.Today.AddDays(-2)),
            ["Input.StartsOn"] = Fr(DateTime.Today.AddDays(-2)),
            ["Input.PlannedEndOn"] = Fr(DateTime.Today.AddMonths(1)),
            ["Input.CarriedOutByServiceId"] = app.World.Services["nord"].ToString(),
            ["Input.JudgeName"] = "Mme la juge Test",
            ["Input.Reference"] = "OPP-2026-0042",
            ["DepartementCode"] = "98",
        };
        var refused = await ArianeApp.PostFormAsync(web, $"/Measures/Open/{child}", fields, $"/Measures/Open/{child}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Indiquez le tribunal qui a ordonné la mesure.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Measures.CountAsync(m => m.ChildId == child)));

        fields["Input.Court"] = "Tribunal judiciaire de Test";
        var opened = await ArianeApp.PostFormAsync(web, $"/Measures/Open/{child}", fields, $"/Measures/Open/{child}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var measurePage = PageHtml.Location(opened);
        Assert.StartsWith("/Measures/Details/", measurePage, StringComparison.Ordinal);
        var measure = await PageHtml.GetPageAsync(web, measurePage);
        Assert.Contains("Ordonnance de placement provisoire (OPP)", measure, StringComparison.Ordinal);
        Assert.Contains("Tribunal judiciaire de Test", measure, StringComparison.Ordinal);
        Assert.Contains("NATDECPLAC = 1", measure, StringComparison.Ordinal);
        // Its échéance within two months puts it on the référent's « Mesures » page.
        Assert.Contains(measurePage, await PageHtml.GetPageAsync(web, "/Measures"), StringComparison.Ordinal);
        var measureId = Guid.Parse(measurePage["/Measures/Details/".Length..]);

        // The stay in the MECS: the place leaves the board at once.
        Assert.Equal(2, await AvailableAsync(api, cp));
        var stayForm = await PageHtml.GetPageAsync(web, $"/Placements/Open/{child}");
        Assert.Contains("MECS Les Pages", stayForm, StringComparison.Ordinal);
        var placed = await ArianeApp.PostFormAsync(web, $"/Placements/Open/{child}", new()
        {
            ["Input.MeasureId"] = measureId.ToString(),
            ["Input.StartsOn"] = Fr(DateTime.Today),
            ["Input.CareType"] = "Permanent",
            ["Input.FacilityId"] = facility.ToString(),
            ["Input.Reason"] = "Danger au domicile",
        }, $"/Placements/Open/{child}");
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Equal(1, await AvailableAsync(api, cp));
        record = await PageHtml.GetPageAsync(web, $"/Children/Details/{child}");
        Assert.Contains("Accueilli actuellement : <strong>MECS Les Pages</strong>", record, StringComparison.Ordinal);
        Assert.Contains("Motif : Danger au domicile", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Accueil sans mesure en vigueur", record, StringComparison.Ordinal);

        // Ending the stay frees the place.
        var stayId = await app.WithDbAsync(db => db.Placements.Where(p => p.ChildId == child && p.FacilityId == facility).Select(p => p.Id).SingleAsync());
        Assert.Contains($"/Placements/End/{stayId}", record, StringComparison.Ordinal);
        var endForm = await PageHtml.GetPageAsync(web, $"/Placements/End/{stayId}");
        Assert.Contains("Mettre fin à l'accueil", endForm, StringComparison.Ordinal);
        var ended = await ArianeApp.PostFormAsync(web, $"/Placements/End/{stayId}", new()
        {
            ["Input.EndsOn"] = Fr(DateTime.Today),
            ["Input.Reason"] = "Retour en famille",
        }, $"/Placements/End/{stayId}");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        // The last day of a stay is the day the child leaves: the place is free tonight.
        Assert.Equal(2, await AvailableAsync(api, cp));
        var stay = await app.WithDbAsync(db => db.Placements.SingleAsync(p => p.Id == stayId));
        Assert.Equal(DateOnly.FromDateTime(DateTime.Today), stay.EndsOn);
        Assert.Equal("Retour en famille", stay.EndReason);
    }

    [Fact]
    public async Task Only_a_cadre_protects_a_child_and_the_record_then_says_so()
    {
        var child = app.World.ChildSud;
        var referent = await app.WebAsync("referent.sud");
        var refused = await referent.GetAsync($"/Placements/Protection/{child}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        var cadre = await app.WebAsync("cadre");
        var page = await PageHtml.GetPageAsync(cadre, $"/Placements/Protection/{child}");
        Assert.Contains("Protéger cet enfant", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Protect\" value=\"true\"", page, StringComparison.Ordinal);
        var empty = await ArianeApp.PostFormAsync(cadre, $"/Placements/Protection/{child}", new() { ["Protect"] = "true", ["Input.Reason"] = "" }, $"/Placements/Protection/{child}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.IsProtected).SingleAsync()));

        var done = await ArianeApp.PostFormAsync(cadre, $"/Placements/Protection/{child}", new() { ["Protect"] = "true", ["Input.Reason"] = "Menaces du père" }, $"/Placements/Protection/{child}");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Enfant protégé.", await PageHtml.GetPageAsync(referent, $"/Children/Details/{child}"), StringComparison.Ordinal);
        // The same form sent twice (a double click) does not lift what it has just set.
        var again = await ArianeApp.PostFormAsync(cadre, $"/Placements/Protection/{child}", new() { ["Protect"] = "true", ["Input.Reason"] = "Menaces du père" }, $"/Placements/Protection/{child}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.IsProtected).SingleAsync()));
        var lifted = await ArianeApp.PostFormAsync(cadre, $"/Placements/Protection/{child}", new() { ["Protect"] = "false", ["Input.Reason"] = "Danger écarté" }, $"/Placements/Protection/{child}");
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.DoesNotContain("Enfant protégé.", await PageHtml.GetPageAsync(referent, $"/Children/Details/{child}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nightly_recount_frees_the_place_of_a_stay_that_ended_yesterday()
    {
        var cp = $"98{Interlocked.Increment(ref postal) % 1000:D3}";
        var facility = await CreateFacilityAsync(await app.ApiAsync("cadre"), "Foyer de la nuit", cp);
        var api = await app.ApiAsync("referent");
        var child = app.World.ChildElodie;
        var opened = await api.PostAsJsonAsync($"/api/v1/children/{child}/placements", new
        {
            placeKind = "Establishment",
            careType = "Permanent",
            facilityId = facility,
            startsOn = DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        Assert.Equal(1, await AvailableAsync(api, cp));

        // Days pass: the stay was recorded with its end yesterday (nobody touched the line since).
        await app.WithDbAsync(async db =>
        {
            var stay = await db.Placements.SingleAsync(p => p.ChildId == child && p.FacilityId == facility);
            stay.EndsOn = DateOnly.FromDateTime(DateTime.Today.AddDays(-1));
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(1, await AvailableAsync(api, cp));

        var job = app.Services.GetRequiredService<Ariane.Web.Features.Facilities.PlacesRecount>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Ariane.Persistence.Audit.AuditTrail>().Actor = Ariane.Persistence.Audit.AuditActor.System;
            await job.RunAsync(scope.ServiceProvider, new NoProgress(), CancellationToken.None);
        }

        Assert.Equal(2, await AvailableAsync(api, cp));
    }

    private static string Fr(DateTime day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private sealed class NoProgress : Ariane.Web.Infrastructure.Jobs.IJobProgress
    {
        public Task ReportAsync(int processed, int? total, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static async Task<Guid> CreateFacilityAsync(HttpClient cadre, string name, string cp)
    {
        var created = await cadre.PostAsJsonAsync("/api/v1/facilities", new
        {
            name,
            departementCode = "98",
            placeKind = "Establishment",
            finess = "980000002",
            postalCode = cp,
            city = "Testville",
            contactName = "Permanence",
            contactPhone = "0102030405",
            publishesPlaces = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json.ReadAsync(created)).GetProperty("id").GetGuid();
        var line = await cadre.PostAsJsonAsync($"/api/v1/facilities/{id}/capacities", new
        {
            careType = "Permanent",
            ageMinYears = 6,
            ageMaxYears = 17,
            acceptedSex = "Any",
            installed = 2,
        });
        Assert.True(line.IsSuccessStatusCode, await line.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<int> AvailableAsync(HttpClient client, string cp)
    {
        var page = await Json.ReadAsync(await client.GetAsync($"/api/v1/places?postalCode={cp}"));
        return page.GetProperty("items").EnumerateArray().Sum(r => r.GetProperty("available").GetInt32());
    }
}

public sealed class JourneyPagesTests_Sqlite(SqliteApp app) : JourneyPagesTests(app), IClassFixture<SqliteApp>;

public sealed class JourneyPagesTests_Postgres(PostgresApp app) : JourneyPagesTests(app), IClassFixture<PostgresApp>;
