using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Facilities;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Placements;

/// <summary>
/// Where the child lives, over HTTP (docs/domain.md, Placements; docs/security.md, Protected flag): a stay in
/// the association's MECS takes a place on its line and opens the record to its team, its end gives both
/// back; a change of place closes the previous stay; the rules of hotels and overlaps; the child's journey;
/// the protected flag that hides the place; the rights of visit on « Qui peut voir ou appeler cet enfant ».
/// </summary>
public abstract class PlacementTests(ArianeApp app)
{
    private const string Hidden = "Lieu d'accueil protégé";

    private static int postal = 20000;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_stay_in_the_mecs_takes_a_place_opens_the_record_to_its_educators_and_its_end_gives_both_back()
    {
        var referent = await app.ApiAsync("referent");
        var cadre = await app.ApiAsync("cadre");
        var educator = await app.ApiAsync("educator");
        var (facility, line, cp, _) = await MecsAsync(cadre, installed: 2);
        var child = await NewChildAsync("Perrin", new PartialDate(2014, 5, 4));
        var measure = await MeasureAsync(referent, child);
        Assert.Equal(2, await BoardAvailableAsync(referent, cp, line));
        // A postal code has at most 10 characters: a longer one is refused (SQLite would fail on a huge LIKE pattern).
        var tooLong = await referent.GetAsync($"/api/v1/places?postalCode={new string('9', 60_000)}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await Json.ReadAsync(tooLong)).GetProperty("errors").TryGetProperty("PostalCode", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await educator.GetAsync($"/api/v1/children/{child}")).StatusCode);

        var journey = await OpenStayAsync(referent, child, new
        {
            measureId = measure,
            placeKind = "Establishment",
            careType = "Permanent",
            facilityId = facility,
            startsOn = Iso(Today.AddDays(-10)),
            reason = "Ordonnance de placement",
        });
        var stay = journey.GetProperty("currentStay");
        Assert.StartsWith("MECS Les Tilleuls", stay.GetProperty("place").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, stay.GetProperty("error").ValueKind);
        Assert.Equal((1, 1), await LineAsync(cadre, facility, line));
        Assert.Equal(1, await BoardAvailableAsync(referent, cp, line));

        // Access follows the place: the MECS's educator reads her now.
        Assert.Equal(HttpStatusCode.OK, (await educator.GetAsync($"/api/v1/children/{child}")).StatusCode);
        var seen = await Json.ReadAsync(await Ok(educator.GetAsync($"/api/v1/children/{child}/journey")));
        Assert.StartsWith("MECS Les Tilleuls", seen.GetProperty("currentStay").GetProperty("place").GetString(), StringComparison.Ordinal);

        // She went home yesterday: the place is free again, the MECS's access ended with the stay.
        var ended = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/placements/{stay.GetProperty("id").GetGuid()}/end",
            new { endsOn = Iso(Today.AddDays(-1)), reason = "Retour en famille", version = stay.GetProperty("version").GetInt32() })));
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("currentStay").ValueKind);
        Assert.Equal((0, 2), await LineAsync(cadre, facility, line));
        Assert.Equal(2, await BoardAvailableAsync(referent, cp, line));
        Assert.Equal(HttpStatusCode.NotFound, (await educator.GetAsync($"/api/v1/children/{child}")).StatusCode);
    }

    [Fact]
    public async Task A_change_of_place_ends_the_previous_stay_the_day_before_and_the_journey_counts_it()
    {
        var referent = await app.ApiAsync("referent");
        var cadre = await app.ApiAsync("cadre");
        var (facility, _, _, name) = await MecsAsync(cadre, installed: 3);
        var child = await NewChildAsync("Chevalier", new PartialDate(2013, 2, 1));

        // First with her grandmother, before any measure: a stay to put right.
        await OpenStayAsync(referent, child, new { placeKind = "Other", placeLabel = "Chez sa grand-mère", startsOn = Iso(Today.AddDays(-20)) });
        var measure = await MeasureAsync(referent, child);
        var journey = await OpenStayAsync(referent, child, new
        {
            measureId = measure,
            placeKind = "Establishment",
            facilityId = facility,
            startsOn = Iso(Today.AddDays(-5)),
            previousEndReason = "La grand-mère ne peut plus l'accueillir",
        });

        Assert.Equal(1, journey.GetProperty("changesOfPlace").GetInt32());
        Assert.Equal(name, journey.GetProperty("currentStay").GetProperty("place").GetString());
        var stays = journey.GetProperty("timeline").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "stay")
            .Select(i => i.GetProperty("stay")).ToList();
        Assert.Equal(2, stays.Count);
        var first = Assert.Single(stays, s => s.GetProperty("place").GetString() == "Chez sa grand-mère");
        Assert.Equal(Iso(Today.AddDays(-6)), first.GetProperty("endsOn").GetString());
        Assert.Equal("La grand-mère ne peut plus l'accueillir", first.GetProperty("endReason").GetString());
        Assert.Equal("Accueil sans mesure en vigueur", first.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, stays.Single(s => s.GetProperty("place").GetString() == name).GetProperty("error").ValueKind);
        var measureItem = Assert.Single(journey.GetProperty("timeline").EnumerateArray(), i => i.GetProperty("kind").GetString() == "measure");
        Assert.Equal("Judiciaire", measureItem.GetProperty("measure").GetProperty("frameworkLabel").GetString());
        Assert.Equal("En cours", measureItem.GetProperty("measure").GetProperty("stateLabel").GetString());

        // The journey read again says the same.
        var read = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/journey")));
        Assert.Equal(1, read.GetProperty("changesOfPlace").GetInt32());
        Assert.Equal(3, read.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Moving_to_another_line_of_the_same_mecs_keeps_its_team_on_the_record_and_a_facility_keeps_its_own_kind()
    {
        var referent = await app.ApiAsync("referent");
        var cadre = await app.ApiAsync("cadre");
        var educator = await app.ApiAsync("educator");
        var (facility, _, _, _) = await MecsAsync(cadre, installed: 2);
        await Ok(cadre.PostAsJsonAsync($"/api/v1/facilities/{facility}/capacities",
            new { careType = "Emergency", ageMinYears = 6, ageMaxYears = 17, acceptedSex = "Any", installed = 1 }));
        var child = await NewChildAsync("Sabatier", new PartialDate(2013, 3, 3));
        var measure = await MeasureAsync(referent, child);

        // A facility is of its own kind: recorded as something else (a hotel as an establishment…), refused.
        var wrongKind = await referent.PostAsJsonAsync($"/api/v1/children/{child}/placements",
            new { measureId = measure, placeKind = "FosterCarer", facilityId = facility, startsOn = Iso(Today.AddDays(-5)) });
        await AssertInvalidAsync(wrongKind, "placeKind", "Ce lieu d'accueil est de nature");

        await OpenStayAsync(referent, child, new { measureId = measure, placeKind = "Establishment", careType = "Emergency", facilityId = facility, startsOn = Iso(Today.AddDays(-5)) });
        await OpenStayAsync(referent, child, new { measureId = measure, placeKind = "Establishment", careType = "Permanent", facilityId = facility, startsOn = Iso(Today) });
        Assert.Equal(HttpStatusCode.OK, (await educator.GetAsync($"/api/v1/children/{child}")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.ServiceAssignments.AnyAsync(a => a.ChildId == child && a.ServiceId == app.World.Services["mecs"] && a.EndsOn == null)));
    }

    [Fact]
    public async Task A_stay_recorded_ahead_keeps_its_place_and_a_place_held_elsewhere_for_the_child_is_given_back()
    {
        var referent = await app.ApiAsync("referent");
        var cadre = await app.ApiAsync("cadre");
        var (first, firstLine, _, _) = await MecsAsync(cadre, installed: 1);
        var (second, secondLine, _, _) = await MecsAsync(cadre, installed: 1);
        var child = await NewChildAsync("Tessier", new PartialDate(2013, 8, 8));
        var measure = await MeasureAsync(referent, child);

        // A request to both MECS; the first accepts and holds its only place.
        var sent = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync("/api/v1/placement-requests", new
        {
            childId = child,
            facilityIds = new[] { first, second },
            careType = "Permanent",
            wantedFrom = Iso(Today.AddDays(7)),
            needs = "Scolarisée en 6e, besoin d'un cadre contenant.",
        })));
        var target = sent.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("facilityId").GetGuid() == first);
        await Ok(cadre.PostAsJsonAsync($"/api/v1/placement-requests/{sent.GetProperty("id").GetGuid()}/targets/{target.GetProperty("id").GetGuid()}/answer",
            new { status = "Accepted", version = target.GetProperty("version").GetInt32() }));
        Assert.Equal((0, 0), await LineAsync(cadre, first, firstLine));

        // She is finally hosted by the second MECS from next week: its place is kept for her from now on, and the
        // first MECS gets its place back.
        await OpenStayAsync(referent, child, new { measureId = measure, placeKind = "Establishment", facilityId = second, startsOn = Iso(Today.AddDays(7)) });
        Assert.Equal((0, 0), await LineAsync(cadre, second, secondLine));
        Assert.Equal((0, 1), await LineAsync(cadre, first, firstLine));
        Assert.Equal(PlacementRequestStatus.Withdrawn, await app.WithDbAsync(db => db.PlacementRequestTargets.Where(t => t.Id == target.GetProperty("id").GetGuid()).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_facility_is_run_by_a_service_of_its_departement_or_of_an_association()
    {
        var cadre = await app.ApiAsync("cadre");
        var count = await app.WithDbAsync(db => db.Facilities.CountAsync());
        // The facility's service is assigned to every child it hosts: a service of another département is refused.
        var response = await cadre.PostAsJsonAsync("/api/v1/facilities", new
        {
            name = "Foyer d'ailleurs",
            departementCode = TestWorld.Departement,
            placeKind = "Establishment",
            serviceId = app.World.Services["crip.collines"],
            postalCode = "98100",
            city = "Testville",
        });
        await AssertInvalidAsync(response, "ServiceId", "Choisissez un service actif du département ou d'une association.");
        Assert.Equal(count, await app.WithDbAsync(db => db.Facilities.CountAsync()));
    }

    [Fact]
    public async Task A_hotel_under_16_and_a_stay_overlapping_another_are_refused_and_write_nothing()
    {
        var referent = await app.ApiAsync("referent");
        var child = await NewChildAsync("Gauthier", new PartialDate(2014, 5, 4));
        await OpenStayAsync(referent, child, new { placeKind = "Other", placeLabel = "Chez son oncle", startsOn = Iso(Today.AddDays(-10)) });
        var stays = await app.WithDbAsync(db => db.Placements.CountAsync(p => p.ChildId == child));
        var before = await DatabaseFingerprint.TakeAsync(app);

        var hotel = await referent.PostAsJsonAsync($"/api/v1/children/{child}/placements", new { placeKind = "Hotel", placeLabel = "Hôtel de la Gare", startsOn = Iso(Today) });
        await AssertInvalidAsync(hotel, "placeKind", "16 ans");
        // Begun before the current stay and still running: both would be at once.
        var overlap = await referent.PostAsJsonAsync($"/api/v1/children/{child}/placements", new { placeKind = "Other", placeLabel = "Chez sa tante", startsOn = Iso(Today.AddDays(-15)) });
        await AssertInvalidAsync(overlap, "startsOn", "déjà accueilli");

        Assert.Equal(stays, await app.WithDbAsync(db => db.Placements.CountAsync(p => p.ChildId == child)));
        Assert.Empty(DatabaseFingerprint.Differences(before, await DatabaseFingerprint.TakeAsync(app)));
    }

    [Fact]
    public async Task The_protected_flag_hides_the_place_from_whoever_may_not_know_it_until_it_is_lifted()
    {
        var referent = await app.ApiAsync("referent");
        var cadre = await app.ApiAsync("cadre");
        var educator = await app.ApiAsync("educator");
        var (facility, _, _, name) = await MecsAsync(cadre, installed: 2);
        var child = await NewChildAsync("Renaud", new PartialDate(2012, 9, 9));
        await OpenStayAsync(referent, child, new { measureId = await MeasureAsync(referent, child), placeKind = "Establishment", facilityId = facility, startsOn = Iso(Today.AddDays(-3)) });

        // Only a cadre protects, and says why.
        var asReferent = await referent.PostAsJsonAsync($"/api/v1/children/{child}/protection", new { reason = "Le père la recherche." });
        Assert.Equal(HttpStatusCode.Forbidden, asReferent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cadre.PostAsJsonAsync($"/api/v1/children/{child}/protection", new { reason = " " })).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.IsProtected).SingleAsync()));
        var set = await Json.ReadAsync(await Ok(cadre.PostAsJsonAsync($"/api/v1/children/{child}/protection", new { reason = "Le père la recherche." })));
        Assert.True(set.GetProperty("isProtected").GetBoolean());

        // The référent, not named on her, reads the hidden label; the cadre and the MECS's own team read the place.
        var hidden = await Ok(referent.GetAsync($"/api/v1/children/{child}/journey"));
        var hiddenText = await hidden.Content.ReadAsStringAsync();
        var hiddenStay = JsonDocument.Parse(hiddenText).RootElement.GetProperty("currentStay");
        Assert.Equal(Hidden, hiddenStay.GetProperty("place").GetString());
        Assert.True(hiddenStay.GetProperty("placeHidden").GetBoolean());
        Assert.DoesNotContain(name, hiddenText, StringComparison.Ordinal);
        Assert.DoesNotContain("Testville", hiddenText, StringComparison.Ordinal);
        foreach (var knows in new[] { cadre, educator })
        {
            var stay = (await Json.ReadAsync(await Ok(knows.GetAsync($"/api/v1/children/{child}/journey")))).GetProperty("currentStay");
            Assert.Equal(name, stay.GetProperty("place").GetString());
            Assert.False(stay.GetProperty("placeHidden").GetBoolean());
        }

        // Lifted by the cadre: the référent reads the place again.
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PostAsJsonAsync($"/api/v1/children/{child}/protection/lift", new { reason = "Danger écarté." })).StatusCode);
        var lifted = await Json.ReadAsync(await Ok(cadre.PostAsJsonAsync($"/api/v1/children/{child}/protection/lift", new { reason = "Le père a été condamné, danger écarté." })));
        Assert.False(lifted.GetProperty("isProtected").GetBoolean());
        var again = (await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/journey")))).GetProperty("currentStay");
        Assert.Equal(name, again.GetProperty("place").GetString());
        Assert.False(again.GetProperty("placeHidden").GetBoolean());
    }

    [Fact]
    public async Task The_facility_lists_the_children_it_hosts_today_to_its_team_and_the_cadre_and_a_protected_child_only_to_who_may_know()
    {
        var referent = await app.ApiAsync("referent");
        var cadre = await app.ApiAsync("cadre");
        var educator = await app.ApiAsync("educator");
        var (facility, _, _, name) = await MecsAsync(cadre, installed: 3);
        var open = await NewChildAsync("Perrot", new PartialDate(2013, 2, 3));
        var protectedChild = await NewChildAsync("Quenet", new PartialDate(2011, 4, 5));
        var gone = await NewChildAsync("Rivoire", new PartialDate(2012, 6, 7));
        foreach (var child in new[] { open, protectedChild, gone })
        {
            await OpenStayAsync(referent, child, new { measureId = await MeasureAsync(referent, child), placeKind = "Establishment", facilityId = facility, startsOn = Iso(Today.AddDays(-5)) });
        }

        var left = (await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{gone}/journey")))).GetProperty("currentStay");
        await Ok(referent.PostAsJsonAsync($"/api/v1/placements/{left.GetProperty("id").GetGuid()}/end",
            new { endsOn = Iso(Today.AddDays(-1)), reason = "Retour en famille", version = left.GetProperty("version").GetInt32() }));
        await Ok(cadre.PostAsJsonAsync($"/api/v1/children/{protectedChild}/protection", new { reason = "Le père la recherche." }));

        async Task<List<Guid>> HostedAsync(HttpClient client) =>
            [.. (await Json.ReadAsync(await Ok(client.GetAsync($"/api/v1/facilities/{facility}/children")))).EnumerateArray().Select(c => c.GetProperty("childId").GetGuid())];

        // The MECS's team and the cadre see both children who live there today; the one who left yesterday is gone.
        Assert.Equal(new[] { open, protectedChild }.Order(), (await HostedAsync(educator)).Order());
        Assert.Equal(new[] { open, protectedChild }.Order(), (await HostedAsync(cadre)).Order());
        // The ASE référent follows both, but is not the named référent of the protected one: the list would tell where she lives.
        Assert.Equal([open], await HostedAsync(referent));

        // The facility's page says the same, by name; the list is in each shown child's access log.
        var page = await PageHtml.GetPageAsync(await app.WebAsync("educator"), $"/Facilities/Details/{facility}");
        Assert.Contains("Enfants accueillis aujourd'hui", page, StringComparison.Ordinal);
        Assert.Contains("Perrot Zoé", page, StringComparison.Ordinal);
        Assert.Contains("Quenet Zoé", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rivoire", page, StringComparison.Ordinal);
        var referentPage = await PageHtml.GetPageAsync(await app.WebAsync("referent"), $"/Facilities/Details/{facility}");
        Assert.Contains(name, referentPage, StringComparison.Ordinal);
        Assert.Contains("Perrot Zoé", referentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Quenet", referentPage, StringComparison.Ordinal);
        var logged = await app.WithDbAsync(db => db.AuditRecords.Where(r => r.EventType == AuditEventType.HostedChildrenListed)
            .Join(db.AuditListedChildren, r => r.Sequence, l => l.AuditSequence, (r, l) => l.ChildId).Distinct().ToListAsync());
        Assert.Contains(open, logged);
        Assert.Contains(protectedChild, logged);
        Assert.DoesNotContain(gone, logged);

        // Without the directory's rights, the facility does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync("partner")).GetAsync($"/api/v1/facilities/{facility}/children")).StatusCode);
    }

    [Fact]
    public async Task A_right_of_visit_is_recorded_changed_once_with_its_version_and_removed_on_the_card()
    {
        var referent = await app.ApiAsync("referent");
        var child = await NewChildAsync("Blanc", new PartialDate(2015, 1, 20));
        var (father, mother) = await app.WithDbAsync(async db =>
        {
            var f = new LinkedPerson { ChildId = child, Relation = PersonRelation.Father, LastName = "Blanc", FirstNames = "Olivier", HasParentalAuthority = true };
            var m = new LinkedPerson { ChildId = child, Relation = PersonRelation.Mother, LastName = "Dumas", FirstNames = "Nadia", HasParentalAuthority = true };
            db.LinkedPersons.AddRange(f, m);
            await db.SaveChangesAsync();
            return (f.Id, m.Id);
        });
        var card = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/contact-rights")));
        Assert.All(card.GetProperty("persons").EnumerateArray(), p => Assert.Equal("Aucun droit enregistré", p.GetProperty("label").GetString()));

        var recorded = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/contact-rights", new
        {
            linkedPersonId = father,
            kind = "Supervised",
            source = "Jugement du 12/03/2026",
            startsOn = Iso(Today.AddDays(-1)),
            terms = "Un samedi sur deux, au service, de 14 h à 16 h.",
        })));
        var row = Person(recorded, father);
        Assert.Equal("Visites médiatisées uniquement", row.GetProperty("label").GetString());
        Assert.Equal("Un samedi sur deux, au service, de 14 h à 16 h.", row.GetProperty("terms").GetString());
        Assert.Equal("Aucun droit enregistré", Person(recorded, mother).GetProperty("label").GetString());
        var rightId = row.GetProperty("contactRightId").GetGuid();
        var version = row.GetProperty("version").GetInt32();

        // The judge forbids any contact: the card puts him first, as an alert.
        var change = new
        {
            linkedPersonId = father,
            kind = "Forbidden",
            source = "Ordonnance du 02/04/2026",
            startsOn = Iso(Today.AddDays(-1)),
            version,
        };
        var changed = await Json.ReadAsync(await Ok(referent.PutAsJsonAsync($"/api/v1/contact-rights/{rightId}", change)));
        var first = changed.GetProperty("persons")[0];
        Assert.Equal(father, first.GetProperty("linkedPersonId").GetGuid());
        Assert.Equal("Contact interdit", first.GetProperty("label").GetString());
        Assert.True(first.GetProperty("alert").GetBoolean());
        var stale = await referent.PutAsJsonAsync($"/api/v1/contact-rights/{rightId}", change with { kind = "Free" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Contact interdit", Person((await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/contact-rights")))), father).GetProperty("label").GetString());

        // The MECS's educator on shift reads the card once she lives there; the partner does not.
        var educator = await app.ApiAsync("educator");
        await app.WithDbAsync(async db =>
        {
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child, ServiceId = app.World.Services["mecs"], StartsOn = Today.AddDays(-1) });
            return await db.SaveChangesAsync();
        });
        Assert.Equal("Contact interdit", Person(await Json.ReadAsync(await Ok(educator.GetAsync($"/api/v1/children/{child}/contact-rights"))), father).GetProperty("label").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync("partner")).GetAsync($"/api/v1/children/{child}/contact-rights")).StatusCode);

        // Recorded by mistake: removed with its version (the old one is refused).
        Assert.Equal(HttpStatusCode.Conflict, (await referent.DeleteAsync($"/api/v1/contact-rights/{rightId}?version={version}")).StatusCode);
        var current = Person(changed, father).GetProperty("version").GetInt32();
        var removed = await Json.ReadAsync(await Ok(referent.DeleteAsync($"/api/v1/contact-rights/{rightId}?version={current}")));
        Assert.Equal("Aucun droit enregistré", Person(removed, father).GetProperty("label").GetString());
        Assert.False(await app.WithDbAsync(db => db.ContactRights.AnyAsync(c => c.Id == rightId)));
    }

    private static JsonElement Person(JsonElement card, Guid personId) =>
        Assert.Single(card.GetProperty("persons").EnumerateArray(), p => p.GetProperty("linkedPersonId").GetGuid() == personId);

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field, string words)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error on {field}: {errors}");
        Assert.Contains(words, messages[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> OpenStayAsync(HttpClient client, Guid child, object stay)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/children/{child}/placements", stay);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Json.ReadAsync(response);
    }

    /// <summary>A judicial placement at the ASE, in progress since last month, for the stays to rest on.</summary>
    private async Task<Guid> MeasureAsync(HttpClient referent, Guid child)
    {
        var response = await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/measures", new
        {
            kindCode = "placement_ase",
            decidedOn = Iso(Today.AddMonths(-1)),
            startsOn = Iso(Today.AddMonths(-1)),
            plannedEndOn = Iso(Today.AddMonths(11)),
            carriedOutByServiceId = app.World.Services["nord"],
            court = "Tribunal pour enfants de Lyon",
        }));
        return (await Json.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A MECS of the association's service, in a postal code of its own, with one line of permanent places from 6 to 17.</summary>
    private async Task<(Guid Facility, Guid Line, string PostalCode, string Name)> MecsAsync(HttpClient cadre, int installed)
    {
        var cp = $"9{Interlocked.Increment(ref postal) % 10000:D4}";
        var name = $"MECS Les Tilleuls {cp}";
        var created = await Json.ReadAsync(await Ok(cadre.PostAsJsonAsync("/api/v1/facilities", new
        {
            name,
            departementCode = TestWorld.Departement,
            placeKind = "Establishment",
            serviceId = app.World.Services["mecs"],
            postalCode = cp,
            city = "Testville",
            contactName = "Permanence",
            contactPhone = "0102030405",
        })));
        var facility = created.GetProperty("id").GetGuid();
        var line = await Json.ReadAsync(await Ok(cadre.PostAsJsonAsync($"/api/v1/facilities/{facility}/capacities",
            new { careType = "Permanent", ageMinYears = 6, ageMaxYears = 17, acceptedSex = "Any", installed })));
        return (facility, line.GetProperty("id").GetGuid(), cp, name);
    }

    private static async Task<(int Occupied, int Available)> LineAsync(HttpClient cadre, Guid facility, Guid line)
    {
        var view = await Json.ReadAsync(await Ok(cadre.GetAsync($"/api/v1/facilities/{facility}")));
        var row = Assert.Single(view.GetProperty("capacities").EnumerateArray(), c => c.GetProperty("id").GetGuid() == line);
        return (row.GetProperty("occupied").GetInt32(), row.GetProperty("available").GetInt32());
    }

    /// <summary>The places the board shows on the line (0 when it is not on the board: a full line is not shown).</summary>
    private static async Task<int> BoardAvailableAsync(HttpClient client, string cp, Guid line)
    {
        var page = await Json.ReadAsync(await Ok(client.GetAsync($"/api/v1/places?postalCode={cp}")));
        return page.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("capacityId").GetGuid() == line)
            .Select(r => r.GetProperty("available").GetInt32()).SingleOrDefault();
    }

    /// <summary>A girl of the main département followed by ASE Nord since 2024 (not by the MECS).</summary>
    private Task<Guid> NewChildAsync(string birthName, PartialDate birth) => app.WithDbAsync(async db =>
    {
        var child = new Child { BirthName = birthName, FirstNames = "Zoé", BirthDate = birth, Sex = Sex.Female, ResponsibleDepartementCode = TestWorld.Departement };
        db.Children.Add(child);
        db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["nord"], StartsOn = new DateOnly(2024, 1, 1) });
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

public sealed class PlacementTests_Sqlite(SqliteApp app) : PlacementTests(app), IClassFixture<SqliteApp>;

public sealed class PlacementTests_Postgres(PostgresApp app) : PlacementTests(app), IClassFixture<PostgresApp>;
