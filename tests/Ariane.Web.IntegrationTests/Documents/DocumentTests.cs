using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Documents;

/// <summary>
/// Generated documents (docs/decisions/0010-documents.md): the acknowledgement of an IP and the evaluation report,
/// as PDF and DOCX, read back; the sections applied (no reporter, health content only for a health reader);
/// every generation a new version; downloads audited and refused as unknown ids.
/// </summary>
public abstract class DocumentTests(ArianeApp app)
{
    private const string ReporterName = "Mme Voisine";
    private const string HealthContent = "Retard staturo-pondéral constaté, suivi PMI irrégulier";
    private const string PracticalSummary = "Prévoir un rendez-vous PMI avant la fin du mois";
    private const string Argument = "Danger avéré malgré le refus des parents de toute aide";

    private sealed record Scenario(Guid ConcernId, string Number, Guid AssessmentId, string HealthUser);

    private static DateOnly ParisToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

    [Fact]
    public async Task The_acknowledgement_names_the_IP_never_its_protected_reporter_and_each_generation_is_a_new_version()
    {
        var crip = await app.ApiAsync("crip");
        var (concernId, number, _) = await RecordConcernAsync(crip);

        var pdf = await GenerateAsync(crip, $"/api/v1/concerns/{concernId}/documents/acknowledgement?format=pdf");
        var docx = await GenerateAsync(crip, $"/api/v1/concerns/{concernId}/documents/acknowledgement?format=docx");
        Assert.Equal(1, pdf.GetProperty("number").GetInt32());
        Assert.Equal(2, docx.GetProperty("number").GetInt32());
        Assert.Equal([app.World.ChildNord], docx.GetProperty("childIds").EnumerateArray().Select(e => e.GetGuid()));

        var pdfText = PdfText(await DownloadAsync(crip, pdf));
        var docxText = DocxText(await DownloadAsync(crip, docx));
        foreach (var text in new[] { pdfText, docxText })
        {
            Assert.Contains(Squash(number), text, StringComparison.Ordinal);
            Assert.Contains(Squash("Camille B."), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Squash("Voisine"), text, StringComparison.Ordinal);
        }

        // A third one: nothing overwritten, each version kept and listed on the child's record.
        var again = await GenerateAsync(crip, $"/api/v1/concerns/{concernId}/documents/acknowledgement?format=pdf");
        Assert.Equal(3, again.GetProperty("number").GetInt32());
        var listed = await Json.ReadAsync(await crip.GetAsync($"/api/v1/children/{app.World.ChildNord}/documents"));
        var numbers = listed.EnumerateArray().Where(d => d.GetProperty("sourceId").GetGuid() == concernId).Select(d => d.GetProperty("number").GetInt32()).Order();
        Assert.Equal([1, 2, 3], numbers);
        Assert.Equal(HttpStatusCode.BadRequest, (await crip.PostAsync($"/api/v1/concerns/{concernId}/documents/acknowledgement?format=exe", null)).StatusCode);
    }

    [Fact]
    public async Task The_report_shows_health_content_only_to_a_health_reader_and_downloads_are_audited_or_refused_as_unknown()
    {
        var s = await EvaluatedAsync();
        var crip = await app.ApiAsync("crip");
        var health = await app.ApiAsync(s.HealthUser);

        // The CRIP does not read health: the practical summary, not the content.
        var cripPdf = await GenerateAsync(crip, $"/api/v1/assessments/{s.AssessmentId}/documents/report?format=pdf");
        var cripDocx = await GenerateAsync(crip, $"/api/v1/assessments/{s.AssessmentId}/documents/report?format=docx");
        Assert.Equal("Judicial", cripPdf.GetProperty("legalNature").GetString());
        Assert.False(cripPdf.GetProperty("containsHealth").GetBoolean());
        foreach (var text in new[] { PdfText(await DownloadAsync(crip, cripPdf)), DocxText(await DownloadAsync(crip, cripDocx)) })
        {
            Assert.Contains(Squash(s.Number), text, StringComparison.Ordinal);
            Assert.Contains(Squash("Saisine de l'autorité judiciaire"), text, StringComparison.Ordinal);
            Assert.Contains(Squash(Argument), text, StringComparison.Ordinal);
            Assert.Contains(Squash(PracticalSummary), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Squash(HealthContent), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Squash(ReporterName), text, StringComparison.Ordinal);
        }

        // The health professional of the team reads it: the content is in, tagged for redaction.
        var healthPdf = await GenerateAsync(health, $"/api/v1/assessments/{s.AssessmentId}/documents/report?format=pdf");
        var healthDocx = await GenerateAsync(health, $"/api/v1/assessments/{s.AssessmentId}/documents/report?format=docx");
        Assert.Equal(3, healthPdf.GetProperty("number").GetInt32());
        Assert.True(healthPdf.GetProperty("containsHealth").GetBoolean());
        Assert.Contains(healthPdf.GetProperty("redactionTags").EnumerateArray(), t => t.GetProperty("category").GetString() == "Health");
        Assert.Contains(healthPdf.GetProperty("redactionTags").EnumerateArray(), t => t.GetProperty("category").GetString() == "ThirdParty");
        Assert.Contains(Squash(HealthContent), PdfText(await DownloadAsync(health, healthPdf)), StringComparison.Ordinal);
        Assert.Contains(Squash(HealthContent), DocxText(await DownloadAsync(health, healthDocx)), StringComparison.Ordinal);

        // Downloads: one row per child, in the section the document shows.
        var downloads = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.EventType == AuditEventType.DocumentDownloaded && r.ChildId == app.World.ChildNord)
            .Select(r => new { r.EntityId, r.Section }).ToListAsync());
        Assert.Contains(downloads, d => d.EntityId == cripPdf.GetProperty("id").GetGuid() && d.Section == Section.Social);
        Assert.Contains(downloads, d => d.EntityId == healthPdf.GetProperty("id").GetGuid() && d.Section == Section.Health);

        // The CRIP may not take the health version; a stranger to the child may take none: 404 as an unknown id, refusal audited.
        var cripUserId = app.World.Users["crip"];
        Assert.Equal(HttpStatusCode.NotFound, (await crip.GetAsync($"/api/v1/documents/{healthPdf.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.True(await DeniedAsync(cripUserId, Section.Health) >= 1);
        var stranger = await app.ApiAsync("referent.sud");
        var refused = await stranger.GetAsync($"/api/v1/documents/{cripPdf.GetProperty("id").GetGuid()}");
        var unknown = await stranger.GetAsync($"/api/v1/documents/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(await DeniedAsync(app.World.Users["referent.sud"], Section.Social) >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/assessments/{s.AssessmentId}/documents/report?format=pdf", null)).StatusCode);
    }

    private Task<int> DeniedAsync(Guid userId, Section section) => app.WithDbAsync(db => db.AuditRecords.AsNoTracking()
        .CountAsync(r => r.EventType == AuditEventType.AccessDenied && r.UserId == userId && r.ChildId == app.World.ChildNord && r.Section == section));

    private static async Task<JsonElement> GenerateAsync(HttpClient client, string url)
    {
        var response = await client.PostAsync(url, null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, JsonElement document)
    {
        using var response = await client.GetAsync($"/api/v1/documents/{document.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Text compared without white space: PDF extraction does not keep line breaks and spacing as written.</summary>
    private static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Squash(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return Squash(document.MainDocumentPart!.Document!.Body!.InnerText);
    }

    private async Task<(Guid Id, string Number, int Version)> RecordConcernAsync(HttpClient crip)
    {
        var response = await crip.PostAsJsonAsync("/api/v1/concerns", new
        {
            channel = "Phone",
            transmitterCode = 541,
            originCode = 31,
            narrative = "La voisine entend des cris chaque soir ; l'enfant arrive à l'école sans avoir mangé.",
            childIds = new[] { app.World.ChildNord },
            reporter = new { name = ReporterName, isProtected = true },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var recorded = JsonDocument.Parse(body).RootElement.GetProperty("recorded");
        return (recorded.GetProperty("id").GetGuid(), recorded.GetProperty("number").GetString()!, recorded.GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An IP on the Nord child, qualified, evaluated by two evaluators and a PMI nurse, concluded with a referral.</summary>
    private async Task<Scenario> EvaluatedAsync()
    {
        var crip = await app.ApiAsync("crip");
        var (concernId, number, version) = await RecordConcernAsync(crip);
        var qualified = await OkAsync(crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/qualification", new { qualification = "Evaluate", version }));
        var nord = app.World.Services["nord"];
        var evalA = await app.CreateUserInAsync(nord, RoleCatalogue.Evaluator, "evalA");
        var evalB = await app.CreateUserInAsync(nord, RoleCatalogue.Evaluator, "evalB");
        var pmi = await app.CreateUserInAsync(nord, RoleCatalogue.HealthProfessional, "pmi");
        var opened = await OkAsync(crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/assessment",
            new { evaluatorIds = new[] { evalA, evalB, pmi }, householdChildIds = Array.Empty<Guid>(), version = qualified.GetProperty("version").GetInt32() }),
            HttpStatusCode.Created);
        var assessmentId = opened.GetProperty("id").GetGuid();
        var evaluator = await app.ApiAsync($"evalA.{RoleCatalogue.Evaluator}");
        var view = await OkAsync(evaluator.GetAsync($"/api/v1/assessments/{assessmentId}"));
        view = await OkAsync(evaluator.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}", new
        {
            version = view.GetProperty("version").GetInt32(),
            homeVisits = ParisToday.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            parentsInformedOn = ParisToday,
            childView = "Camille dit avoir peur le soir.",
            parentsView = "Les parents contestent les faits.",
            professionalsView = "L'école signale des absences répétées.",
            children = new[] { new { childId = app.World.ChildNord, answers = new[] { new { criterionCode = "dev.soins", answer = "Concerning" } } } },
        }));
        var healthUser = $"pmi.{RoleCatalogue.HealthProfessional}";
        var health = await app.ApiAsync(healthUser);
        await OkAsync(health.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/children/{app.World.ChildNord}/health-observations",
            new { content = HealthContent, practicalSummary = PracticalSummary }));
        view = await OkAsync(evaluator.GetAsync($"/api/v1/assessments/{assessmentId}"));
        await OkAsync(evaluator.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/conclusion", new
        {
            conclusion = "JudicialReferral",
            argument = Argument,
            finishedOn = ParisToday,
            parentsNotifiedOn = ParisToday,
            version = view.GetProperty("version").GetInt32(),
        }));
        return new Scenario(concernId, number, assessmentId, healthUser);
    }
}

public sealed class DocumentTests_Sqlite(SqliteApp app) : DocumentTests(app), IClassFixture<SqliteApp>;

public sealed class DocumentTests_Postgres(PostgresApp app) : DocumentTests(app), IClassFixture<PostgresApp>;
