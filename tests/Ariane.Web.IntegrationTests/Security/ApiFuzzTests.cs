using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>
/// Every operation of the app's OpenAPI document (so a new one is fuzzed without a change here) gets
/// malformed input as the cadre of the test world, on real ids so that the handler is reached: each body
/// property with wrong types, nulls, huge and invalid-Unicode strings, impossible dates and unknown enum
/// values; whole bodies with wrong content types, empty, truncated or not JSON; bad path ids; bad
/// query-string values. It fails on any 5xx, on any refused request (4xx) after which a row of a
/// non-audit table differs (audit rows such as AccessDenied may be appended), and on a refusal that is
/// not a problem document with a French title. Accepted requests (2xx) are allowed and listed.
/// </summary>
public abstract class ApiFuzzTests(ArianeApp app, ITestOutputHelper output)
{
    private const string Placeholder = "@@fuzz@@";

    /// <summary>Who sends: the cadre first; an operation the cadre's role lacks goes to the next one that has it.</summary>
    /// <summary>The court's clerk last: the court's inbox answers only to her.</summary>
    private static readonly string[] Personas = ["cadre", "referent", "health", "judge"];

    private readonly Dictionary<string, HttpClient> clients = [];
    private readonly List<string> serverErrors = [];
    private readonly List<string> changedData = [];
    private readonly List<string> accepted = [];
    private readonly List<string> notFrench = [];
    private readonly Dictionary<int, int> statuses = [];
    private readonly SortedDictionary<string, string> titles = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> baseline = new Dictionary<string, string>();

    private sealed record FuzzCase(string Input, string Url, Func<HttpContent?> Content);

    [Fact]
    public async Task Malformed_input_to_any_operation_gets_a_4xx_and_a_refused_request_changes_nothing()
    {
        var watch = Stopwatch.StartNew();
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var api = new OpenApiOperations(document.RootElement);
        // Deletions last, so that the sub-records the other operations work on still exist.
        // Uploads are multipart, not JSON: their malformed inputs (wrong type, oversize, contradicting
        // declaration, no file) are sent by Documents/AttachmentTests, Journal/JournalAttachmentTests and Plans/PlanTests.
        var operations = api.All().Where(o => o.Id is not ("UploadAttachment" or "UploadHealthAttachment" or "AttachToJournalEntry" or "AttachPlanSignedCopy"))
            .OrderBy(o => o.Method == "DELETE").ToList();
        Assert.NotEmpty(operations);
        baseline = await DatabaseFingerprint.TakeAsync(app);

        foreach (var operation in operations)
        {
            var ids = await PathIdsAsync(operation);
            var valid = new ValidBody();
            // Rebuilt after every accepted request, which may have moved a version on (the TOTP code is recomputed too).
            async Task RefreshAsync() =>
                valid.Text = operation.Body is { } schema ? api.Example(schema, await HintsAsync(operation, ids))!.ToJsonString() : null;
            await RefreshAsync();
            var client = await ClientForAsync(operation, Url(operation, ids), valid.Text);
            await RefreshAsync();
            foreach (var fuzz in Cases(api, operation, ids, valid))
            {
                if (await SendAsync(client, operation, fuzz) < 300)
                {
                    await RefreshAsync();
                }
            }
        }

        var sent = statuses.Values.Sum();
        output.WriteLine($"{operations.Count} operations, {sent} malformed requests in {watch.Elapsed.TotalSeconds:0} s; statuses: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        output.WriteLine("Refusals answered:");
        titles.Select(t => $"{t.Key}, e.g. {t.Value}").ToList().ForEach(output.WriteLine);
        output.WriteLine($"{accepted.Count} malformed requests were accepted (2xx), which the test allows:");
        accepted.ForEach(output.WriteLine);
        // One report, so that a run shows every kind of failure at once.
        var report = new StringBuilder();
        foreach (var (problems, what) in new[] { (serverErrors, "requests answered 5xx"), (changedData, "refused requests changed data"), (notFrench, "refusals are no French problem document") })
        {
            if (problems.Count > 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{problems.Count} {what}:").AppendJoin('\n', problems.Take(60)).AppendLine();
            }
        }

        Assert.True(report.Length == 0, report.ToString());
    }

    /// <summary>The valid body of the operation being fuzzed, as it is now.</summary>
    private sealed class ValidBody
    {
        public string? Text { get; set; }
    }

    /// <summary>The malformed requests for one operation, each made from its <paramref name="valid"/> body as it is when the request is sent.</summary>
    private static IEnumerable<FuzzCase> Cases(OpenApiOperations api, ApiOperation operation, IReadOnlyDictionary<string, string> ids, ValidBody valid)
    {
        var url = Url(operation, ids);
        if (operation.Body is { } schema && valid.Text is not null)
        {
            foreach (var (path, property) in api.Leaves(schema))
            {
                foreach (var bad in FuzzInputs.ForProperty(api.Kind(property)))
                {
                    var text = WithValue(valid.Text, path, bad.Raw);
                    yield return new($"{string.Join('.', path)} = {bad.What}", url, () => Json(text));
                }
            }

            foreach (var (what, content) in BodyCases(valid))
            {
                yield return new(what, url, content);
            }
        }
        else
        {
            yield return new("an unexpected body (text/plain)", url, () => new StringContent("{\"x\": 1}", Encoding.UTF8, "text/plain"));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var others = ids.Where(kv => kv.Key != parameter.Name).ToDictionary();
            IEnumerable<BadValue> values = [.. FuzzInputs.ForPath(), new BadValue("the id of a service, not of this kind", ids["serviceId"])];
            foreach (var bad in values)
            {
                yield return new($"path {parameter.Name} = {bad.What}", Url(operation, others.Append(new(parameter.Name, bad.Raw)).ToDictionary()), () => null);
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            // The other required parameters keep their valid value; this one takes the bad one.
            var others = Url(operation, ids.Where(kv => kv.Key != parameter.Name).ToDictionary());
            foreach (var bad in FuzzInputs.ForQuery().Append(new("the parameter twice", $"1&{parameter.Name}=2")))
            {
                yield return new($"query {parameter.Name} = {bad.What}", $"{others}{Separator(others)}{parameter.Name}={bad.Raw}", () => null);
            }
        }

        yield return new("unknown query parameters", $"{url}{Separator(url)}zz=1&zz=%00", () => valid.Text is null ? null : Json(valid.Text));
    }

    /// <summary>Whole bodies that are no acceptable JSON: wrong content types, empty, truncated, another shape.</summary>
    private static IEnumerable<(string What, Func<HttpContent?> Content)> BodyCases(ValidBody valid)
    {
        var body = valid.Text!;
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300);
        return
        [
            ("Content-Type text/plain", () => new StringContent(body, Encoding.UTF8, "text/plain")),
            ("Content-Type application/xml", () => new StringContent("<child><birthName>Dupont</birthName></child>", Encoding.UTF8, "application/xml")),
            ("a form instead of JSON", () => new FormUrlEncodedContent([new("birthName", "Dupont")])),
            ("multipart instead of JSON", () => new MultipartFormDataContent { { new StringContent(body), "body" } }),
            ("no Content-Type", () => new ByteArrayContent(Encoding.UTF8.GetBytes(body))),
            ("Content-Type application/json; charset=unknown", () => Raw(Encoding.UTF8.GetBytes(body), "application/json; charset=nimportequoi")),
            ("a UTF-16 body declared as such", () => Raw(Encoding.Unicode.GetBytes(body), "application/json; charset=utf-16")),
            ("a UTF-16 body declared as UTF-8", () => Raw(Encoding.Unicode.GetBytes(body), "application/json")),
            ("invalid UTF-8 bytes", () => Raw([.. Encoding.UTF8.GetBytes(body[..(body.Length / 2)]), 0xC3, 0x28, 0xFF], "application/json")),
            ("an empty body", () => Json(string.Empty)),
            ("truncated JSON", () => Json(body[..(body.Length / 2)])),
            ("JSON null", () => Json("null")),
            ("a JSON array", () => Json("[]")),
            ("a JSON string", () => Json("\"texte\"")),
            ("a JSON number", () => Json("42")),
            ("an unknown member", () => Json(body.TrimEnd('}') + (body.Length > 2 ? "," : string.Empty) + "\"zzInconnu\": 1}")),
            ("a comment in JSON", () => Json("/* commentaire */" + body)),
            ("trailing garbage", () => Json(body + "}}")),
            ("JSON nested 300 deep", () => Json(deep)),
        ];
    }

    private async Task<int> SendAsync(HttpClient client, ApiOperation operation, FuzzCase fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), fuzz.Url) { Content = fuzz.Content() };
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        statuses[status] = statuses.GetValueOrDefault(status) + 1;
        var after = await DatabaseFingerprint.TakeAsync(app);
        var what = $"{operation}: {fuzz.Input} → {status}";
        if (status >= 400)
        {
            var title = Title(await response.Content.ReadAsStringAsync());
            var type = response.Content.Headers.ContentType?.MediaType;
            titles.TryAdd($"{status} {title} ({type})", what);
            // A refusal is a problem document with a French title, never the framework's English reason phrase.
            if (type != "application/problem+json" || title == $"« {ReasonPhrases.GetReasonPhrase(status)} »")
            {
                notFrench.Add($"{what} {title} ({type})");
            }
        }

        if (status >= 500)
        {
            serverErrors.Add($"{what} {Title(await response.Content.ReadAsStringAsync())}");
        }
        else if (status >= 400 && DatabaseFingerprint.Differences(baseline, after) is { Count: > 0 } differences)
        {
            changedData.Add($"{what}: {string.Join("; ", differences)}");
        }
        else if (status < 300)
        {
            accepted.Add(what);
        }

        baseline = after;
        return status;
    }

    /// <summary>The valid request of <paramref name="operation"/>, as the first persona whose role has it; it must not be refused as invalid.</summary>
    private async Task<HttpClient> ClientForAsync(ApiOperation operation, string url, string? body)
    {
        foreach (var persona in Personas)
        {
            if (!clients.TryGetValue(persona, out var client))
            {
                client = clients[persona] = await app.ApiAsync(persona);
            }

            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = body is null ? null : Json(body) };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            baseline = await DatabaseFingerprint.TakeAsync(app);
            // A persona without the endpoint's section answers 404 (the gate hides the child's health from a cadre): try the next.
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.NotFound && persona != Personas[^1])
            {
                continue;
            }

            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict,
                $"the valid request of {operation} as {persona} answers {(int)response.StatusCode} {text}: the fuzz would not reach its handler (fix PathIdsAsync / HintsAsync)");
            output.WriteLine($"{operation}: valid request as {persona} → {(int)response.StatusCode}");
            return client;
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Real ids of the test world for the path parameters, and a service id for the wrong-kind case.</summary>
    private async Task<Dictionary<string, string>> PathIdsAsync(ApiOperation operation)
    {
        var child = app.World.ChildNord;
        var ids = new Dictionary<string, string> { ["serviceId"] = app.World.Services["nord"].ToString() };
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            ids[parameter.Name] = parameter.Name switch
            {
                // The merge waits while a transfer of the child is pending (an earlier operation proposed one): two records of its own.
                "childId" => operation.Id switch
                {
                    _ when operation.Path.EndsWith("/merge", StringComparison.Ordinal) => (await MergeSurvivorAsync()).ToString(),
                    // The protected flag on a record of its own, set before it is lifted (the lift of an unprotected record is refused).
                    "ProtectChild" => (await ProtectionChildAsync(protect: false)).ToString(),
                    "LiftChildProtection" => (await ProtectionChildAsync(protect: true)).ToString(),
                    _ => child.ToString(),
                },
                "personId" => (await app.WithDbAsync(db => db.LinkedPersons.Where(p => p.ChildId == child).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync())).ToString(),
                "assignmentId" => (await app.WithDbAsync(db => db.ServiceAssignments.Where(a => a.ChildId == child).OrderBy(a => a.StartsOn).ThenBy(a => a.Id).Select(a => a.Id).FirstAsync())).ToString(),
                "transferId" => (await PendingTransferAsync()).ToString(),
                "concernId" => (await ConcernToEvaluateAsync()).ToString(),
                "assessmentId" => (await AssessmentInProgressAsync()).ToString(),
                "documentId" => (await AcknowledgementAsync()).ToString(),
                "attachmentId" => (await AttachmentAsync()).ToString(),
                "notificationId" => (await NotificationAsync()).ToString(),
                // A measure only waiting can be started; the others change a measure in progress. One each, of its own.
                "measureId" => (await MeasureAsync(started: operation.Id != "StartMeasure")).ToString(),
                "placementId" => (await StayAsync()).ToString(),
                "contactRightId" => (await ContactRightAsync()).ToString(),
                "facilityId" => (await FuzzFacilityAsync()).ToString(),
                // A line of its own: a line with a stay or a held place cannot be removed.
                "capacityId" => (await CapacityLineAsync()).ToString(),
                // The requester answers a facility that asked a question: the request waits for that answer.
                "placementRequestId" => (await PlacementRequestAsync(asked: operation.Id == "ReplyToPlacementQuestion")).ToString(),
                "targetId" => placementTarget!.Value.ToString(),
                "entryId" => (await JournalEntryAsync()).ToString(),
                "goalId" => (await PlanFixtureAsync()).GoalId.ToString(),
                "actionId" => (await PlanFixtureAsync()).ActionId.ToString(),
                "versionId" => (await PlanFixtureAsync()).VersionId.ToString(),
                "edition" => "complet",
                "reportId" => (await ReportAsync(validated: operation.Id is not ("UpdateReport" or "ValidateReport"))).ToString(),
                "transmissionId" => (await TransmissionAsync()).ToString(),
                _ => throw new InvalidOperationException($"{operation}: no real value for path parameter « {parameter.Name} »; add one to PathIdsAsync so that the handler is reached"),
            };
        }

        // A deletion of a contact right takes its version in the query string.
        if (operation.Parameters.Any(p => p.In == "query" && p.Required && p.Name == "version"))
        {
            ids["version"] = (await VersionAsync(ids)).ToString(CultureInfo.InvariantCulture);
        }

        return ids;
    }

    /// <summary>The version of the record the operation changes: the most specific id of its path, else the child.</summary>
    private Task<int> VersionAsync(IReadOnlyDictionary<string, string> ids)
    {
        // Read into locals first: an EF query may not call a local function.
        var id = (string name) => ids.TryGetValue(name, out var value) ? Guid.Parse(value) : (Guid?)null;
        var (target, capacity, right, stay, measure, facility, person, entry) =
            (id("targetId"), id("capacityId"), id("contactRightId"), id("placementId"), id("measureId"), id("facilityId"), id("personId"), id("entryId"));
        var (goal, action, report) = (id("goalId"), id("actionId"), id("reportId"));
        return app.WithDbAsync(db =>
            target is { } t ? db.PlacementRequestTargets.Where(x => x.Id == t).Select(x => x.Version).FirstAsync()
            : report is { } rp ? db.SituationReports.Where(x => x.Id == rp).Select(x => x.Version).FirstAsync()
            : goal is { } g ? db.PlanGoals.Where(x => x.Id == g).Select(x => x.Version).FirstAsync()
            : action is { } a ? db.PlanActions.Where(x => x.Id == a).Select(x => x.Version).FirstAsync()
            : entry is { } e ? db.JournalEntries.Where(x => x.Id == e).Select(x => x.Version).FirstAsync()
            : capacity is { } c ? db.FacilityCapacities.Where(x => x.Id == c).Select(x => x.Version).FirstAsync()
            : right is { } r ? db.ContactRights.Where(x => x.Id == r).Select(x => x.Version).FirstAsync()
            : stay is { } s ? db.Placements.Where(x => x.Id == s).Select(x => x.Version).FirstAsync()
            : measure is { } m ? db.Measures.Where(x => x.Id == m).Select(x => x.Version).FirstAsync()
            : facility is { } f ? db.Facilities.Where(x => x.Id == f).Select(x => x.Version).FirstAsync()
            : person is { } p ? db.LinkedPersons.Where(x => x.Id == p).Select(x => x.Version).FirstAsync()
            : db.Children.Where(x => x.Id == app.World.ChildNord).Select(x => x.Version).FirstAsync());
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An AEMO of the child decided on 25/01/2024, waiting, or carried out since 01/02/2024 until 30/06/2025.</summary>
    private Task<Guid> MeasureAsync(bool started) => app.WithDbAsync(async db =>
    {
        var measure = new Ariane.Core.Measures.Measure
        {
            ChildId = app.World.ChildNord,
            DepartementCode = TestWorld.Departement,
            KindCode = "aemo",
            Framework = Ariane.Core.Measures.MeasureFramework.Judicial,
            Authority = Ariane.Core.Measures.DecidingAuthority.JuvenileJudge,
            DecidedOn = new DateOnly(2024, 1, 25),
            StartsOn = started ? new DateOnly(2024, 2, 1) : null,
            PlannedEndOn = new DateOnly(2025, 6, 30),
            CarriedOutByServiceId = app.World.Services["nord"],
            State = started ? Ariane.Core.Measures.MeasureState.InProgress : Ariane.Core.Measures.MeasureState.Decided,
            RecordedByUserId = app.World.Users["cadre"],
            RecordedByName = "Test",
        };
        db.Measures.Add(measure);
        db.MeasureDecisions.Add(new Ariane.Core.Measures.MeasureDecision
        {
            MeasureId = measure.Id,
            ChildId = measure.ChildId,
            Kind = Ariane.Core.Measures.MeasureDecisionKind.Initial,
            DecidedOn = measure.DecidedOn,
            CoversFrom = measure.DecidedOn,
            CoversUntil = measure.PlannedEndOn,
            Court = "Tribunal judiciaire de Test",
            RecordedByUserId = app.World.Users["cadre"],
            RecordedByName = "Test",
            RecordedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return measure.Id;
    });

    /// <summary>A stay of a record of its own (so that the stays the fuzz opens for the main child never overlap it), begun on 01/03/2024.</summary>
    private async Task<Guid> StayAsync()
    {
        var childId = await NewChildAsync("Fuzzaccueil");
        return await app.WithDbAsync(async db =>
        {
            var stay = new Ariane.Core.Placements.Placement
            {
                ChildId = childId,
                PlaceKind = Ariane.Core.Placements.PlaceKind.Other,
                PlaceLabel = "Chez une tante",
                StartsOn = new DateOnly(2024, 3, 1),
                RecordedByUserId = app.World.Users["cadre"],
                RecordedByName = "Test",
            };
            db.Placements.Add(stay);
            await db.SaveChangesAsync();
            return stay.Id;
        });
    }

    private (Guid GoalId, Guid ActionId, Guid VersionId)? planFixture;

    /// <summary>The child's plan (made once): an objective and an action of the ASE Nord, and a validated version.</summary>
    private async Task<(Guid GoalId, Guid ActionId, Guid VersionId)> PlanFixtureAsync() => planFixture ??= await app.WithDbAsync(async db =>
    {
        var child = app.World.ChildNord;
        var nord = app.World.Services["nord"];
        var plan = await db.ChildPlans.SingleOrDefaultAsync(p => p.ChildId == child);
        if (plan is null)
        {
            plan = new Ariane.Core.Plans.ChildPlan { ChildId = child, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, UpdatedByName = "Test" };
            db.ChildPlans.Add(plan);
        }

        var goal = new Ariane.Core.Plans.PlanGoal
        {
            ChildId = child,
            PlanId = plan.Id,
            DomainCode = "sco",
            For = Ariane.Core.Plans.GoalFor.Child,
            Title = "Reprendre l'école",
            StartsOn = new DateOnly(2024, 2, 1),
            OwnerServiceId = nord,
            OwnerServiceName = "ASE Nord",
            CreatedByName = "Test",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        var action = new Ariane.Core.Plans.PlanAction
        {
            ChildId = child,
            PlanId = plan.Id,
            GoalId = goal.Id,
            Title = "Inscription au collège",
            StartsOn = new DateOnly(2024, 2, 1),
            OwnerServiceId = nord,
            OwnerServiceName = "ASE Nord",
            CreatedByName = "Test",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        plan.ValidatedNumber++;
        var version = new Ariane.Core.Plans.ChildPlanVersion
        {
            ChildId = child,
            PlanId = plan.Id,
            Number = plan.ValidatedNumber,
            ValidatedByName = "Test",
            ValidatedAt = DateTime.UtcNow.AddDays(-1),
            Snapshot = new Ariane.Core.Plans.PlanSnapshot("Bernard Camille", "D", null, null, null, null, null, null, null, null, null, [], []).Serialise(),
        };
        db.PlanGoals.Add(goal);
        db.PlanActions.Add(action);
        db.ChildPlanVersions.Add(version);
        await db.SaveChangesAsync();
        return (goal.Id, action.Id, version.Id);
    });

    /// <summary>A rapport de situation of the child, validated or a draft ready to validate (a new one each time).</summary>
    private Task<Guid> ReportAsync(bool validated) => app.WithDbAsync(async db =>
    {
        var report = new Ariane.Core.Reports.SituationReport
        {
            ChildId = app.World.ChildNord,
            Kind = Ariane.Core.Reports.ReportKind.Situation,
            State = validated ? Ariane.Core.Reports.ReportState.Validated : Ariane.Core.Reports.ReportState.Draft,
            PeriodFrom = new DateOnly(2025, 1, 1),
            PeriodTo = new DateOnly(2025, 12, 31),
            Prefill = new Ariane.Core.Reports.ReportPrefill("Bernard Camille", "D", null, null, [], [], [], [], null, [], []).Serialise(),
            HighlightIds = "[]",
            EvaluationDevelopment = "Développement harmonieux.",
            AuthorName = "Test",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            ValidatedByName = validated ? "Test" : null,
            ValidatedAt = validated ? DateTime.UtcNow : null,
        };
        db.SituationReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    private Guid? transmission;

    /// <summary>An acknowledgement of the child transmitted to the test court (made once).</summary>
    private async Task<Guid> TransmissionAsync() => transmission ??= await app.WithDbAsync(async db =>
    {
        var documentId = await AcknowledgementAsync();
        var row = new Ariane.Core.Reports.DocumentTransmission
        {
            ChildId = app.World.ChildNord,
            DocumentId = documentId,
            DocumentName = "accuse.pdf",
            Channel = Ariane.Core.Reports.TransmissionChannel.Ariane,
            RecipientServiceId = app.World.Services["tpe"],
            RecipientName = "Tribunal pour enfants",
            SentByName = "Test",
            SentAt = DateTime.UtcNow,
        };
        db.DocumentTransmissions.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    });

    private Task<int> PlanVersionAsync() => app.WithDbAsync(db => db.ChildPlans.Where(p => p.ChildId == app.World.ChildNord).Select(p => p.Version).FirstAsync());

    /// <summary>A note of the cadre (the first persona) in the child's journal: hers to correct.</summary>
    private Task<Guid> JournalEntryAsync() => app.WithDbAsync(async db =>
    {
        var entry = new Ariane.Core.Journal.JournalEntry
        {
            ChildId = app.World.ChildNord,
            Kind = Ariane.Core.Journal.JournalEntryKind.Note,
            Section = Ariane.Core.Access.Section.Social,
            OccurredAt = DateTime.UtcNow.AddDays(-1),
            Fact = "Appel de la mère.",
            AuthorUserId = app.World.Users["cadre"],
            AuthorName = "Test",
            RecordedAt = DateTime.UtcNow.AddDays(-1),
        };
        db.JournalEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    });

    /// <summary>A right of visit of the child's mother.</summary>
    private Task<Guid> ContactRightAsync() => app.WithDbAsync(async db =>
    {
        var mother = await db.LinkedPersons.Where(p => p.ChildId == app.World.ChildNord).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var right = new Ariane.Core.Placements.ContactRight
        {
            ChildId = app.World.ChildNord,
            LinkedPersonId = mother,
            Kind = Ariane.Core.Placements.ContactRightKind.Free,
            Source = "Accord avec la famille",
            StartsOn = new DateOnly(2024, 1, 1),
            RecordedByUserId = app.World.Users["cadre"],
            RecordedByName = "Test",
        };
        db.ContactRights.Add(right);
        await db.SaveChangesAsync();
        return right.Id;
    });

    private Guid? fuzzFacility;

    /// <summary>A MECS of the main département with a line of permanent places for every age (made once).</summary>
    private async Task<Guid> FuzzFacilityAsync() => fuzzFacility ??= await app.WithDbAsync(async db =>
    {
        var facility = new Ariane.Core.Facilities.Facility
        {
            Name = "MECS du Fuzz",
            DepartementCode = TestWorld.Departement,
            PlaceKind = Ariane.Core.Placements.PlaceKind.Establishment,
            ServiceId = app.World.Services["mecs"],
            PostalCode = "98000",
            City = "Testville",
        };
        facility.Capacities.Add(new Ariane.Core.Facilities.FacilityCapacity
        {
            DepartementCode = facility.DepartementCode,
            CareType = Ariane.Core.Placements.CareType.Permanent,
            AgeMaxYears = 21,
            Installed = 50,
            Available = 50,
            UpdatedByName = "Test",
            UpdatedAt = DateTime.UtcNow,
        });
        db.Facilities.Add(facility);
        await db.SaveChangesAsync();
        return facility.Id;
    });

    private async Task<Guid> CapacityLineAsync()
    {
        var facilityId = await FuzzFacilityAsync();
        return await app.WithDbAsync(async db =>
        {
            var line = new Ariane.Core.Facilities.FacilityCapacity
            {
                FacilityId = facilityId,
                DepartementCode = TestWorld.Departement,
                CareType = Ariane.Core.Placements.CareType.Emergency,
                AgeMaxYears = 17,
                Installed = 2,
                Available = 2,
                UpdatedByName = "Test",
                UpdatedAt = DateTime.UtcNow,
            };
            db.FacilityCapacities.Add(line);
            await db.SaveChangesAsync();
            return line.Id;
        });
    }

    /// <summary>The target (the fuzz MECS) of the last request made by <see cref="PlacementRequestAsync"/>.</summary>
    private Guid? placementTarget;

    /// <summary>A request for a place for the child, sent to the fuzz MECS and not answered yet (or <paramref name="asked"/> a question).</summary>
    private async Task<Guid> PlacementRequestAsync(bool asked = false)
    {
        var facilityId = await FuzzFacilityAsync();
        return await app.WithDbAsync(async db =>
        {
            var request = new Ariane.Core.Facilities.PlacementRequest
            {
                ChildId = app.World.ChildNord,
                DepartementCode = TestWorld.Departement,
                RequestedByServiceId = app.World.Services["nord"],
                RequestedByUserId = app.World.Users["cadre"],
                RequestedByName = "Test",
                CareType = Ariane.Core.Placements.CareType.Permanent,
                WantedFrom = Today.AddDays(3),
                ChildAgeYears = 10,
                ChildSex = Ariane.Core.Children.Sex.Female,
                Needs = "Cadre contenant, scolarisée en CM2.",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            var target = new Ariane.Core.Facilities.PlacementRequestTarget { ChildId = request.ChildId, FacilityId = facilityId, UpdatedAt = DateTime.UtcNow, UpdatedByName = "Test" };
            if (asked)
            {
                target.Status = Ariane.Core.Facilities.PlacementRequestStatus.InformationMissing;
                target.StatusNote = "Précisez la scolarité.";
            }

            request.Targets.Add(target);
            db.PlacementRequests.Add(request);
            await db.SaveChangesAsync();
            placementTarget = target.Id;
            return request.Id;
        });
    }

    private Guid? protectionChild;

    /// <summary>A record of its own for the protected flag; <paramref name="protect"/>: protected by a cadre beforehand.</summary>
    private async Task<Guid> ProtectionChildAsync(bool protect)
    {
        var childId = protectionChild ??= await NewChildAsync("Fuzzprotection");
        if (protect)
        {
            await app.WithDbAsync(async db =>
            {
                var child = await db.Children.SingleAsync(c => c.Id == childId);
                if (!child.IsProtected)
                {
                    child.IsProtected = true;
                    db.ChildProtections.Add(new Ariane.Core.Placements.ChildProtection
                    {
                        ChildId = childId,
                        Reason = "Violences du père",
                        SetAt = DateTime.UtcNow,
                        SetByUserId = app.World.Users["cadre"],
                        SetByName = "Test",
                    });
                }

                return await db.SaveChangesAsync();
            });
        }

        return childId;
    }

    /// <summary>A transfer of the Collines' child to the main département, waiting for the main CRIP's answer.</summary>
    private Task<Guid> PendingTransferAsync() => app.WithDbAsync(async db =>
    {
        var transfer = new Ariane.Core.Children.DepartementTransfer
        {
            ChildId = app.World.ChildCollines,
            FromDepartementCode = TestWorld.OtherDepartement,
            ToDepartementCode = "98",
            EffectiveOn = DateOnly.FromDateTime(DateTime.UtcNow),
            Reason = "Déménagement de la famille",
            ProposedByUserId = app.World.Users["crip.collines"],
            ProposedByName = "Test",
        };
        db.DepartementTransfers.Add(transfer);
        await db.SaveChangesAsync();
        return transfer.Id;
    });

    /// <summary>An acknowledgement generated (as the cadre) for a new IP of the child.</summary>
    private async Task<Guid> AcknowledgementAsync()
    {
        var concern = await ConcernToEvaluateAsync();
        var response = await (await app.ApiAsync("cadre")).PostAsync($"/api/v1/concerns/{concern}/documents/acknowledgement?format=pdf", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Infrastructure.Json.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A text file attached (as the cadre) to the child's social section.</summary>
    private async Task<Guid> AttachmentAsync()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("Compte rendu de visite."u8.ToArray());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
        form.Add(file, "file", "visite.txt");
        form.Add(new StringContent("Social"), "section");
        var response = await (await app.ApiAsync("cadre")).PostAsync($"/api/v1/children/{app.World.ChildNord}/attachments", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Infrastructure.Json.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A notification of the cadre's.</summary>
    private Task<Guid> NotificationAsync() => app.WithDbAsync(async db =>
    {
        var notification = new Ariane.Core.Notifications.Notification
        {
            RecipientId = app.World.Users["cadre"],
            Kind = Ariane.Core.Notifications.NotificationKind.AssessmentOverdue,
            Title = "Évaluation en retard",
            Text = "Échéance dépassée.",
            Link = "/Concerns",
            DedupKey = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTime.UtcNow,
            VisibleFrom = DateTime.UtcNow,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    });

    /// <summary>An IP of the child qualified « à évaluer », its evaluation not opened yet.</summary>
    private Task<Guid> ConcernToEvaluateAsync() => app.WithDbAsync(async db =>
    {
        var concern = new Ariane.Core.Concerns.Concern
        {
            DepartementCode = TestWorld.Departement,
            ReceivedByServiceId = app.World.Services["crip"],
            ReceivedAt = DateTime.UtcNow,
            Channel = Ariane.Core.Concerns.ConcernChannel.Phone,
            TransmitterCode = 541,
            OriginCode = 31,
            Narrative = "Information de l'école.",
            RecordedByName = "Test",
            State = Ariane.Core.Concerns.ConcernState.InAssessment,
            Qualification = Ariane.Core.Concerns.ConcernQualification.Evaluate,
            DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3),
        };
        concern.Children.Add(new Ariane.Core.Concerns.ConcernChild { ConcernId = concern.Id, ChildId = app.World.ChildNord });
        db.Concerns.Add(concern);
        await db.SaveChangesAsync();
        return concern.Id;
    });

    /// <summary>An evaluation in progress of an IP of the child, whose team includes the health professional (named on the child).</summary>
    private async Task<Guid> AssessmentInProgressAsync()
    {
        var concernId = await ConcernToEvaluateAsync();
        return await app.WithDbAsync(async db =>
        {
            var framework = await Ariane.Web.Features.Assessments.AssessmentFrameworks.CurrentAsync(db, TestWorld.Departement, CancellationToken.None);
            var assessment = new Ariane.Core.Assessments.Assessment
            {
                ConcernId = concernId,
                DepartementCode = TestWorld.Departement,
                ServiceId = app.World.Services["nord"],
                FrameworkId = framework.Id,
                StartedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            };
            assessment.Children.Add(new Ariane.Core.Assessments.AssessmentChild { AssessmentId = assessment.Id, ChildId = app.World.ChildNord, NamedInConcern = true });
            foreach (var user in new[] { "referent", "health" })
            {
                assessment.Evaluators.Add(new Ariane.Core.Assessments.AssessmentEvaluator { AssessmentId = assessment.Id, Assessment = assessment, UserId = app.World.Users[user], Name = user });
            }

            db.Assessments.Add(assessment);
            if (!await db.WorkerAssignments.AnyAsync(w => w.ChildId == app.World.ChildNord && w.UserId == app.World.Users["health"]))
            {
                db.WorkerAssignments.Add(new Ariane.Core.Children.WorkerAssignment
                {
                    ChildId = app.World.ChildNord,
                    UserId = app.World.Users["health"],
                    Role = Ariane.Core.Children.WorkerRole.Evaluator,
                    StartsOn = new DateOnly(2024, 1, 1),
                });
            }

            await db.SaveChangesAsync();
            return assessment.Id;
        });
    }

    /// <summary>Values that make the body valid in the test world, by property name (the rest comes from the schema).</summary>
    /// <summary>A throwaway record of the main département, for the merge into the child of the path (made once).</summary>
    private Guid? mergeable;

    private async Task<Guid> MergeableAsync() => mergeable ??= await NewChildAsync("Fuzzfusion");

    private Guid? mergeSurvivor;

    private async Task<Guid> MergeSurvivorAsync() => mergeSurvivor ??= await NewChildAsync("Fuzzgarde");

    private Task<Guid> NewChildAsync(string birthName) => app.WithDbAsync(async db =>
    {
        var child = new Ariane.Core.Children.Child { BirthName = birthName, FirstNames = "Camille", ResponsibleDepartementCode = TestWorld.Departement };
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child.Id;
    });

    private async Task<Dictionary<string, JsonNode?>> HintsAsync(ApiOperation operation, IReadOnlyDictionary<string, string> ids)
    {
        var version = await VersionAsync(ids);
        var hints = new Dictionary<string, JsonNode?>
        {
            ["userName"] = "educator",
            ["password"] = TestWorld.Password,
            ["totpCode"] = Totp.Code(app.World.TotpKeys["educator"]),
            ["birthName"] = "Fuzz",
            ["firstNames"] = "Camille",
            ["birthDate"] = "12/03/2015",
            ["confirmNotDuplicate"] = true,
            ["version"] = version,
            ["lastName"] = "Martin",
            ["line"] = "1 rue de la Paix",
            ["postalCode"] = "69001",
            ["city"] = "Lyon",
            ["from"] = "2024-01-01",
            ["serviceId"] = app.World.Services["sud"].ToString(),
            ["motive"] = "ouverture",
            ["startsOn"] = "2024-02-01",
            ["endsOn"] = "2030-06-30",
            ["reason"] = "Appel du commissariat : l'enfant est accueilli en urgence cette nuit.",
            ["toDepartementCode"] = TestWorld.OtherDepartement,
            ["effectiveOn"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["noteForReceivers"] = "Audience en janvier.",
            ["decision"] = "Refuse",
            ["channel"] = "Phone",
            ["transmitterCode"] = 541,
            ["originCode"] = 31,
            ["narrative"] = "L'école signale des absences répétées.",
            ["childIds"] = new JsonArray(app.World.ChildNord.ToString()),
            ["newChildren"] = new JsonArray(),
            ["adults"] = new JsonArray(),
            ["dangers"] = new JsonArray("Education"),
            ["difficulties"] = new JsonArray(),
            ["qualification"] = "Evaluate",
            ["evaluatorIds"] = new JsonArray(app.World.Users["referent"].ToString(), app.World.Users["referent.sud"].ToString()),
            ["householdChildIds"] = new JsonArray(),
            ["children"] = new JsonArray(),
            ["criterionCode"] = "dev.soins",
            ["answer"] = "Concerning",
            ["conclusion"] = "NoFurtherAction",
            ["argument"] = "Les besoins de l'enfant sont couverts ; aucun danger n'est établi.",
            ["content"] = "Examen pédiatrique sans particularité.",
            ["practicalSummary"] = "Rien à signaler pour l'équipe",
            ["approve"] = true,
            ["delivery"] = "DailyDigest",
            ["digestAt"] = "08:00:00",
            ["quietFrom"] = "20:00:00",
            ["quietUntil"] = "08:00:00",
            ["absorbedChildId"] = operation.Path.EndsWith("/merge", StringComparison.Ordinal) ? (await MergeableAsync()).ToString() : Guid.Empty.ToString(),
            // Measures: an AEMO decided a week before its start (startsOn above), for at most 2 years.
            ["kindCode"] = "aemo",
            ["authority"] = "JuvenileJudge",
            ["decidedOn"] = "2024-01-25",
            ["plannedEndOn"] = "2025-12-31",
            ["carriedOutByServiceId"] = app.World.Services["nord"].ToString(),
            ["court"] = "Tribunal judiciaire de Test",
            ["judgeName"] = "Mme Juge",
            ["endedOn"] = "2025-01-15",
            // Stays and contact rights.
            ["placeKind"] = "Establishment",
            ["careType"] = "Permanent",
            ["facilityId"] = (await FuzzFacilityAsync()).ToString(),
            ["linkedPersonId"] = (await app.WithDbAsync(db => db.LinkedPersons.Where(p => p.ChildId == app.World.ChildNord).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync())).ToString(),
            ["source"] = "Jugement du 12/03/2024",
            ["terms"] = "Un samedi sur deux, au service.",
        };
        // Names that mean another thing in another body.
        switch (operation.Id)
        {
            case "EndMeasure":
                hints["reason"] = "Term";
                break;
            case "EndPlacement":
                hints["endsOn"] = Iso(Today);
                break;
            case "RecordContactRight" or "UpdateContactRight":
                hints["kind"] = "Supervised";
                break;
            case "CreateFacility" or "UpdateFacility":
                hints["name"] = "MECS du Fuzz";
                hints["departementCode"] = TestWorld.Departement;
                hints["finess"] = "980000001";
                hints["serviceId"] = app.World.Services["mecs"].ToString();
                break;
            case "AddCapacity" or "UpdateCapacity":
                hints["installed"] = 3;
                hints["ageMaxYears"] = 17;
                break;
            case "SendPlacementRequest":
                hints["childId"] = app.World.ChildNord.ToString();
                hints["facilityIds"] = new JsonArray((await FuzzFacilityAsync()).ToString());
                hints["wantedFrom"] = Iso(Today.AddDays(3));
                hints["needs"] = "Besoin d'un cadre contenant, scolarisée en CM2.";
                hints["contactPhone"] = "0102030405";
                break;
            case "AnswerPlacementRequest":
                // Information missing keeps the request open, so that every malformed answer still reaches the checks.
                hints["status"] = "InformationMissing";
                hints["note"] = "Précisez la scolarité.";
                break;
            case "ReplyToPlacementQuestion":
                hints["reply"] = "En CM2 à l'école du quartier.";
                break;
            case "AddPlanGoal" or "UpdatePlanGoal":
                hints["domainCode"] = "sco";
                hints["for"] = "Child";
                hints["title"] = "Aller au collège tous les jours";
                hints["dueOn"] = "2030-06-30";
                hints["progress"] = 20;
                hints["status"] = "InProgress";
                hints["ownerServiceId"] = null;
                break;
            case "AddPlanAction" or "UpdatePlanAction":
                hints["goalId"] = (await PlanFixtureAsync()).GoalId.ToString();
                hints["title"] = "Rendez-vous avec le principal";
                hints["personInCharge"] = "M. Test";
                hints["progress"] = 20;
                hints["status"] = "InProgress";
                hints["ownerServiceId"] = null;
                break;
            case "UpdateChildPlan" or "ValidateChildPlan":
                await PlanFixtureAsync();
                hints["version"] = await PlanVersionAsync();
                hints["healthCheckOn"] = "2024-03-01";
                break;
            case "DraftReport":
                hints["kind"] = "Situation";
                hints["periodFrom"] = "2025-01-01";
                hints["periodTo"] = Iso(Today.AddDays(-1));
                hints["measureId"] = null;
                break;
            case "UpdateReport":
                hints["proposals"] = new JsonArray("AdjustPlan");
                hints["highlightIds"] = new JsonArray();
                break;
            case "TransmitDocument":
                hints["channel"] = "Ariane";
                hints["recipientServiceId"] = app.World.Services["tpe"].ToString();
                hints["recipientName"] = null;
                hints["note"] = "Rapport annuel.";
                break;
            case "SignPlanVersion":
                hints["kind"] = "Departement";
                hints["name"] = "Mme Inspectrice";
                hints["signedOn"] = Iso(Today);
                break;
            case "RecordJournalEntry" or "CorrectJournalEntry":
                hints["kind"] = "Note";
                hints["section"] = "Social";
                hints["occurredOn"] = Iso(Today.AddDays(-1));
                hints["occurredTime"] = "08:00:00";
                hints["fact"] = "Appel de la mère pour prendre des nouvelles.";
                hints["practicalSummary"] = null;
                break;
        }

        return hints;
    }

    /// <summary>The path with its ids, and the required query parameters that <paramref name="ids"/> gives a value (a deletion's version).</summary>
    private static string Url(ApiOperation operation, IReadOnlyDictionary<string, string> ids)
    {
        var path = ids.Aggregate(operation.Path, (path, id) => path.Replace($"{{{id.Key}}}", id.Value, StringComparison.Ordinal));
        var query = operation.Parameters.Where(p => p.In == "query" && p.Required && ids.ContainsKey(p.Name)).Select(p => $"{p.Name}={ids[p.Name]}").ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static char Separator(string url) => url.Contains('?', StringComparison.Ordinal) ? '&' : '?';

    /// <summary>The body with the property at <paramref name="path"/> set to raw JSON <paramref name="raw"/>.</summary>
    private static string WithValue(string body, string[] path, string raw)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        var node = root;
        foreach (var name in path[..^1])
        {
            node = node[name] as JsonObject ?? (JsonObject)(node[name] = new JsonObject());
        }

        node[path[^1]] = Placeholder;
        return root.ToJsonString().Replace($"\"{Placeholder}\"", raw, StringComparison.Ordinal);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string Title(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var title) ? $"« {title.GetString()} »" : body[..Math.Min(body.Length, 200)];
        }
        catch (JsonException)
        {
            return body[..Math.Min(body.Length, 200)];
        }
    }
}

public sealed class ApiFuzzTests_Sqlite(SqliteApp app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<SqliteApp>;

public sealed class ApiFuzzTests_Postgres(PostgresApp app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<PostgresApp>;
