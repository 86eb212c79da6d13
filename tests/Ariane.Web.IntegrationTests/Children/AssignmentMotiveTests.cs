using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Children;

/// <summary>Assignment motives are a typed list, each of a section: who cannot read it sees the service, not the motive.</summary>
public abstract class AssignmentMotiveTests(ArianeApp app)
{
    /// <summary>The MDPH partner's case of issue 5: a child assigned to the MDPH with judicial, health and social motives.</summary>
    private Task<Guid> ChildWithMotivesAsync() => app.WithDbAsync(async db =>
    {
        var child = new Child { BirthName = "Motif", FirstNames = "Lina", BirthDate = new PartialDate(2014, 2, 3) };
        db.Children.Add(child);
        var start = new DateOnly(2024, 1, 1);
        foreach (var (service, motive) in new[]
        {
            ("nord", AssignmentMotiveCatalogue.AseFollowUp),
            ("mdph", AssignmentMotiveCatalogue.Mdph),
            ("nord", AssignmentMotiveCatalogue.JudicialSupport),
            ("nord", AssignmentMotiveCatalogue.Pmi),
            ("nord", AssignmentMotiveCatalogue.FosterCare),
        })
        {
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services[service], StartsOn = start, MotiveCode = motive });
        }

        db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child.Id, UserId = app.World.Users["health"], Role = WorkerRole.HealthProfessional, StartsOn = start });
        await db.SaveChangesAsync();
        return child.Id;
    });

    private static List<string?> Motives(JsonElement record) =>
        record.GetProperty("serviceAssignments").EnumerateArray().Select(a => a.GetProperty("motive").GetString()).ToList();

    [Fact]
    public async Task The_mdph_partner_sees_the_services_but_no_judicial_health_or_social_motive_in_the_api_and_the_page()
    {
        var child = await ChildWithMotivesAsync();
        var partner = await app.ApiAsync("partner");
        var record = await Json.ReadAsync(await partner.GetAsync($"/api/v1/children/{child}"));
        var assignments = record.GetProperty("serviceAssignments").EnumerateArray().ToList();
        Assert.Equal(5, assignments.Count);
        Assert.Equal(["Suivi ASE (référent)"], Motives(record).Where(m => m is not null));
        Assert.All(assignments.Where(a => a.GetProperty("motive").ValueKind == JsonValueKind.Null), a =>
        {
            Assert.True(a.GetProperty("motiveWithheld").GetBoolean());
            Assert.Equal(JsonValueKind.Null, a.GetProperty("motiveCode").ValueKind);
        });
        var worker = record.GetProperty("workerAssignments")[0];
        Assert.Equal(JsonValueKind.Null, worker.GetProperty("role").ValueKind);
        Assert.Contains("Test health", worker.GetProperty("userDisplayName").GetString(), StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await (await app.WebAsync("partner")).GetStringAsync($"/Children/Details/{child}"));
        Assert.Contains("MDPH Test", html, StringComparison.Ordinal);
        Assert.Contains("Non communiqué", html, StringComparison.Ordinal);
        foreach (var hidden in new[] { "AEMO", "PMI", "Accueil familial", "MDPH</td>", "Professionnel de santé" })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_reader_sees_the_motives_of_the_sections_it_may_read()
    {
        var child = await ChildWithMotivesAsync();
        // The cadre reads judicial and social, not health; the health professional of the MECS is not linked.
        var cadre = Motives(await Json.ReadAsync(await (await app.ApiAsync("cadre")).GetAsync($"/api/v1/children/{child}")));
        Assert.Contains("AEMO / mesure judiciaire", cadre);
        Assert.Contains("Accueil familial", cadre);
        Assert.DoesNotContain("Suivi PMI", cadre);
        Assert.DoesNotContain("Suivi MDPH", cadre);
    }

    [Fact]
    public async Task The_api_takes_a_motive_code_and_refuses_a_missing_or_unknown_one_without_writing()
    {
        var cadre = await app.ApiAsync("cadre");
        var child = app.World.ChildSud;
        var motives = await Json.ReadAsync(await cadre.GetAsync("/api/v1/assignment-motives"));
        Assert.Contains(motives.EnumerateArray(), m => m.GetProperty("code").GetString() == "aemo" && m.GetProperty("section").GetString() == "Judicial");

        async Task<HttpResponseMessage> PostAsync(string? motive) => await cadre.PostAsJsonAsync($"/api/v1/children/{child}/assignments",
            new { serviceId = app.World.Services["mecs"], motive, startsOn = "2026-01-05" });
        Task<int> CountAsync() => app.WithDbAsync(db => db.ServiceAssignments.CountAsync(a => a.ChildId == child));
        var before = await CountAsync();
        foreach (var (motive, message) in new[] { ("inconnu", "Motif inconnu"), ((string?)null, "Choisissez le motif") })
        {
            var refused = await PostAsync(motive);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, (await Json.ReadAsync(refused)).GetProperty("errors").GetProperty("motive")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("placement")).StatusCode);
        var saved = await app.WithDbAsync(db => db.ServiceAssignments.SingleAsync(a => a.ChildId == child && a.ServiceId == app.World.Services["mecs"]));
        Assert.Equal(AssignmentMotiveCatalogue.Placement, saved.MotiveCode);
    }

    [Fact]
    public async Task The_assign_page_offers_the_motives_as_a_list_and_saves_the_one_chosen()
    {
        var web = await app.WebAsync("cadre");
        var child = app.World.ChildLoic;
        var form = WebUtility.HtmlDecode(await web.GetStringAsync($"/Children/Assign/{child}"));
        Assert.Contains("id=\"ServiceForm_Motive\"", form, StringComparison.Ordinal);
        Assert.Contains(">AEMO / mesure judiciaire</option>", form, StringComparison.Ordinal);

        var missing = await ArianeApp.PostFormAsync(web, $"/Children/Assign/{child}?handler=Service", new()
        {
            ["ServiceForm.ServiceId"] = app.World.Services["mdph"].ToString(),
            ["ServiceForm.StartsOn"] = "2026-01-05",
        }, $"/Children/Assign/{child}");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Choisissez le motif de l'affectation.", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await ArianeApp.PostFormAsync(web, $"/Children/Assign/{child}?handler=Service", new()
        {
            ["ServiceForm.ServiceId"] = app.World.Services["mdph"].ToString(),
            ["ServiceForm.Motive"] = AssignmentMotiveCatalogue.Mdph,
            ["ServiceForm.StartsOn"] = "2026-01-05",
        }, $"/Children/Assign/{child}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(AssignmentMotiveCatalogue.Mdph, await app.WithDbAsync(db =>
            db.ServiceAssignments.Where(a => a.ChildId == child && a.ServiceId == app.World.Services["mdph"]).Select(a => a.MotiveCode).SingleAsync()));
    }
}

public sealed class AssignmentMotiveTests_Sqlite(SqliteApp app) : AssignmentMotiveTests(app), IClassFixture<SqliteApp>;

public sealed class AssignmentMotiveTests_Postgres(PostgresApp app) : AssignmentMotiveTests(app), IClassFixture<PostgresApp>;
