using System.Net;
using System.Text;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Documents;

/// <summary>
/// Attachments (docs/decisions/0010-documents.md): the type is the content's, a contradicting declaration or
/// extension and an oversize file are refused in French with nothing stored; a health file is « not found »
/// for a reader without health, audited as refused; downloads are attachments, never sniffed.
/// </summary>
public abstract class AttachmentTests(ArianeApp app)
{
    private static readonly byte[] PdfBytes = Upload.Pdf;
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] ExeBytes = Upload.Executable;

    [Fact]
    public async Task Uploads_refuse_a_renamed_executable_an_oversize_file_and_a_contradicting_type_and_store_nothing()
    {
        var referent = await app.ApiAsync("referent");
        var child = app.World.ChildNord;
        var filesBefore = StoredFiles();

        var cases = new (byte[] Bytes, string Name, string Type, string Message)[]
        {
            (ExeBytes, "certificat.pdf", "application/pdf", "n'est pas accepté"),
            (Encoding.UTF8.GetBytes(new string('a', 10 * 1024 * 1024 + 1)), "notes.txt", "text/plain", "Le fichier dépasse 10 Mo."),
            (PngBytes, "photo.png", "application/pdf", "ne correspond pas à son contenu"),
            (PdfBytes, "rapport.png", "application/pdf", "L'extension du nom du fichier ne correspond pas"),
        };
        foreach (var (bytes, name, type, message) in cases)
        {
            using var response = await referent.PostAsync($"/api/v1/children/{child}/attachments", Form(bytes, name, type, "Social"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("file");
            Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ChildId == child)));
        Assert.Equal(filesBefore, StoredFiles());

        // A real PDF with its type is taken: the detected type, the name as given.
        using var ok = await referent.PostAsync($"/api/v1/children/{child}/attachments", Form(PdfBytes, "../../etc/compte-rendu.pdf", "application/pdf", "Social"));
        var row = await Json.ReadAsync(ok);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal("compte-rendu.pdf", row.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", row.GetProperty("contentType").GetString());
        Assert.Equal(filesBefore + 1, StoredFiles());
    }

    [Fact]
    public async Task A_health_attachment_is_not_found_for_a_reader_without_health_and_downloaded_with_its_audit_by_a_health_reader()
    {
        var child = app.World.ChildElodie;
        var health = await app.ApiAsync("health");
        var educator = await app.ApiAsync("educator");
        using var upload = await health.PostAsync($"/api/v1/children/{child}/health-attachments", Form(PdfBytes, "certificat medical.pdf", "application/pdf", null));
        var body = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.StatusCode == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();

        // The educator reads the social section, not health: 404 as for an unknown one, the refusal audited in Health.
        var refused = await educator.GetAsync($"/api/v1/children/{child}/attachments/{id}");
        var unknown = await educator.GetAsync($"/api/v1/children/{child}/attachments/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var educatorId = app.World.Users["educator"];
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.AccessDenied
            && r.UserId == educatorId && r.ChildId == child && r.Section == Section.Health)));
        // Nor is it in their list.
        var list = await Json.ReadAsync(await educator.GetAsync($"/api/v1/children/{child}/attachments"));
        Assert.DoesNotContain(list.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);

        using var download = await health.GetAsync($"/api/v1/children/{child}/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(PdfBytes, await download.Content.ReadAsByteArrayAsync());
        var healthId = app.World.Users["health"];
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.AttachmentDownloaded
            && r.UserId == healthId && r.ChildId == child && r.Section == Section.Health && r.EntityId == id)));
        // The upload's own audit row is in the attachment's section.
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.AttachmentUploaded
            && r.ChildId == child && r.Section == Section.Health && r.EntityId == id)));
    }

    private int StoredFiles()
    {
        var root = app.Settings["Files:Root"]!;
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() : 0;
    }

    private static MultipartFormDataContent Form(byte[] bytes, string name, string type, string? section) =>
        section is null ? Upload.Form(bytes, name, type) : Upload.Form(bytes, name, type, ("section", section));
}

public sealed class AttachmentTests_Sqlite(SqliteApp app) : AttachmentTests(app), IClassFixture<SqliteApp>;

public sealed class AttachmentTests_Postgres(PostgresApp app) : AttachmentTests(app), IClassFixture<PostgresApp>;
