using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Plans;

/// <summary>
/// The PPE across institutions over HTTP (docs/domain.md §2.5, seed 004): the ASE and the MDPH each add their
/// objectives and actions to one plan that both read; each changes only its own lines (a cadre of the département all
/// of them); validated versions are frozen and compared; signatures; the three documents, opened and read.
/// </summary>
public abstract class PlanTests(ArianeApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_mdph_adds_its_own_lines_to_the_plan_reads_the_whole_of_it_and_changes_only_its_own()
    {
        var child = await NewChildAsync("Plan-Partage");
        var referent = await app.ApiAsync("referent");
        var partner = await app.ApiAsync("partner");
        var cadre = await app.ApiAsync("cadre");

        var plan = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", Goal("Reprendre une scolarité régulière", "sco"))));
        var aseGoal = plan.GetProperty("goals")[0];
        Assert.Equal("ASE Nord", aseGoal.GetProperty("ownerServiceName").GetString());
        Assert.Equal("Test referent", aseGoal.GetProperty("createdByName").GetString());

        // The MDPH partner knows only that a social follow-up exists, yet reads the whole plan and adds to it.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/children/{child}/journal")).StatusCode);
        var seen = await Json.ReadAsync(await Ok(partner.GetAsync($"/api/v1/children/{child}/plan")));
        Assert.Equal("Reprendre une scolarité régulière", seen.GetProperty("goals")[0].GetProperty("title").GetString());
        Assert.False(seen.GetProperty("goals")[0].GetProperty("mayEdit").GetBoolean());
        Assert.False(seen.GetProperty("mayEditPlan").GetBoolean());

        plan = await Json.ReadAsync(await Ok(partner.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", Goal("Obtenir une AESH en classe", "hand"))));
        var mdphGoal = plan.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("title").GetString() == "Obtenir une AESH en classe");
        Assert.Equal("MDPH Test", mdphGoal.GetProperty("ownerServiceName").GetString());
        // An MDPH action in support of the ASE's objective.
        plan = await Json.ReadAsync(await Ok(partner.PostAsJsonAsync($"/api/v1/children/{child}/plan/actions", new
        {
            goalId = aseGoal.GetProperty("id").GetGuid(),
            title = "Notification d'une aide humaine",
            personInCharge = "Mme Carrel",
            startsOn = Iso(Today),
            progress = 10,
        })));
        var linked = plan.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("id").GetGuid() == aseGoal.GetProperty("id").GetGuid()).GetProperty("actions");
        Assert.Equal("Notification d'une aide humaine", linked[0].GetProperty("title").GetString());
        Assert.Equal("MDPH Test", linked[0].GetProperty("ownerServiceName").GetString());
        var action = plan.GetProperty("actions")[0];
        Assert.Equal("La date de fin n'a pas été indiquée", action.GetProperty("duration").GetString());
        Assert.Equal("Reprendre une scolarité régulière", action.GetProperty("goalTitle").GetString());

        // Each service changes its own lines only; a cadre of the département changes any.
        var aseId = aseGoal.GetProperty("id").GetGuid();
        var mdphId = mdphGoal.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutAsJsonAsync($"/api/v1/plan-goals/{aseId}", Goal("Modifié par la MDPH", "sco", version: aseGoal.GetProperty("version").GetInt32()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PutAsJsonAsync($"/api/v1/plan-goals/{mdphId}", Goal("Modifié par l'ASE", "hand", version: mdphGoal.GetProperty("version").GetInt32()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutAsJsonAsync($"/api/v1/children/{child}/plan", new { childView = "x", version = 0 })).StatusCode);
        Assert.Equal("Reprendre une scolarité régulière", await app.WithDbAsync(db => db.PlanGoals.Where(g => g.Id == aseId).Select(g => g.Title).SingleAsync()));
        await Ok(cadre.PutAsJsonAsync($"/api/v1/plan-goals/{mdphId}", Goal("Obtenir une AESH en classe dès la rentrée", "hand", progress: 50, version: mdphGoal.GetProperty("version").GetInt32())));
        var stale = await partner.PutAsJsonAsync($"/api/v1/plan-goals/{mdphId}", Goal("Écrasement", "hand", version: mdphGoal.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // A stranger to the child (the other territory's référent) does not learn the plan exists.
        var sud = await app.ApiAsync("referent.sud");
        Assert.Equal(HttpStatusCode.NotFound, (await sud.GetAsync($"/api/v1/children/{child}/plan")).StatusCode);
    }

    [Fact]
    public async Task A_validated_version_is_frozen_and_the_next_one_says_what_changed()
    {
        var child = await NewChildAsync("Plan-Versions");
        var referent = await app.ApiAsync("referent");
        var empty = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/plan")));
        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/validation", new { version = empty.GetProperty("version").GetInt32() })).StatusCode);

        var plan = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", Goal("Renouer avec le père", "rel"))));
        var goal = plan.GetProperty("goals")[0];
        plan = await Json.ReadAsync(await Ok(referent.PutAsJsonAsync($"/api/v1/children/{child}/plan", new
        {
            trustedPerson = "Mme Laure Petit, sa marraine",
            childView = "Je veux voir mon père plus souvent.",
            version = plan.GetProperty("version").GetInt32(),
        })));
        var first = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/validation", new { version = plan.GetProperty("version").GetInt32() })));
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        // Validating again from the same read: the plan's version moved, a conflict.
        Assert.Equal(HttpStatusCode.Conflict, (await referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/validation", new { version = plan.GetProperty("version").GetInt32() })).StatusCode);

        await Ok(referent.PutAsJsonAsync($"/api/v1/plan-goals/{goal.GetProperty("id").GetGuid()}", Goal("Renouer avec le père", "rel", progress: 50, version: goal.GetProperty("version").GetInt32())));
        plan = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", Goal("Préparer l'entrée au collège", "sco"))));
        var second = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/validation", new { version = plan.GetProperty("version").GetInt32() })));
        Assert.Equal(2, second.GetProperty("number").GetInt32());

        var v2 = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/plan-versions/{second.GetProperty("id").GetGuid()}")));
        Assert.Equal(1, v2.GetProperty("previousNumber").GetInt32());
        var changes = v2.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("Objectif « Renouer avec le père » : progression 0 % → 50 %", changes);
        Assert.Contains("Objectif ajouté : « Préparer l'entrée au collège » (ASE Nord)", changes);
        var v1 = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/plan-versions/{first.GetProperty("id").GetGuid()}")));
        Assert.Equal(0, v1.GetProperty("plan").GetProperty("goals")[0].GetProperty("progress").GetInt32());
        Assert.Equal(1, v1.GetProperty("plan").GetProperty("goals").GetArrayLength());
        Assert.Equal("Mme Laure Petit, sa marraine", v1.GetProperty("plan").GetProperty("trustedPerson").GetString());
        var listed = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/children/{child}/plan")));
        Assert.Equal(2, listed.GetProperty("versions").GetArrayLength());
        Assert.Equal(2, listed.GetProperty("validatedNumber").GetInt32());
    }

    [Fact]
    public async Task A_signed_version_produces_its_three_documents_which_open_and_say_the_plan()
    {
        var child = await NewChildAsync("Plan-Documents");
        var referent = await app.ApiAsync("referent");
        var partner = await app.ApiAsync("partner");
        var plan = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", Goal("Aller au collège tous les jours", "sco", target: "Child"))));
        await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", Goal("Participer aux réunions de l'école", "sco", target: "Parents")));
        plan = await Json.ReadAsync(await Ok(partner.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", Goal("Obtenir une AESH en classe", "hand"))));
        var version = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/validation", new { version = plan.GetProperty("version").GetInt32() })));
        var versionId = version.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsJsonAsync($"/api/v1/plan-versions/{versionId}/signatures", new { kind = "Other", name = "X", signedOn = Iso(Today) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsJsonAsync($"/api/v1/plan-versions/{versionId}/signatures", new { kind = "Departement", name = "X", signedOn = Iso(Today.AddDays(5)) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/v1/plan-versions/{versionId}/signatures", new { kind = "Departement", name = "X", signedOn = Iso(Today) })).StatusCode);
        await Ok(referent.PostAsJsonAsync($"/api/v1/plan-versions/{versionId}/signatures", new { kind = "Departement", name = "Mme Lemaire, inspectrice", signedOn = Iso(Today) }));
        var signed = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/plan-versions/{versionId}/signatures", new { kind = "ParentalAuthorityHolder", name = "Mme Sophie Martin", signedOn = Iso(Today) })));
        Assert.Equal(2, signed.GetProperty("signatures").GetArrayLength());

        var full = Squash(PdfText(await GenerateAsync(referent, versionId, "complet", "pdf")));
        Assert.Contains(Squash("Aller au collège tous les jours"), full, StringComparison.Ordinal);
        Assert.Contains(Squash("Obtenir une AESH en classe"), full, StringComparison.Ordinal);
        Assert.Contains(Squash("MDPH Test"), full, StringComparison.Ordinal);
        Assert.Contains(Squash("Mme Sophie Martin"), full, StringComparison.Ordinal);
        Assert.Contains(Squash("Aide sociale à l'enfance"), full, StringComparison.Ordinal);
        var fullDocx = Squash(DocxText(await GenerateAsync(referent, versionId, "complet", "docx")));
        Assert.Contains(Squash("Projet pour l'enfant — version 1"), fullDocx, StringComparison.Ordinal);
        Assert.Contains(Squash("Scolarité et vie sociale"), fullDocx, StringComparison.Ordinal);

        // The child is 10: the simplest words, the domain as they would say it, no dates.
        var forChild = Squash(PdfText(await GenerateAsync(referent, versionId, "enfant", "pdf")));
        Assert.Contains(Squash("Mon projet"), forChild, StringComparison.Ordinal);
        Assert.Contains(Squash("L'école, mes amis et mes loisirs"), forChild, StringComparison.Ordinal);
        Assert.Contains(Squash("Pour toi : Aller au collège tous les jours — ça commence"), forChild, StringComparison.Ordinal);
        Assert.DoesNotContain(Squash("d'ici le"), forChild, StringComparison.Ordinal);

        var forParents = Squash(DocxText(await GenerateAsync(referent, versionId, "parents", "docx")));
        Assert.Contains(Squash("Le projet pour votre enfant"), forParents, StringComparison.Ordinal);
        Assert.Contains(Squash("Ce qui vous est proposé"), forParents, StringComparison.Ordinal);
        Assert.Contains(Squash("Participer aux réunions de l'école"), forParents, StringComparison.Ordinal);
        Assert.Contains(Squash("Vos droits"), forParents, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await referent.PostAsync($"/api/v1/plan-versions/{versionId}/documents/brouillon?format=pdf", null)).StatusCode);
        var listed = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/plan-versions/{versionId}")));
        Assert.Equal(4, listed.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public async Task Bad_lines_are_refused_with_a_french_message_and_nothing_is_written()
    {
        var child = await NewChildAsync("Plan-Refus");
        var other = await NewChildAsync("Plan-Autre");
        var referent = await app.ApiAsync("referent");
        var otherPlan = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{other}/plan/goals", Goal("Objectif d'un autre enfant", "dev"))));
        async Task<JsonElement> RefusedAsync(string url, object body)
        {
            var response = await referent.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await Json.ReadAsync(response)).GetProperty("errors");
        }

        var goals = $"/api/v1/children/{child}/plan/goals";
        Assert.True((await RefusedAsync(goals, Goal("Trop", "dev", progress: 150))).TryGetProperty("progress", out _));
        Assert.True((await RefusedAsync(goals, Goal("Domaine inconnu", "astro"))).TryGetProperty("domainCode", out _));
        Assert.True((await RefusedAsync(goals, new { domainCode = "dev", @for = "Child", title = "Échéance avant le début", startsOn = Iso(Today), dueOn = Iso(Today.AddDays(-3)) })).TryGetProperty("dueOn", out _));
        Assert.True((await RefusedAsync(goals, new { domainCode = "dev", @for = "Child", title = "   ", startsOn = Iso(Today) })).TryGetProperty("title", out _));
        Assert.True((await RefusedAsync($"/api/v1/children/{child}/plan/actions", new
        {
            goalId = otherPlan.GetProperty("goals")[0].GetProperty("id").GetGuid(),
            title = "Action sur l'objectif d'un autre enfant",
            startsOn = Iso(Today),
        })).TryGetProperty("goalId", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.PlanGoals.CountAsync(g => g.ChildId == child)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ChildPlans.CountAsync(p => p.ChildId == child)));
    }

    private static object Goal(string title, string domain, int progress = 0, int version = 0, string target = "Child") => new
    {
        domainCode = domain,
        @for = target,
        title,
        startsOn = Iso(Today.AddDays(-10)),
        dueOn = Iso(Today.AddMonths(3)),
        progress,
        version,
    };

    [Fact]
    public async Task The_scanned_signed_copy_is_attached_to_its_version_by_the_referent_only_as_a_pdf_or_an_image()
    {
        var child = await NewChildAsync("Plan-Copie");
        var referent = await app.ApiAsync("referent");
        var partner = await app.ApiAsync("partner");
        var plan = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/goals", Goal("Reprendre le sport", "sco"))));
        var version = await Json.ReadAsync(await Ok(referent.PostAsJsonAsync($"/api/v1/children/{child}/plan/validation", new { version = plan.GetProperty("version").GetInt32() })));
        var versionId = version.GetProperty("id").GetGuid();
        var pdf = Upload.Pdf;
        var docx = await GenerateAsync(referent, versionId, "complet", "docx");

        // The MDPH's partner reads the plan but does not record its signatures; a Word file is not a scan.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"/api/v1/plan-versions/{versionId}/signed-copies", Upload.Form(pdf, "signe.pdf", "application/pdf"))).StatusCode);
        var word = await referent.PostAsync($"/api/v1/plan-versions/{versionId}/signed-copies",
            Upload.Form(docx, "ppe.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Assert.Equal(HttpStatusCode.BadRequest, word.StatusCode);
        Assert.Contains("PDF ou en image PNG ou JPEG", await word.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ChildId == child)));

        var copy = await Json.ReadAsync(await Ok(referent.PostAsync($"/api/v1/plan-versions/{versionId}/signed-copies", Upload.Form(pdf, "PPE signé.pdf", "application/pdf"))));
        Assert.Equal(versionId, copy.GetProperty("planVersionId").GetGuid());
        Assert.Equal("Social", copy.GetProperty("section").GetString());
        var listed = await Json.ReadAsync(await Ok(referent.GetAsync($"/api/v1/plan-versions/{versionId}")));
        Assert.Equal("PPE signé.pdf", listed.GetProperty("signedCopies")[0].GetProperty("fileName").GetString());
        // The partner, who does not read the social record, is not offered the social file.
        var forPartner = await Json.ReadAsync(await Ok(partner.GetAsync($"/api/v1/plan-versions/{versionId}")));
        Assert.Equal(0, forPartner.GetProperty("signedCopies").GetArrayLength());

        var web = await app.WebAsync("referent");
        var page = await PageHtml.GetPageAsync(web, $"/Plans/Version/{child}/{versionId}");
        Assert.Contains("PPE signé.pdf", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        using var download = await web.GetAsync($"/Plans/Version/{child}/{versionId}?handler=SignedCopy&fileId={copy.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    private static async Task<byte[]> GenerateAsync(HttpClient client, Guid versionId, string edition, string format)
    {
        var generated = await Json.ReadAsync(await Ok(client.PostAsync($"/api/v1/plan-versions/{versionId}/documents/{edition}?format={format}", null)));
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

    /// <summary>A child of ten followed by the ASE Nord and the MDPH.</summary>
    private Task<Guid> NewChildAsync(string birthName) => app.WithDbAsync(async db =>
    {
        var child = new Child { BirthName = birthName, FirstNames = "Léo", BirthDate = new PartialDate(Today.Year - 10, 1, 1), Sex = Sex.Male, ResponsibleDepartementCode = TestWorld.Departement };
        db.Children.Add(child);
        db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["nord"], StartsOn = new DateOnly(2024, 1, 1) });
        db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["mdph"], StartsOn = new DateOnly(2024, 1, 1) });
        db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child.Id, UserId = app.World.Users["referent"], Role = WorkerRole.CaseWorker, StartsOn = new DateOnly(2024, 1, 1) });
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

public sealed class PlanTests_Sqlite(SqliteApp app) : PlanTests(app), IClassFixture<SqliteApp>;

public sealed class PlanTests_Postgres(PostgresApp app) : PlanTests(app), IClassFixture<PostgresApp>;
