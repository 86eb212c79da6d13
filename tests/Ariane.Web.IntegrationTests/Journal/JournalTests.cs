using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Journal;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Journal;

/// <summary>
/// The child's journal over HTTP (docs/domain.md, Journal): entries written by the MECS's educator and psychologist,
/// the health entry that the others see only by its practical summary (in the API and on the pages), the rules of
/// the form, the timeline's pages and filters, and the correction of one's own entry on the version read.
/// </summary>
public abstract class JournalTests(ArianeApp app)
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

    [Fact]
    public async Task A_health_entry_is_read_in_full_by_health_roles_and_by_its_practical_summary_only_by_the_others()
    {
        var child = await NewChildAsync("Journal-Sante");
        var educator = await app.ApiAsync("educator");
        var health = await app.ApiAsync("health");
        var referent = await app.ApiAsync("referent");
        var partner = await app.ApiAsync("partner");

        var social = await Json.ReadAsync(await Ok(educator.PostAsJsonAsync($"/api/v1/children/{child}/journal", new
        {
            kind = "Visit",
            fact = "Visite de la mère, goûter partagé.",
            assessment = "Moment apaisé.",
        })));
        Assert.Equal("Social", social.GetProperty("section").GetString());
        Assert.Equal("Visite", social.GetProperty("kindLabel").GetString());
        Assert.Equal("MECS Test", social.GetProperty("authorServiceName").GetString());

        // The psychologist's health appointment goes to the health section by default.
        var medical = await Json.ReadAsync(await Ok(health.PostAsJsonAsync($"/api/v1/children/{child}/journal", new
        {
            kind = "HealthAppointment",
            occurredOn = Iso(Today.AddDays(-1)),
            occurredTime = "10:30:00",
            fact = "DIAGNOSTIC-CONFIDENTIEL-4471 : trouble anxieux.",
            assessment = "ANALYSE-MEDICALE-4471",
            practicalSummary = "Traitement le soir à 20 h.",
        })));
        Assert.Equal("Health", medical.GetProperty("section").GetString());
        var medicalId = medical.GetProperty("id").GetGuid();

        foreach (var reader in new[] { educator, referent })
        {
            var response = await Ok(reader.GetAsync($"/api/v1/children/{child}/journal"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("4471", body, StringComparison.Ordinal);
            var entries = JsonDocument.Parse(body).RootElement.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(2, entries.Count);
            var hidden = entries.Single(e => e.GetProperty("id").GetGuid() == medicalId);
            Assert.Equal("SummaryOnly", hidden.GetProperty("visibility").GetString());
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("fact").ValueKind);
            Assert.Equal("Traitement le soir à 20 h.", hidden.GetProperty("practicalSummary").GetString());
            var one = await (await Ok(reader.GetAsync($"/api/v1/journal/{medicalId}"))).Content.ReadAsStringAsync();
            Assert.DoesNotContain("4471", one, StringComparison.Ordinal);
            Assert.Contains("Traitement le soir", one, StringComparison.Ordinal);
        }

        var full = await Json.ReadAsync(await Ok(health.GetAsync($"/api/v1/journal/{medicalId}")));
        Assert.Equal("DIAGNOSTIC-CONFIDENTIEL-4471 : trouble anxieux.", full.GetProperty("fact").GetString());
        Assert.Equal("Full", full.GetProperty("visibility").GetString());

        // The MDPH's partner knows only that a social follow-up exists: no journal at all.
        await WithMdphAsync(child);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/children/{child}/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/journal/{medicalId}")).StatusCode);

        // The audit keeps the health entry in the health section, and the educator's reading of it as social (summary only).
        var rows = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.ChildId == child && a.EntityId == medicalId).ToListAsync());
        Assert.Equal(Section.Health, rows.Single(r => r.EventType == AuditEventType.JournalEntryRecorded).Section);
        Assert.Contains(rows, r => r.EventType == AuditEventType.JournalEntryViewed && r.Section == Section.Social && r.UserId == app.World.Users["educator"]);
        Assert.Contains(rows, r => r.EventType == AuditEventType.JournalEntryViewed && r.Section == Section.Health && r.UserId == app.World.Users["health"]);
    }

    [Fact]
    public async Task The_timeline_page_shows_the_practical_summary_not_the_health_content_to_an_educator()
    {
        var child = await NewChildAsync("Journal-Page");
        var health = await app.ApiAsync("health");
        await Ok(health.PostAsJsonAsync($"/api/v1/children/{child}/journal", new
        {
            kind = "HealthAppointment",
            fact = "PAGE-DIAGNOSTIC-9921",
            practicalSummary = "Ventoline dans le sac de sport.",
        }));

        var educator = await app.WebAsync("educator");
        var html = await PageHtml.GetPageAsync(educator, $"/Journal/{child}");
        Assert.DoesNotContain("9921", html, StringComparison.Ordinal);
        Assert.Contains("Ventoline dans le sac de sport.", html, StringComparison.Ordinal);
        Assert.Contains("réservé aux professionnels de santé", html, StringComparison.Ordinal);

        var doctor = await app.WebAsync("health");
        Assert.Contains("PAGE-DIAGNOSTIC-9921", await PageHtml.GetPageAsync(doctor, $"/Journal/{child}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_phone_form_says_who_will_read_the_entry_and_records_it_at_the_time_typed()
    {
        var child = await NewChildAsync("Journal-Form");
        var educator = await app.WebAsync("educator");
        var form = await PageHtml.GetPageAsync(educator, $"/Journal/New/{child}?apres=visite");
        Assert.Contains("Qui pourra lire cette note", form, StringComparison.Ordinal);
        Assert.Contains("éducateur", form, StringComparison.Ordinal);
        Assert.DoesNotContain("section-health", form, StringComparison.Ordinal);
        Assert.Equal(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), PageHtml.InputValue(form, "Input.OccurredOn"));

        var fields = PageHtml.DefaultFields(form);
        fields["Input.OccurredOn"] = Today.AddDays(-2).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        fields["Time"] = "25:70";
        fields["Input.Fact"] = "Visite au domicile, enfant souriant.";
        var refused = await PageHtml.SubmitAsync(educator, $"/Journal/New/{child}?apres=visite", form, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await PageHtml.ReadAsync(refused);
        Assert.NotNull(PageHtml.FieldError(refusedHtml, "Time"));
        Assert.Equal(0, await CountAsync(child));

        fields["Time"] = "18:05";
        var saved = await PageHtml.SubmitAsync(educator, $"/Journal/New/{child}?apres=visite", refusedHtml, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Journal/{child}", PageHtml.Location(saved));
        var entry = await app.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(e => e.ChildId == child));
        Assert.Equal(JournalEntryKind.Visit, entry.Kind);
        Assert.Equal(Section.Social, entry.Section);
        var paris = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(entry.OccurredAt, "Europe/Paris");
        Assert.Equal((Today.AddDays(-2), 18, 5), (DateOnly.FromDateTime(paris), paris.Hour, paris.Minute));
        Assert.Equal("Test educator", entry.AuthorName);

        // The psychologist, who reads the social follow-up without writing it, writes in the health section only,
        // and is told who will see what.
        var doctor = await app.WebAsync("health");
        var doctorForm = await PageHtml.GetPageAsync(doctor, $"/Journal/New/{child}");
        Assert.Equal("Health", PageHtml.InputValue(doctorForm, "Input.Section"));
        Assert.Contains("verront seulement qu'elle existe", doctorForm, StringComparison.Ordinal);
        Assert.Contains("À savoir pour l'équipe", doctorForm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_entries_are_refused_with_a_french_message_and_nothing_is_written()
    {
        var child = await NewChildAsync("Journal-Refus");
        var educator = await app.ApiAsync("educator");
        async Task<JsonElement> RefusedAsync(object body)
        {
            var response = await educator.PostAsJsonAsync($"/api/v1/children/{child}/journal", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await Json.ReadAsync(response)).GetProperty("errors");
        }

        Assert.True((await RefusedAsync(new { kind = "Note", section = "Health", fact = "Diagnostic" })).TryGetProperty("section", out _));
        Assert.True((await RefusedAsync(new { kind = "Incident", occurredOn = Iso(Today.AddDays(3)), occurredTime = "10:00:00", fact = "Plus tard" })).TryGetProperty("occurredOn", out _));
        Assert.True((await RefusedAsync(new { kind = "Note", occurredOn = Iso(Today), fact = "Sans heure" })).TryGetProperty("occurredTime", out _));
        Assert.True((await RefusedAsync(new { kind = "Note", fact = "Texte", practicalSummary = "À savoir" })).TryGetProperty("practicalSummary", out _));
        Assert.True((await RefusedAsync(new { kind = "Note", fact = "  " })).TryGetProperty("fact", out _));
        Assert.True((await RefusedAsync(new { kind = "Note", fact = new string('x', 8001) })).TryGetProperty("fact", out _));
        Assert.True((await RefusedAsync(new { fact = "Sans type" })).TryGetProperty("kind", out _));
        Assert.True((await RefusedAsync(new { kind = "Note", occurredOn = "0001-01-01", occurredTime = "00:00:00", fact = "An 1" })).TryGetProperty("occurredOn", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await educator.GetAsync($"/api/v1/children/{child}/journal?from=0001-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await educator.GetAsync($"/api/v1/children/{child}/journal?to=9999-12-31")).StatusCode);
        Assert.Equal(0, await CountAsync(child));

        // A hearing may be planned ahead (the foster carer's view lists what is coming).
        await Ok(educator.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "Hearing", occurredOn = Iso(Today.AddDays(20)), occurredTime = "09:30:00", fact = "Audience chez le juge des enfants." }));
        Assert.Equal(1, await CountAsync(child));
    }

    [Fact]
    public async Task The_foster_carer_sees_the_children_she_hosts_what_is_coming_and_signals_an_incident_but_writes_nothing_else()
    {
        var child = await NewChildAsync("Journal-Famille");
        var (carerId, _, carerName) = await app.CreateUserAsync(Ariane.Core.Access.RoleCatalogue.FosterCarer, "journal");
        await app.WithDbAsync(async db =>
        {
            db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child, UserId = carerId, Role = WorkerRole.FosterCarer, StartsOn = new DateOnly(2024, 1, 1) });
            return await db.SaveChangesAsync();
        });
        var educator = await app.ApiAsync("educator");
        var health = await app.ApiAsync("health");
        await Ok(educator.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "Hearing", occurredOn = Iso(Today.AddDays(12)), occurredTime = "10:00:00", fact = "Audience chez le juge des enfants, salle 3." }));
        await Ok(health.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "HealthAppointment", occurredOn = Iso(Today.AddDays(5)), occurredTime = "16:30:00", fact = "FAMILLE-SANTE-7788 bilan", practicalSummary = "Rendez-vous chez l'orthophoniste, apporter le carnet." }));

        var web = await app.WebAsync(carerName);
        var page = await PageHtml.GetPageAsync(web, "/Journal/Foster");
        Assert.Contains("Journal-Famille Zoé", page, StringComparison.Ordinal);
        Assert.Contains("Audience chez le juge des enfants, salle 3.", page, StringComparison.Ordinal);
        Assert.Contains("Rendez-vous chez l'orthophoniste, apporter le carnet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("7788", page, StringComparison.Ordinal);
        Assert.Contains("Qui peut voir ou appeler cet enfant", page, StringComparison.Ordinal);
        Assert.Contains("Signaler une fugue", page, StringComparison.Ordinal);
        var form = await PageHtml.GetPageAsync(web, $"/Journal/New/{child}?apres=fugue");
        Assert.Contains("Signaler un incident ou une fugue", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Visit\"", form, StringComparison.Ordinal);

        var api = await app.ApiAsync(carerName);
        var runaway = await Json.ReadAsync(await Ok(api.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "Runaway", fact = "Zoé n'est pas rentrée de l'école à 17 h ; commissariat prévenu." })));
        Assert.Equal("Social", runaway.GetProperty("section").GetString());
        var visit = await api.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "Visit", fact = "Visite" });
        Assert.Equal(HttpStatusCode.BadRequest, visit.StatusCode);
        Assert.True((await Json.ReadAsync(visit)).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync($"/api/v1/journal/{runaway.GetProperty("id").GetGuid()}", new { kind = "Runaway", fact = "Corrigé", version = runaway.GetProperty("version").GetInt32() })).StatusCode);
        // A child she does not host is none of her business.
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/children/{app.World.ChildNord}/journal", new { kind = "Incident", fact = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_entry_may_relate_to_an_objective_of_the_childs_plan_and_of_no_other()
    {
        var child = await NewChildAsync("Journal-Objectif");
        var other = await NewChildAsync("Journal-Objectif-Autre");
        var referent = await app.ApiAsync("referent");
        async Task<Guid> GoalAsync(Guid of) => (await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{of}/plan/goals", new
        {
            domainCode = "rel",
            @for = "Parents",
            title = $"Reprendre les visites {of:N}"[..30],
            startsOn = Iso(Today),
        })))).GetProperty("goals")[0].GetProperty("id").GetGuid();
        var goal = await GoalAsync(child);
        var foreign = await GoalAsync(other);
        var refused = await referent.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "Visit", fact = "Visite", planGoalId = foreign });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await Json.ReadAsync(refused)).GetProperty("errors").TryGetProperty("planGoalId", out _));
        await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "Visit", fact = "Visite de la mère", planGoalId = goal }));
        var listed = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/journal")));
        Assert.Equal(goal, listed.GetProperty("entries")[0].GetProperty("planGoalId").GetGuid());
        Assert.StartsWith("Reprendre les visites", listed.GetProperty("entries")[0].GetProperty("planGoalTitle").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_reads_by_pages_newest_first_and_filters_by_type_and_period()
    {
        var child = await NewChildAsync("Journal-Pages");
        var start = DateTime.UtcNow.AddDays(-200);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 120; i++)
            {
                db.JournalEntries.Add(new JournalEntry
                {
                    ChildId = child,
                    Kind = i % 10 == 0 ? JournalEntryKind.Runaway : JournalEntryKind.Note,
                    Section = Section.Social,
                    // Two entries share each instant: the id breaks the tie, and no entry is shown twice or skipped.
                    OccurredAt = start.AddDays(i / 2),
                    Fact = $"Note {i}",
                    AuthorName = "Test",
                    RecordedAt = start.AddDays(i / 2),
                });
            }

            return await db.SaveChangesAsync();
        });

        var referent = await app.ApiAsync("referent");
        var seen = new List<(DateTime At, Guid Id)>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/journal{(after is null ? "" : $"?after={after}")}")));
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("occurredAt").GetDateTime(), e.GetProperty("id").GetGuid())));
            after = page.GetProperty("next").GetString();
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(120, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.Select(s => s.At).OrderDescending(), seen.Select(s => s.At));

        var runaways = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/journal?kind=Runaway")));
        Assert.Equal(12, runaways.GetProperty("entries").GetArrayLength());
        Assert.All(runaways.GetProperty("entries").EnumerateArray(), e => Assert.Equal("Fugue", e.GetProperty("kindLabel").GetString()));

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(start.AddDays(10), "Europe/Paris"));
        var period = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/journal?from={Iso(day)}&to={Iso(day.AddDays(1))}")));
        Assert.Equal(4, period.GetProperty("entries").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await referent.GetAsync($"/api/v1/children/{child}/journal?from={Iso(day)}&to={Iso(day.AddDays(-1))}")).StatusCode);
    }

    [Fact]
    public async Task Only_its_author_corrects_an_entry_on_the_version_read_and_its_section_stays()
    {
        var child = await NewChildAsync("Journal-Correction");
        var educator = await app.ApiAsync("educator");
        var referent = await app.ApiAsync("referent");
        var entry = await Json.ReadAsync(await Ok(educator.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "Incident", fact = "Dispute au réfectoire." })));
        var id = entry.GetProperty("id").GetGuid();
        var version = entry.GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PutAsJsonAsync($"/api/v1/journal/{id}", new { kind = "Incident", fact = "Autre texte", version })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await educator.PutAsJsonAsync($"/api/v1/journal/{id}", new { kind = "Incident", section = "Health", fact = "x", version })).StatusCode);

        var corrected = await Json.ReadAsync(await Ok(educator.PutAsJsonAsync($"/api/v1/journal/{id}", new { kind = "Incident", fact = "Dispute au réfectoire, sans blessé.", version })));
        Assert.Equal("Dispute au réfectoire, sans blessé.", corrected.GetProperty("fact").GetString());
        Assert.True(corrected.GetProperty("version").GetInt32() > version);

        var stale = await educator.PutAsJsonAsync($"/api/v1/journal/{id}", new { kind = "Incident", fact = "Écrasement", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stored = await app.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal("Dispute au réfectoire, sans blessé.", stored.Fact);
        var listed = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/journal")));
        Assert.False(listed.GetProperty("entries")[0].GetProperty("mayCorrect").GetBoolean());
    }

    private Task<int> CountAsync(Guid child) => app.WithDbAsync(db => db.JournalEntries.CountAsync(e => e.ChildId == child));

    /// <summary>A child of the ASE Nord hosted by the MECS: its educator, psychologist and the référent read the journal.</summary>
    private Task<Guid> NewChildAsync(string birthName) => app.WithDbAsync(async db =>
    {
        var child = new Child { BirthName = birthName, FirstNames = "Zoé", BirthDate = new PartialDate(2013, 4, 2), Sex = Sex.Female, ResponsibleDepartementCode = TestWorld.Departement };
        db.Children.Add(child);
        db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["nord"], StartsOn = new DateOnly(2024, 1, 1) });
        db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["mecs"], StartsOn = new DateOnly(2024, 1, 1) });
        await db.SaveChangesAsync();
        return child.Id;
    });

    private Task WithMdphAsync(Guid child) => app.WithDbAsync(async db =>
    {
        db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child, ServiceId = app.World.Services["mdph"], StartsOn = new DateOnly(2024, 1, 1) });
        return await db.SaveChangesAsync();
    });

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}

public sealed class JournalTests_Sqlite(SqliteApp app) : JournalTests(app), IClassFixture<SqliteApp>;

public sealed class JournalTests_Postgres(PostgresApp app) : JournalTests(app), IClassFixture<PostgresApp>;
