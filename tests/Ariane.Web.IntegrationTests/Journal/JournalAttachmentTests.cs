using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Journal;

/// <summary>
/// Files of journal entries (docs/domain.md, Journal): a file takes the entry's section, so the photo of a health
/// entry is neither listed nor downloadable by the educator; only the author adds files to an entry; a refused file
/// on the phone form refuses the whole entry, with nothing written and nothing stored.
/// </summary>
public abstract class JournalAttachmentTests(ArianeApp app)
{
    private static readonly byte[] PdfBytes = Upload.Pdf;
    private static readonly byte[] ExeBytes = Upload.Executable;

    [Fact]
    public async Task A_file_of_a_health_entry_is_health_hidden_from_the_educator_and_only_the_author_adds_one()
    {
        var child = await NewChildAsync("Journal-Fichier");
        var health = await app.ApiAsync("health");
        var educator = await app.ApiAsync("educator");
        var referent = await app.ApiAsync("referent");
        var medical = await Json.ReadAsync(await Ok(health.PostAsJsonAsync($"/api/v1/children/{child}/journal", new
        {
            kind = "HealthAppointment",
            fact = "Consultation au CMP.",
            practicalSummary = "Rendez-vous suivant le 12.",
        })));
        var entryId = medical.GetProperty("id").GetGuid();

        var attached = await Json.ReadAsync(await Ok(health.PostAsync($"/api/v1/journal/{entryId}/attachments", Form(PdfBytes, "ordonnance-CMP-5521.pdf", "application/pdf"))));
        Assert.Equal("Health", attached.GetProperty("section").GetString());
        Assert.Equal(entryId, attached.GetProperty("journalEntryId").GetGuid());
        var fileId = attached.GetProperty("id").GetGuid();

        // The health professional sees the file with the entry; the educator sees the entry's summary, not the file.
        var full = await (await Ok(health.GetAsync($"/api/v1/journal/{entryId}"))).Content.ReadAsStringAsync();
        Assert.Contains("ordonnance-CMP-5521.pdf", full, StringComparison.Ordinal);
        foreach (var url in new[] { $"/api/v1/journal/{entryId}", $"/api/v1/children/{child}/journal", $"/api/v1/children/{child}/attachments" })
        {
            var body = await (await Ok(educator.GetAsync(url))).Content.ReadAsStringAsync();
            Assert.DoesNotContain("5521", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await educator.GetAsync($"/api/v1/children/{child}/attachments/{fileId}")).StatusCode);
        var web = await app.WebAsync("educator");
        var page = await PageHtml.GetPageAsync(web, $"/Journal/{child}");
        Assert.DoesNotContain("5521", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Journal/{child}?handler=File&fileId={fileId}")).StatusCode);

        // Only the author adds files: the référent, who may write the social journal, is refused on the educator's note.
        var note = await Json.ReadAsync(await Ok(educator.PostAsJsonAsync($"/api/v1/children/{child}/journal", new { kind = "SchoolEvent", fact = "Mot du professeur principal." })));
        var noteId = note.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PostAsync($"/api/v1/journal/{noteId}/attachments", Form(PdfBytes, "mot.pdf", "application/pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await educator.PostAsync($"/api/v1/journal/{Guid.CreateVersion7()}/attachments", Form(PdfBytes, "mot.pdf", "application/pdf"))).StatusCode);
        var renamed = await educator.PostAsync($"/api/v1/journal/{noteId}/attachments", Form(ExeBytes, "mot.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains("n'est pas accepté", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ChildId == child)));

        // The educator's own file is social: the référent downloads it from the timeline's page, and it is on record.
        var school = await Json.ReadAsync(await Ok(educator.PostAsync($"/api/v1/journal/{noteId}/attachments", Form(PdfBytes, "mot du professeur.pdf", "application/pdf"))));
        Assert.Equal("Social", school.GetProperty("section").GetString());
        var referentWeb = await app.WebAsync("referent");
        var timeline = await PageHtml.GetPageAsync(referentWeb, $"/Journal/{child}");
        Assert.Contains("mot du professeur.pdf", timeline, StringComparison.Ordinal);
        using var download = await referentWeb.GetAsync($"/Journal/{child}?handler=File&fileId={school.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(PdfBytes, await download.Content.ReadAsByteArrayAsync());
        var referentId = app.World.Users["referent"];
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.AttachmentDownloaded
            && r.UserId == referentId && r.ChildId == child && r.Section == Section.Social)));
    }

    [Fact]
    public async Task The_phone_form_takes_files_with_the_entry_and_a_refused_file_writes_nothing()
    {
        var child = await NewChildAsync("Journal-Photo");
        var educator = await app.WebAsync("educator");
        var url = $"/Journal/New/{child}";
        var form = await PageHtml.GetPageAsync(educator, url);
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        Assert.Contains("Fichiers joints", form, StringComparison.Ordinal);
        var fields = PageHtml.DefaultFields(form);
        fields["Input.Kind"] = "Incident";
        // Yesterday: an incident is never dated ahead, whatever the hour the test runs.
        fields["Input.OccurredOn"] = DateTime.UtcNow.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        fields["Time"] = "08:00";
        fields["Input.Fact"] = "Vitre cassée dans la salle commune.";

        var refused = await PageHtml.SubmitMultipartAsync(educator, url, form, fields,
            [("Files", "vitre.jpg", "image/jpeg", ExeBytes), ("Files", "constat.pdf", "application/pdf", PdfBytes)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await PageHtml.ReadAsync(refused);
        Assert.Contains("vitre.jpg : Ce type de fichier n'est pas accepté", WebUtility.HtmlDecode(refusedHtml), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.JournalEntries.CountAsync(e => e.ChildId == child)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ChildId == child)));

        var saved = await PageHtml.SubmitMultipartAsync(educator, url, refusedHtml, fields, [("Files", "constat.pdf", "application/pdf", PdfBytes)]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, PageHtml.Excerpt(await saved.Content.ReadAsStringAsync()));
        var entry = await app.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(e => e.ChildId == child));
        var file = await app.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.ChildId == child));
        Assert.Equal((entry.Id, Section.Social, "constat.pdf"), (file.JournalEntryId!.Value, file.Section, file.FileName));
        var timeline = await PageHtml.GetPageAsync(educator, $"/Journal/{child}");
        Assert.Contains("constat.pdf", timeline, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string name, string type) => Upload.Form(bytes, name, type);

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

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}

public sealed class JournalAttachmentTests_Sqlite(SqliteApp app) : JournalAttachmentTests(app), IClassFixture<SqliteApp>;

public sealed class JournalAttachmentTests_Postgres(PostgresApp app) : JournalAttachmentTests(app), IClassFixture<PostgresApp>;
