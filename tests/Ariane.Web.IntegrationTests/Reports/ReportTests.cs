using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Children;
using Ariane.Core.Measures;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Reports;

/// <summary>
/// The rapport de situation over HTTP (docs/domain.md §2.6 and §6): pre-filled from the record (measure, plan, journal
/// highlights chosen; never a health entry), completed, validated by a cadre and frozen, produced as PDF and DOCX,
/// transmitted to the juvenile court's inbox, opened and acknowledged there; the judge of another court sees nothing.
/// </summary>
public abstract class ReportTests(ArianeApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_report_is_prefilled_from_the_record_completed_validated_by_a_cadre_and_printed_without_health()
    {
        var child = await NewChildAsync("Rapport-Complet", Today.AddYears(-9), measureStart: Today.AddMonths(-8));
        var referent = await app.ApiAsync("referent");
        var cadre = await app.ApiAsync("cadre");
        var health = await app.ApiAsync("health");
        await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", new { domainCode = "sco", @for = "Child", title = "Retrouver le goût de l'école", startsOn = Iso(Today.AddMonths(-6)), progress = 40 }));
        var visit = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "Visit", occurredOn = Iso(Today.AddDays(-20)), occurredTime = "14:00:00", fact = "Première visite chez la mère depuis six mois." })));
        var medical = await Json.ReadAsync(await Ok(health.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "HealthAppointment", occurredOn = Iso(Today.AddDays(-10)), occurredTime = "09:00:00", fact = "RAPPORT-SANTE-5521 diagnostic", practicalSummary = "RAS" })));

        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsJsonAsync($"/api/v1/children/{child}/reports", new { kind = "Situation", periodFrom = "0001-01-01" })).StatusCode);
        var draft = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/reports", new { kind = "Situation" })));
        var reportId = draft.GetProperty("id").GetGuid();
        Assert.Equal(Iso(Today.AddYears(-1)), draft.GetProperty("periodFrom").GetString());
        var view = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/reports/{reportId}")));
        var prefill = view.GetProperty("prefill");
        Assert.Equal("Rapport-Complet Zoé", prefill.GetProperty("childName").GetString());
        Assert.Equal("Test referent", prefill.GetProperty("referent").GetString());
        var measure = prefill.GetProperty("measures")[0];
        Assert.Equal("Judiciaire", measure.GetProperty("framework").GetString());
        Assert.Equal(Iso(Today.AddMonths(-8)), measure.GetProperty("startsOn").GetString());
        Assert.Equal("Retrouver le goût de l'école", prefill.GetProperty("goals")[0].GetProperty("title").GetString());
        Assert.Equal(40, prefill.GetProperty("goals")[0].GetProperty("progress").GetInt32());
        var choices = view.GetProperty("highlightChoices").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(visit.GetProperty("id").GetGuid(), choices);
        Assert.DoesNotContain(medical.GetProperty("id").GetGuid(), choices);

        var version = view.GetProperty("version").GetInt32();
        var refused = await referent.PutAsJsonAsync($"/api/v1/reports/{reportId}", new { highlightIds = new[] { medical.GetProperty("id").GetGuid() }, version });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var saved = await Json.ReadAsync(await Ok(referent.PutAsJsonAsync($"/api/v1/reports/{reportId}", new
        {
            evaluationDevelopment = "Croissance harmonieuse, sommeil apaisé.",
            evaluationRelations = "Les visites reprennent.",
            evaluationSchooling = "Assiduité retrouvée.",
            planAssessment = "Les actions de soutien scolaire portent leurs fruits.",
            proposals = new[] { "RenewMeasure", "AdjustPlan" },
            proposalsText = "Renouveler le placement pour un an.",
            highlightIds = new[] { visit.GetProperty("id").GetGuid() },
            version,
        })));
        Assert.Equal("Première visite chez la mère depuis six mois.", saved.GetProperty("prefill").GetProperty("highlights")[0].GetProperty("fact").GetString());
        var stale = await referent.PutAsJsonAsync($"/api/v1/reports/{reportId}", new { evaluationDevelopment = "Écrasement", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Not printed before a cadre validates it; the référent may not validate.
        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsync($"/api/v1/reports/{reportId}/documents?format=pdf", null)).StatusCode);
        var current = saved.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PostAsJsonAsync($"/api/v1/reports/{reportId}/validation", new { version = current })).StatusCode);
        var validated = await Json.ReadAsync(await Ok(cadre.PostAsJsonAsync($"/api/v1/reports/{reportId}/validation", new { version = current })));
        Assert.Equal("Validated", validated.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PutAsJsonAsync($"/api/v1/reports/{reportId}", new { evaluationDevelopment = "Après coup", version = validated.GetProperty("version").GetInt32() })).StatusCode);

        var pdf = Squash(PdfText(await GenerateAsync(referent, reportId, "pdf")));
        var docx = Squash(DocxText(await GenerateAsync(referent, reportId, "docx")));
        foreach (var text in new[] { pdf, docx })
        {
            Assert.Contains(Squash("Rapport de situation — Rapport-Complet Zoé"), text, StringComparison.Ordinal);
            Assert.Contains(Squash("Retrouver le goût de l'école"), text, StringComparison.Ordinal);
            Assert.Contains(Squash("Première visite chez la mère depuis six mois."), text, StringComparison.Ordinal);
            Assert.Contains(Squash("Assiduité retrouvée."), text, StringComparison.Ordinal);
            Assert.Contains(Squash("Renouveler la mesure"), text, StringComparison.Ordinal);
            Assert.DoesNotContain("5521", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_report_sent_to_the_court_is_in_its_inbox_only_opened_and_acknowledged_and_the_sender_sees_it()
    {
        var child = await NewChildAsync("Rapport-Tribunal", Today.AddYears(-12), measureStart: Today.AddMonths(-13));
        var referent = await app.ApiAsync("referent");
        var cadre = await app.ApiAsync("cadre");
        var draft = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/reports", new { kind = "Situation" })));
        var reportId = draft.GetProperty("id").GetGuid();
        var saved = await Json.ReadAsync(await Ok(referent.PutAsJsonAsync($"/api/v1/reports/{reportId}", new { evaluationSchooling = "Scolarité stable.", version = 0 })));
        await Ok(cadre.PostAsJsonAsync($"/api/v1/reports/{reportId}/validation", new { version = saved.GetProperty("version").GetInt32() }));
        var document = await Json.ReadAsync(await Ok(referent.PostAsync($"/api/v1/reports/{reportId}/documents?format=pdf", null)));
        var documentId = document.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsJsonAsync($"/api/v1/documents/{documentId}/transmissions", new { channel = "Ariane" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsJsonAsync($"/api/v1/documents/{documentId}/transmissions", new { channel = "Post" })).StatusCode);
        var sent = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/documents/{documentId}/transmissions", new { channel = "Ariane", recipientServiceId = app.World.Services["tpe"] })));
        Assert.Equal("transmis, pas encore ouvert", sent.GetProperty("state").GetString());
        var posted = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/documents/{documentId}/transmissions", new { channel = "Post", recipientName = "Conseil de l'enfant, par courrier recommandé" })));
        Assert.Equal("envoyé (par courrier)", posted.GetProperty("state").GetString());

        var judge = await app.ApiAsync("judge");
        var other = await app.ApiAsync("judge.other");
        var inbox = await Json.ReadAsync(await Ok(judge.GetAsync("/api/v1/court/inbox")));
        var row = inbox.EnumerateArray().Single(r => r.GetProperty("documentId").GetGuid() == documentId);
        Assert.Equal("Rapport-Tribunal Zoé", row.GetProperty("childName").GetString());
        var transmissionId = row.GetProperty("id").GetGuid();
        Assert.DoesNotContain((await Json.ReadAsync(await Ok(other.GetAsync("/api/v1/court/inbox")))).EnumerateArray(), r => r.GetProperty("documentId").GetGuid() == documentId);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/court/transmissions/{transmissionId}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await judge.GetAsync($"/api/v1/children/{child}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync("/api/v1/court/inbox")).StatusCode);

        using (var opened = await judge.GetAsync($"/api/v1/court/transmissions/{transmissionId}/document"))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Contains(Squash("Scolarité stable."), Squash(PdfText(await opened.Content.ReadAsByteArrayAsync())), StringComparison.Ordinal);
        }

        var report = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/reports/{reportId}")));
        Assert.Equal("ouvert par la juridiction", report.GetProperty("transmissions").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == transmissionId).GetProperty("state").GetString());
        var acknowledged = await Json.ReadAsync(await Ok(judge.PostAsync($"/api/v1/court/transmissions/{transmissionId}/acknowledgement", null)));
        Assert.Equal("Test judge", acknowledged.GetProperty("acknowledgedByName").GetString());
        report = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/reports/{reportId}")));
        var state = report.GetProperty("transmissions").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == transmissionId);
        Assert.Equal("reçu, accusé de réception", state.GetProperty("state").GetString());
        Assert.Equal(2, report.GetProperty("transmissions").GetArrayLength());
    }

    [Fact]
    public async Task The_next_report_is_due_six_months_after_the_start_for_a_child_under_three_and_a_year_otherwise()
    {
        var referent = await app.ApiAsync("referent");
        var baby = await NewChildAsync("Rapport-Bebe", Today.AddYears(-1), measureStart: Today.AddMonths(-2));
        var older = await NewChildAsync("Rapport-Grand", Today.AddYears(-8), measureStart: Today.AddMonths(-2));
        var babyView = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{baby}/reports")));
        Assert.Equal(Iso(Today.AddMonths(-2).AddMonths(6)), babyView.GetProperty("nextDue").GetString());
        Assert.Equal(6, babyView.GetProperty("monthsBetween").GetInt32());
        var olderView = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{older}/reports")));
        Assert.Equal(Iso(Today.AddMonths(-2).AddMonths(12)), olderView.GetProperty("nextDue").GetString());
        Assert.False(olderView.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_plan_overdue_and_a_report_due_soon_are_notified_to_the_referent_and_the_cadres_once()
    {
        var late = await NewChildAsync("Rapport-Alerte-Ppe", Today.AddYears(-8), measureStart: Today.AddMonths(-4));
        var soon = await NewChildAsync("Rapport-Alerte-Bebe", Today.AddYears(-1), measureStart: Today.AddMonths(-6).AddDays(15));
        await RunAlertsAsync();
        await RunAlertsAsync();
        var notes = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.SourceId == late || n.SourceId == soon).ToListAsync());
        var referent = app.World.Users["referent"];
        var cadre = app.World.Users["cadre"];
        var plan = notes.Where(n => n.SourceId == late && n.Kind == Ariane.Core.Notifications.NotificationKind.PlanDue).ToList();
        Assert.Equal(new[] { cadre, referent }.Order(), plan.Select(n => n.RecipientId).Order());
        Assert.Contains("devait être établi avant le " + Today.AddMonths(-4).AddMonths(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), plan[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rapport-Alerte", plan[0].Text, StringComparison.Ordinal);
        Assert.Equal($"/Plans/{late}", plan[0].Link);
        // The eight-year-old's report is due a year after the start: not yet. The baby's, six months after: in 15 days.
        Assert.DoesNotContain(notes, n => n.SourceId == late && n.Kind == Ariane.Core.Notifications.NotificationKind.ReportDue);
        var report = notes.Where(n => n.SourceId == soon && n.Kind == Ariane.Core.Notifications.NotificationKind.ReportDue).ToList();
        Assert.Equal(2, report.Count);
        Assert.Contains("rapport de situation dû le " + Today.AddMonths(-6).AddDays(15).AddMonths(6).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), report[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_follow_up_board_lists_what_falls_due_soonest_first_and_drops_a_plan_validated_since()
    {
        var late = await NewChildAsync("Rapport-Tableau-Ppe", Today.AddYears(-8), measureStart: Today.AddMonths(-4));
        var soon = await NewChildAsync("Rapport-Tableau-Bebe", Today.AddYears(-1), measureStart: Today.AddMonths(-6).AddDays(15));
        await RunAlertsAsync();
        var referent = await app.ApiAsync("referent");

        List<JsonElement> Ours(JsonElement page) => [.. page.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("childId").GetGuid() == late || r.GetProperty("childId").GetGuid() == soon)];
        var board = await Json.ReadAsync(await Ok(referent.GetAsync("/api/v1/follow-up/due")));
        var rows = Ours(board);
        // The counts cover at least these three due dates, two of them late (other tests' children may add to them).
        Assert.True(board.GetProperty("count").GetInt32() >= 3 && board.GetProperty("overdue").GetInt32() >= 2, board.ToString());
        Assert.True(board.GetProperty("overdue").GetInt32() < board.GetProperty("count").GetInt32(), board.ToString());
        // Soonest first: the baby's plan was due 3 months after her measure began, the older child's a month ago, then her report.
        Assert.Equal([(soon, "PlanDue"), (late, "PlanDue"), (soon, "ReportDue")], rows.Select(r => (r.GetProperty("childId").GetGuid(), r.GetProperty("kind").GetString())));
        Assert.Equal(Today.AddMonths(-4).AddMonths(3).DayNumber - Today.DayNumber, rows[1].GetProperty("days").GetInt32());
        Assert.Equal($"/Plans/{late}", rows[1].GetProperty("link").GetString());
        Assert.Equal($"/Reports/{soon}", rows[2].GetProperty("link").GetString());
        var reports = Ours(await Json.ReadAsync(await Ok(referent.GetAsync("/api/v1/follow-up/due?kind=ReportDue"))));
        Assert.Equal([soon], reports.Select(r => r.GetProperty("childId").GetGuid()));

        // The cadre reads the département's board on its page; « mine » keeps only the children one is the référent of.
        var cadre = await app.WebAsync("cadre");
        var page = WebUtility.HtmlDecode(await PageHtml.GetPageAsync(cadre, "/Reports/Due"));
        Assert.Contains("Rapport-Tableau-Ppe", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Projet pour l'enfant à établir", page, StringComparison.Ordinal);
        Assert.Contains("dépassée de", page, StringComparison.Ordinal);
        var mine = WebUtility.HtmlDecode(await PageHtml.GetPageAsync(cadre, "/Reports/Due?mine=true"));
        Assert.DoesNotContain("Rapport-Tableau-Ppe", mine, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsync("partner")).GetAsync("/api/v1/follow-up/due")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await referent.GetAsync("/api/v1/follow-up/due?kind=Autre")).StatusCode);

        // The plan validated this afternoon is off the board at once, before the next morning's run.
        var plan = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{late}/plan/goals", new
        {
            domainCode = "sco",
            @for = "Child",
            title = "Aller au collège",
            startsOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })));
        await Ok(referent.PostAsJsonAsync($"/api/v1/children/{late}/plan/validation", new { version = plan.GetProperty("version").GetInt32() }));
        rows = Ours(await Json.ReadAsync(await Ok(referent.GetAsync("/api/v1/follow-up/due"))));
        Assert.Equal([soon, soon], rows.Select(r => r.GetProperty("childId").GetGuid()));
    }

    private async Task RunAlertsAsync()
    {
        var job = app.Services.GetRequiredService<Ariane.Web.Features.Reports.FollowUpDeadlineAlerts>();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Ariane.Persistence.Audit.AuditTrail>().Actor = Ariane.Persistence.Audit.AuditActor.System;
        await job.RunAsync(scope.ServiceProvider, new NoProgress(), CancellationToken.None);
    }

    private sealed class NoProgress : Ariane.Web.Infrastructure.Jobs.IJobProgress
    {
        public Task ReportAsync(int processed, int? total, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static async Task<byte[]> GenerateAsync(HttpClient client, Guid reportId, string format)
    {
        var generated = await Json.ReadAsync(await Ok(client.PostAsync($"/api/v1/reports/{reportId}/documents?format={format}", null)));
        using var response = await client.GetAsync($"/api/v1/documents/{generated.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // To look at the documents by eye (as ARIANE_SCREENSHOTS does for the screens).
        if (Environment.GetEnvironmentVariable("ARIANE_DOCUMENTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "document"), bytes);
        }

        return bytes;
    }

    private static string Squash(string text) => DocumentText.Squash(text);

    private static string PdfText(byte[] pdf) => DocumentText.Pdf(pdf);

    private static string DocxText(byte[] docx) => DocumentText.Docx(docx);

    /// <summary>A child of the ASE Nord hosted by the MECS, placed by the judge since <paramref name="measureStart"/>; the référent named.</summary>
    private Task<Guid> NewChildAsync(string birthName, DateOnly birth, DateOnly measureStart) => app.WithDbAsync(async db =>
    {
        var child = new Child { BirthName = birthName, FirstNames = "Zoé", BirthDate = new PartialDate(birth.Year, birth.Month, birth.Day), Sex = Sex.Female, ResponsibleDepartementCode = TestWorld.Departement };
        db.Children.Add(child);
        db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["nord"], StartsOn = new DateOnly(2024, 1, 1) });
        db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["mecs"], StartsOn = new DateOnly(2024, 1, 1) });
        db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child.Id, UserId = app.World.Users["referent"], Role = WorkerRole.CaseWorker, StartsOn = new DateOnly(2024, 1, 1) });
        db.Measures.Add(new Measure
        {
            ChildId = child.Id,
            DepartementCode = TestWorld.Departement,
            KindCode = "placement_ase",
            Framework = MeasureFramework.Judicial,
            Authority = DecidingAuthority.JuvenileJudge,
            DecidedOn = measureStart,
            StartsOn = measureStart,
            PlannedEndOn = measureStart.AddYears(1),
            CarriedOutByServiceId = app.World.Services["nord"],
            State = MeasureState.InProgress,
            RecordedByUserId = app.World.Users["cadre"],
            RecordedByName = "Test",
        });
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

public sealed class ReportTests_Sqlite(SqliteApp app) : ReportTests(app), IClassFixture<SqliteApp>;

public sealed class ReportTests_Postgres(PostgresApp app) : ReportTests(app), IClassFixture<PostgresApp>;
