using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Concerns;

/// <summary>
/// An IP through its whole life at the CRIP, over HTTP (docs/domain.md, CRIP and Evaluation): recorded for
/// two siblings (one known, one created on the spot after the duplicate check), qualified, evaluated by a
/// team on the grid with the household's third child, concluded, validated; who sees what along the way.
/// </summary>
public abstract class ConcernLifecycleTests(ArianeApp app)
{
    private static DateOnly ParisToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

    [Fact]
    public async Task An_ip_for_two_siblings_is_recorded_qualified_evaluated_concluded_and_validated()
    {
        var crip = await app.ApiAsync("crip");
        var nord = app.World.Services["nord"];
        var evalA = await app.CreateUserInAsync(nord, RoleCatalogue.Evaluator, "lifeA");
        var evalB = await app.CreateUserInAsync(nord, RoleCatalogue.Evaluator, "lifeB");
        var pmi = await app.CreateUserInAsync(nord, RoleCatalogue.HealthProfessional, "lifepmi");
        await app.CreateUserInAsync(nord, RoleCatalogue.Evaluator, "lifeC");

        // A known child, « Marchal Lina », whose mother is recorded; and her little brother, also known, at the same mother.
        var lina = await CreateChildAsync(crip, "Marchal", "Lina", "2015-04-02");
        var noe = await CreateChildAsync(crip, "Marchal", "Noé", "2021-09-14");
        await app.WithDbAsync(async db =>
        {
            foreach (var id in new[] { lina, noe })
            {
                db.LinkedPersons.Add(new LinkedPerson { ChildId = id, Relation = PersonRelation.Mother, LastName = "Marchal", FirstNames = "Aurélie", BirthDate = new PartialDate(1990, 2, 1) });
            }

            return await db.SaveChangesAsync();
        });

        // The agent types a new child who looks like Lina: nothing is written, the known child is proposed.
        var concernsBefore = await app.WithDbAsync(db => db.Concerns.CountAsync());
        var draft = new Dictionary<string, object?>
        {
            ["channel"] = "Phone",
            ["transmitterCode"] = 541,
            ["originCode"] = 31,
            ["dangers"] = new[] { "Education", "Neglect" },
            ["difficulties"] = new[] { "Addictions" },
            ["narrative"] = "L'enseignante signale des absences répétées et une enfant souvent seule à la sortie de l'école.",
            ["reporter"] = new { name = "Mme Roussel Voisine", capacity = "voisine", phone = "0600000001", isProtected = true },
            ["adults"] = new[] { new { lastName = "Marchal", firstNames = "Aurélie", relation = "mère" } },
            ["childIds"] = Array.Empty<Guid>(),
            ["newChildren"] = new[]
            {
                new { child = new { birthName = "Marchal", firstNames = "Lina", birthDate = "02/04/2015", sex = "Female" }, confirmNotDuplicate = false },
                new { child = new { birthName = "Marchal", firstNames = "Tom", birthDate = "10/01/2019", sex = "Male" }, confirmNotDuplicate = false },
            },
        };
        var proposed = await Json.ReadAsync(await Ok(crip.PostAsJsonAsync("/api/v1/concerns", draft)));
        Assert.Equal(JsonValueKind.Null, proposed.GetProperty("recorded").ValueKind);
        var duplicate = Assert.Single(proposed.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(0, duplicate.GetProperty("index").GetInt32());
        Assert.Contains(duplicate.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("child").GetProperty("id").GetGuid() == lina);
        Assert.Equal(concernsBefore, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        // She picks the known Lina and keeps Tom as new: one call records the IP and creates Tom.
        draft["childIds"] = new[] { lina };
        draft["newChildren"] = new[] { new { child = new { birthName = "Marchal", firstNames = "Tom", birthDate = "10/01/2019", sex = "Male" }, confirmNotDuplicate = true } };
        var created = await crip.PostAsJsonAsync("/api/v1/concerns", draft);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ip = (await Json.ReadAsync(created)).GetProperty("recorded");
        var concernId = ip.GetProperty("id").GetGuid();
        Assert.Matches(@"^IP-98-\d{4}-\d{6}$", ip.GetProperty("number").GetString());
        Assert.Equal("ToQualify", ip.GetProperty("state").GetString());
        Assert.Equal(ParisToday.AddMonths(3), DateOnly.Parse(ip.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, ip.GetProperty("children").GetArrayLength());
        Assert.Equal("Mme Roussel Voisine", ip.GetProperty("reporter").GetProperty("name").GetString());
        Assert.Equal(["Conditions d'éducation", "Négligences lourdes"], ip.GetProperty("dangers").EnumerateArray().Select(d => d.GetString()));
        var tom = ip.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Single(id => id != lina);
        // The recording is in both children's logs.
        var listed = await app.WithDbAsync(db => db.AuditRecords.Where(r => r.EventType == AuditEventType.ConcernRecorded && r.EntityId == concernId)
            .Join(db.AuditListedChildren, r => r.Sequence, l => l.AuditSequence, (r, l) => l.ChildId).ToListAsync());
        Assert.Equal(new[] { lina, tom }.Order(), listed.Order());

        // Qualification: a stale version is a conflict; then « à évaluer ».
        Assert.Equal(HttpStatusCode.Conflict, (await crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/qualification", new { qualification = "Evaluate", version = 7 })).StatusCode);
        var referral = await crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/qualification", new { qualification = "ProsecutorReferral", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, referral.StatusCode);
        Assert.True((await Json.ReadAsync(referral)).GetProperty("errors").TryGetProperty("prosecutorReferralOn", out _));
        var qualified = await Json.ReadAsync(await Ok(crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/qualification", new { qualification = "Evaluate", version = 0 })));
        Assert.Equal("InAssessment", qualified.GetProperty("state").GetString());
        Assert.Equal("Test crip", qualified.GetProperty("qualifiedByName").GetString());

        // The proposal: the département's evaluators, and Noé, the other minor of the household.
        var proposal = await Json.ReadAsync(await Ok(crip.GetAsync($"/api/v1/concerns/{concernId}/assessment-proposal")));
        Assert.Contains(proposal.GetProperty("evaluators").EnumerateArray(), e => e.GetProperty("userId").GetGuid() == evalA);
        Assert.Equal(noe, Assert.Single(proposal.GetProperty("household").EnumerateArray()).GetProperty("id").GetGuid());
        var version = qualified.GetProperty("version").GetInt32();
        var alone = await crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/assessment", new { evaluatorIds = new[] { evalA }, householdChildIds = new[] { noe }, version });
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.Contains("au moins 2", (await Json.ReadAsync(alone)).GetProperty("errors").GetProperty("evaluatorIds")[0].GetString(), StringComparison.Ordinal);
        var opened = await crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/assessment", new { evaluatorIds = new[] { evalA, evalB, pmi }, householdChildIds = new[] { noe }, version });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var assessmentId = (await Json.ReadAsync(opened)).GetProperty("id").GetGuid();

        // The team reads the IP and the evaluation, not the protected reporter; an evaluator outside it sees nothing.
        var a = await app.ApiAsync($"lifeA.{RoleCatalogue.Evaluator}");
        var c = await app.ApiAsync($"lifeC.{RoleCatalogue.Evaluator}");
        var byTeam = await Json.ReadAsync(await Ok(a.GetAsync($"/api/v1/concerns/{concernId}")));
        Assert.True(byTeam.GetProperty("reporter").GetProperty("withheld").GetBoolean());
        Assert.DoesNotContain("Roussel", byTeam.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(3, byTeam.GetProperty("children").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/concerns/{concernId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/assessments/{assessmentId}")).StatusCode);
        Assert.Empty((await Json.ReadAsync(await Ok(c.GetAsync("/api/v1/concerns")))).GetProperty("rows").EnumerateArray());
        Assert.Contains((await Json.ReadAsync(await Ok(a.GetAsync("/api/v1/concerns")))).GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetGuid() == concernId);

        // The grid for Lina: three concerning and one satisfactory in the first domain.
        var assessment = await Json.ReadAsync(await Ok(a.GetAsync($"/api/v1/assessments/{assessmentId}")));
        Assert.Equal(3, assessment.GetProperty("children").GetArrayLength());
        var v = assessment.GetProperty("version").GetInt32();
        var saved = await Json.ReadAsync(await Ok(a.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}", new
        {
            version = v,
            homeVisits = "12/11/2026",
            parentsInformedOn = ParisToday,
            childView = "Lina dit qu'elle aime l'école mais qu'elle a souvent faim.",
            parentsView = "La mère reconnaît des difficultés depuis la séparation.",
            professionalsView = "L'école confirme les absences.",
            children = new[]
            {
                new
                {
                    childId = lina, metAloneOn = ParisToday,
                    answers = new[]
                    {
                        new { criterionCode = "dev.alimentation", answer = "Concerning", comment = (string?)"repas irréguliers" },
                        new { criterionCode = "dev.soins", answer = "Concerning", comment = (string?)null },
                        new { criterionCode = "dev.psychique", answer = "Concerning", comment = (string?)null },
                        new { criterionCode = "dev.langage", answer = "Satisfactory", comment = (string?)null },
                    },
                },
            },
        })));
        var linaView = saved.GetProperty("children").EnumerateArray().Single(x => x.GetProperty("childId").GetGuid() == lina);
        var firstDomain = linaView.GetProperty("summary")[0];
        Assert.Equal((3, 1, 4), (firstDomain.GetProperty("concerning").GetInt32(), firstDomain.GetProperty("satisfactory").GetInt32(), firstDomain.GetProperty("noAnswer").GetInt32()));
        // A colleague saving from the version before gets a conflict, not a silent overwrite.
        var b = await app.ApiAsync($"lifeB.{RoleCatalogue.Evaluator}");
        Assert.Equal(HttpStatusCode.Conflict, (await b.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}", new { version = v, childView = "autre" })).StatusCode);
        // An unknown criterion is refused.
        var unknown = await b.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}", new
        {
            version = saved.GetProperty("version").GetInt32(),
            children = new[] { new { childId = lina, answers = new[] { new { criterionCode = "inventé", answer = "Concerning" } } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        // The PMI nurse of the team records a health observation: the others read its summary only.
        var nurse = await app.ApiAsync($"lifepmi.{RoleCatalogue.HealthProfessional}");
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/children/{lina}/health-observations",
            new { content = "Essai", practicalSummary = "Essai" })).StatusCode);
        await Ok(nurse.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/children/{lina}/health-observations",
            new { content = "Retard staturo-pondéral, bilan pédiatrique demandé.", practicalSummary = "Suivi médical à mettre en place" }));
        var forNurse = await Json.ReadAsync(await Ok(nurse.GetAsync($"/api/v1/assessments/{assessmentId}")));
        Assert.Contains("staturo-pondéral", forNurse.GetRawText(), StringComparison.Ordinal);
        var forA = await Json.ReadAsync(await Ok(a.GetAsync($"/api/v1/assessments/{assessmentId}")));
        Assert.DoesNotContain("staturo-pondéral", forA.GetRawText(), StringComparison.Ordinal);
        var observation = forA.GetProperty("children").EnumerateArray().Single(x => x.GetProperty("childId").GetGuid() == lina).GetProperty("healthObservations")[0];
        Assert.True(observation.GetProperty("contentWithheld").GetBoolean());
        Assert.Equal("Suivi médical à mettre en place", observation.GetProperty("practicalSummary").GetString());

        // Conclusion by the team, validation by the cadre (not by an evaluator).
        var concluded = await Json.ReadAsync(await Ok(a.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/conclusion", new
        {
            conclusion = "JudicialReferral",
            argument = "Les besoins fondamentaux de Lina ne sont pas couverts malgré l'aide proposée ; saisine du juge des enfants.",
            parentsNotifiedOn = ParisToday,
            version = forA.GetProperty("version").GetInt32(),
        })));
        Assert.Equal("ToValidate", concluded.GetProperty("state").GetString());
        var concludedVersion = concluded.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/validation", new { approve = true, version = concludedVersion })).StatusCode);
        var cadre = await app.ApiAsync("cadre");
        var validated = await Json.ReadAsync(await Ok(cadre.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/validation", new { approve = true, version = concludedVersion })));
        Assert.Equal("Validated", validated.GetProperty("state").GetString());
        Assert.Equal("Test cadre", validated.GetProperty("validatedByName").GetString());

        // Closed for the CRIP; on each child's record with its state.
        var closed = await Json.ReadAsync(await Ok(crip.GetAsync($"/api/v1/concerns/{concernId}")));
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal("Validated", closed.GetProperty("assessment").GetProperty("state").GetString());
        var onRecord = await Json.ReadAsync(await Ok(crip.GetAsync($"/api/v1/children/{noe}/concerns")));
        Assert.Equal("Closed", Assert.Single(onRecord.EnumerateArray()).GetProperty("state").GetString());
        var report = await app.VerifyAuditAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Chains.Select(x => x.Problem)));
    }

    [Fact]
    public async Task The_dashboard_shows_the_overdue_ip_first_with_its_days_left_and_counts_by_state()
    {
        var crip = await app.ApiAsync("crip");
        var child = await CreateChildAsync(crip, "Tableau", "Éloi", "2012-06-01");
        var old = ParisToday.AddMonths(-4);
        var late = await RecordAsync(crip, child, old);
        var recent = await RecordAsync(crip, child, ParisToday);
        var board = await Json.ReadAsync(await Ok(crip.GetAsync("/api/v1/concerns?state=ToQualify")));
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        var lateIndex = rows.FindIndex(r => r.GetProperty("id").GetGuid() == late);
        var recentIndex = rows.FindIndex(r => r.GetProperty("id").GetGuid() == recent);
        Assert.True(lateIndex >= 0 && lateIndex < recentIndex, "the overdue IP comes first");
        Assert.True(rows[lateIndex].GetProperty("daysLeft").GetInt32() < 0);
        Assert.Equal(old.AddMonths(3), DateOnly.Parse(rows[lateIndex].GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Tableau Éloi", rows[lateIndex].GetProperty("children").EnumerateArray().Select(x => x.GetString()));
        var counts = board.GetProperty("counts");
        Assert.True(counts.GetProperty("toQualify").GetInt32() >= 2);
        Assert.True(counts.GetProperty("overdue").GetInt32() >= 1);

        // Another département's CRIP sees none of them.
        var collines = await Json.ReadAsync(await Ok((await app.ApiAsync("crip.collines")).GetAsync("/api/v1/concerns")));
        Assert.DoesNotContain(collines.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetGuid() == late);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync("crip.collines")).GetAsync($"/api/v1/concerns/{late}")).StatusCode);
    }

    [Fact]
    public async Task A_receipt_typed_in_the_hour_skipped_in_spring_is_stored_and_due_three_months_after_its_paris_day()
    {
        var crip = await app.ApiAsync("crip");
        var child = await CreateChildAsync(crip, "Horloge", "Basile", "2014-03-29");
        var day = new DateOnly(ParisToday.Year, 3, 29) > ParisToday ? new DateOnly(ParisToday.Year - 1, 3, 29) : new DateOnly(ParisToday.Year, 3, 29);
        if (day < ParisToday.AddYears(-1))
        {
            return; // Outside the year a receipt may be typed for: nothing to check this day.
        }

        var response = await crip.PostAsJsonAsync("/api/v1/concerns", new
        {
            receivedOn = day,
            receivedTime = "02:30",
            channel = "Letter",
            transmitterCode = 400,
            originCode = 40,
            narrative = "Courrier anonyme reçu.",
            childIds = new[] { child },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ip = (await Json.ReadAsync(response)).GetProperty("recorded");
        Assert.Equal(day.AddMonths(3), DateOnly.Parse(ip.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_french_and_writes_nothing()
    {
        var crip = await app.ApiAsync("crip");
        var before = await app.WithDbAsync(db => db.Concerns.CountAsync());
        var response = await crip.PostAsJsonAsync("/api/v1/concerns", new { transmitterCode = 12345, originCode = 31, narrative = "", childIds = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Contains("liste", errors.GetProperty("transmitterCode")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("channel", out _));
        Assert.True(errors.TryGetProperty("narrative", out _));
        Assert.Contains("au moins un enfant", errors.GetProperty("childIds")[0].GetString(), StringComparison.Ordinal);
        // A child the CRIP of another département cannot reach is « introuvable », and nothing is written.
        var other = await (await app.ApiAsync("crip.collines")).PostAsJsonAsync("/api/v1/concerns", new
        {
            channel = "Phone",
            transmitterCode = 541,
            originCode = 31,
            narrative = "Essai",
            childIds = new[] { app.World.ChildNord },
        });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("introuvable", (await Json.ReadAsync(other)).GetProperty("errors").GetProperty("childIds")[0].GetString(), StringComparison.Ordinal);
        // Roles that do not receive IPs may not record one.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsync("educator")).PostAsJsonAsync("/api/v1/concerns", new { channel = "Phone" })).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }

    private static async Task<Guid> RecordAsync(HttpClient crip, Guid child, DateOnly receivedOn)
    {
        var response = await crip.PostAsJsonAsync("/api/v1/concerns", new
        {
            receivedOn,
            channel = "Email",
            transmitterCode = 550,
            originCode = 32,
            narrative = "Signalement de l'hôpital.",
            childIds = new[] { child },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("recorded").GetProperty("id").GetGuid();
    }

    private static async Task<Guid> CreateChildAsync(HttpClient client, string birthName, string firstNames, string birthDate)
    {
        var date = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/v1/children", new
        {
            child = new { birthName, firstNames, birthDate = date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), sex = "Female" },
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}

public sealed class ConcernLifecycleTests_Sqlite(SqliteApp app) : ConcernLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class ConcernLifecycleTests_Postgres(PostgresApp app) : ConcernLifecycleTests(app), IClassFixture<PostgresApp>;
