using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Ariane.Web.IntegrationTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>
/// Every value shown carries its section (docs/architecture.md, Access): the leak child of
/// <see cref="LeakMarkers"/> is fetched, through every page and API GET that shows a child, by one user
/// of every role of the catalogue, once per relation to the child (its service is assigned, it is
/// named, no link). A marker of a section that role and relation may not read, found anywhere in a
/// response (text, attributes, titles, hidden text, JSON), fails the test; so does a marker of a
/// readable section missing from the record page or the API, so that the scan cannot pass by showing
/// nothing. The expected rights are derived from the stored role table, independently of AccessPolicy.
/// The documents made from the child's IP are scanned too: every role that may generates the evaluation
/// report (PDF and DOCX) and the IP's acknowledgement, downloads it and its text is scanned the same way;
/// the acknowledgement goes to the transmitter, so the author of the IP is never in it, whoever prints it.
/// The leak child is protected: where she lives shows only to the roles that may know a protected place.
/// </summary>
public abstract partial class LeakScannerTests(ArianeApp app, ITestOutputHelper output)
{
    public enum Relation
    {
        NotLinked,
        ServiceAssigned,
        Named,
    }

    [Fact]
    public async Task No_role_sees_a_value_of_a_section_it_may_not_read_on_any_page_or_api_response()
    {
        var leak = await app.WithDbAsync(LeakMarkers.SeedAsync);
        var roles = await app.WithDbAsync(db => db.AccessRoles.AsNoTracking().OrderBy(r => r.Code).ToListAsync());
        Assert.Equal(RoleCatalogue.Defaults.Count, roles.Count);
        var (pages, apis) = Urls(leak);
        output.WriteLine($"{pages.Count} pages, {apis.Count} API GETs, {roles.Count} roles, {Enum.GetValues<Relation>().Length} relations, {leak.All.Count} markers");

        var leaks = new List<string>();
        var missing = new List<string>();
        var scans = 0;
        var documents = 0;
        foreach (var role in roles)
        {
            var (userId, serviceId, userName) = await app.CreateUserAsync(role.Code, "fuite");
            var web = await app.WebAsync(userName);
            var api = await app.ApiAsync(userName);
            foreach (var relation in Enum.GetValues<Relation>())
            {
                await LinkAsync(leak.ChildId, userId, serviceId, relation, link: true);
                var readable = Enum.GetValues<Section>().Where(s => MayRead(role, relation, s)).ToHashSet();
                var forbidden = Forbidden(role, relation, readable);
                foreach (var (url, client) in pages.Select(u => (u, web)).Concat(apis.Select(u => (u, api))))
                {
                    var response = await client.GetAsync(url);
                    var text = await TextAsync(response);
                    scans++;
                    foreach (var marker in leak.All.Where(m => forbidden(m) && !AllowedOnAuditViews(role, url, m)))
                    {
                        if (marker.Needles.FirstOrDefault(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } needle)
                        {
                            leaks.Add($"{role.Code} ({relation}) {url} [{(int)response.StatusCode}]: {marker.Field} ({marker.Section}) « {needle} »");
                        }
                    }

                    var shown = leak.All.Where(m => !forbidden(m) && ShownOn(leak, m).Contains(url)).ToList();
                    if (shown.Count > 0)
                    {
                        CheckShown(role, relation, url, response, text, shown, missing);
                    }
                }

                documents += await ScanDocumentsAsync(leak, role, relation, api, readable, forbidden, leaks, missing);

                await LinkAsync(leak.ChildId, userId, serviceId, relation, link: false);
            }
        }

        output.WriteLine($"{scans} responses scanned, {documents} generated documents scanned");
        Assert.True(documents > 0, "no role generated a document: the documents were not scanned");
        Assert.True(leaks.Count == 0, $"{leaks.Count} values shown outside their section:\n" + string.Join('\n', leaks.Distinct().Take(60)));
        Assert.True(missing.Count == 0, $"{missing.Count} readable values not shown (the scan would be vacuous):\n" + string.Join('\n', missing.Distinct().Take(60)));
    }

    /// <summary>Where a reader of the marker's section must find it: its own views, else the record page and API.</summary>
    private static IReadOnlyList<string> ShownOn(LeakMarkers leak, LeakMarker marker) =>
        marker.ShownOn is { } views
            ? [.. views.Select(v => leak.Ids.Aggregate(v.Replace("{childId}", leak.ChildId.ToString(), StringComparison.Ordinal), (url, id) => url.Replace($"{{{id.Key}}}", id.Value.ToString(), StringComparison.Ordinal)))]
            : [$"/Children/Details/{leak.ChildId}", $"/api/v1/children/{leak.ChildId}"];

    /// <summary>
    /// The documents made from the leak child's IP, generated by this user when it may, downloaded and scanned:
    /// the evaluation report (PDF, DOCX) shows what its author reads; the acknowledgement never shows the IP's author.
    /// </summary>
    private async Task<int> ScanDocumentsAsync(
        LeakMarkers leak, Role role, Relation relation, HttpClient api, HashSet<Section> readable, Func<LeakMarker, bool> forbidden, List<string> leaks, List<string> missing)
    {
        var scanned = 0;
        var version = leak.Ids["versionId"];
        var report = leak.Ids["reportId"];
        var documents = new List<(string Url, Func<LeakMarker, bool> Forbidden)>
        {
            ($"/api/v1/assessments/{leak.Ids["assessmentId"]}/documents/report?format=pdf", forbidden),
            ($"/api/v1/assessments/{leak.Ids["assessmentId"]}/documents/report?format=docx", forbidden),
            ($"/api/v1/concerns/{leak.Ids["concernId"]}/documents/acknowledgement?format=pdf", m => forbidden(m) || m.Section == Section.ConcernAuthor),
            ($"/api/v1/concerns/{leak.Ids["concernId"]}/documents/acknowledgement?format=docx", m => forbidden(m) || m.Section == Section.ConcernAuthor),
            // The PPE's three editions and the rapport de situation: made from the plan and the record, never from health.
            ($"/api/v1/plan-versions/{version}/documents/complet?format=pdf", forbidden),
            ($"/api/v1/plan-versions/{version}/documents/complet?format=docx", forbidden),
            ($"/api/v1/plan-versions/{version}/documents/enfant?format=pdf", forbidden),
            ($"/api/v1/plan-versions/{version}/documents/parents?format=docx", forbidden),
            ($"/api/v1/reports/{report}/documents?format=pdf", forbidden),
            ($"/api/v1/reports/{report}/documents?format=docx", forbidden),
        };
        await ScanReportDraftAsync(leak, role, relation, api, forbidden, leaks);
        foreach (var (url, isForbidden) in documents)
        {
            var generated = await api.PostAsync(url, null);
            var answer = await TextAsync(generated);
            foreach (var marker in leak.All.Where(isForbidden))
            {
                if (marker.Needles.FirstOrDefault(n => answer.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } needle)
                {
                    leaks.Add($"{role.Code} ({relation}) POST {url} [{(int)generated.StatusCode}]: {marker.Field} ({marker.Section}) « {needle} »");
                }
            }

            if (generated.StatusCode != HttpStatusCode.Created)
            {
                continue;
            }

            using var json = JsonDocument.Parse(await generated.Content.ReadAsStringAsync());
            var download = $"/api/v1/documents/{json.RootElement.GetProperty("id").GetGuid()}";
            var file = await api.GetAsync(download);
            if (file.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{role.Code} ({relation}) GET {download}: {(int)file.StatusCode} for the document it just generated");
                continue;
            }

            var bytes = await file.Content.ReadAsByteArrayAsync();
            var text = url.Contains("format=pdf", StringComparison.Ordinal) ? PdfText(bytes) : DocxText(bytes);
            scanned++;
            foreach (var marker in leak.All.Where(isForbidden))
            {
                if (marker.Needles.FirstOrDefault(n => text.Contains(Squash(n), StringComparison.OrdinalIgnoreCase)) is { } needle)
                {
                    leaks.Add($"{role.Code} ({relation}) {url} (document): {marker.Field} ({marker.Section}) « {needle} »");
                }
            }

            // The PPE and the rapport de situation say what they are made of: the scan is not vacuous.
            var made = url.Contains("/complet", StringComparison.Ordinal) ? "PpeObjectif" : url.Contains("/reports/", StringComparison.Ordinal) ? "RapportDeveloppement" : null;
            foreach (var marker in leak.All.Where(m => m.Field == made && !isForbidden(m)))
            {
                if (!marker.Needles.Any(n => text.Contains(Squash(n), StringComparison.OrdinalIgnoreCase)))
                {
                    missing.Add($"{role.Code} ({relation}) {url} (document): {marker.Field} ({marker.Section}) not in the document");
                }
            }

            // The report is made of what its author reads: the scan is not vacuous.
            if (url.Contains("/documents/report", StringComparison.Ordinal))
            {
                foreach (var marker in leak.All.Where(m => m.Field is "ParoleEnfant" or "ResumePratique" or "ObservationSante" && readable.Contains(m.Section)))
                {
                    if (!marker.Needles.Any(n => text.Contains(Squash(n), StringComparison.OrdinalIgnoreCase)))
                    {
                        missing.Add($"{role.Code} ({relation}) {url} (document): {marker.Field} ({marker.Section}) not in the report");
                    }
                }
            }
        }

        return scanned;
    }

    /// <summary>
    /// A rapport de situation drafted by this user when it may: the draft is pre-filled from the record (identity, measures,
    /// plan, latest evaluation, journal entries to choose from) as its author may read it; the answer is scanned, then the
    /// draft removed so that the next role drafts its own.
    /// </summary>
    private async Task ScanReportDraftAsync(LeakMarkers leak, Role role, Relation relation, HttpClient api, Func<LeakMarker, bool> forbidden, List<string> leaks)
    {
        var url = $"/api/v1/children/{leak.ChildId}/reports";
        var drafted = await api.PostAsync(url, new StringContent("{}", Encoding.UTF8, "application/json"));
        var answer = await TextAsync(drafted);
        if (drafted.StatusCode == HttpStatusCode.Created)
        {
            var id = JsonDocument.Parse(await drafted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            answer += await TextAsync(await api.GetAsync($"/api/v1/reports/{id}"));
            await app.WithDbAsync(db => db.SituationReports.Where(r => r.Id == id).ExecuteDeleteAsync());
        }

        foreach (var marker in leak.All.Where(forbidden))
        {
            if (marker.Needles.FirstOrDefault(n => answer.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } needle)
            {
                leaks.Add($"{role.Code} ({relation}) POST {url} (draft) [{(int)drafted.StatusCode}]: {marker.Field} ({marker.Section}) « {needle} »");
            }
        }
    }

    /// <summary>Text compared without white space: PDF extraction does not keep line breaks and spacing as written.</summary>
    private static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.Append(page.Text);
        }

        var info = document.Information;
        text.Append(info.Title).Append(info.Subject).Append(info.Author).Append(info.Keywords);
        return Squash(text.ToString());
    }

    /// <summary>The body, headers and footers as read, plus every XML part of the package (properties, comments) as stored.</summary>
    private static string DocxText(byte[] docx)
    {
        var text = new StringBuilder();
        using (var stream = new MemoryStream(docx))
        using (var document = WordprocessingDocument.Open(stream, false))
        {
            var main = document.MainDocumentPart!;
            text.Append(main.Document!.Body!.InnerText);
            foreach (var header in main.HeaderParts)
            {
                text.Append(header.Header!.InnerText);
            }

            foreach (var footer in main.FooterParts)
            {
                text.Append(footer.Footer!.InnerText);
            }
        }

        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(WebUtility.HtmlDecode(reader.ReadToEnd()));
        }

        return Squash(text.ToString());
    }

    /// <summary>
    /// The role table, read as the policy should: a role reaches the child through its scope and the
    /// relation, and then reads a section when its level there is Read or more.
    /// </summary>
    private static bool MayRead(Role role, Relation relation, Section section) =>
        role.LevelFor(section) >= AccessLevel.Read && role.Scope switch
        {
            AccessScope.Departement => true,
            AccessScope.Service => relation is Relation.ServiceAssigned or Relation.Named,
            AccessScope.Personal => relation is Relation.Named,
            _ => false,
        };

    /// <summary>
    /// What this user must not see: a value of a section it may not read, and where the protected leak child lives
    /// unless the role may know protected places (the user is of the child's département; it is neither the child's
    /// named référent nor of the place's team, which also know, as PlacementTests checks).
    /// </summary>
    private static Func<LeakMarker, bool> Forbidden(Role role, Relation relation, HashSet<Section> readable) =>
        m => (!readable.Contains(m.Section) && !(m.PlanContent && ReadsPlanAsPartner(role, relation)))
            || (m.TellsProtectedPlace && !role.Has(Permission.KnowProtectedPlace));

    /// <summary>
    /// A partner reads the whole plan of a child assigned to its service (docs/domain.md §2.5), with only the existence
    /// of the social follow-up: written from the domain text, not from PlanRules.
    /// </summary>
    private static bool ReadsPlanAsPartner(Role role, Relation relation) =>
        role.Has(Permission.ContributeToPlan) && role.LevelFor(Section.Social) >= AccessLevel.Existence && relation == Relation.ServiceAssigned;

    /// <summary>
    /// The audit views identify the child to those who control access (the DPO, the cadre) without opening
    /// the record (docs/domain.md, audit): there the child's names and dossier number may show, and nothing else.
    /// </summary>
    private static bool AllowedOnAuditViews(Role role, string url, LeakMarker marker) =>
        (role.Has(Permission.ViewChildAudit) || role.Has(Permission.SearchAudit))
        && (url.Contains("/Audit", StringComparison.OrdinalIgnoreCase) || url.Contains("access-log", StringComparison.OrdinalIgnoreCase))
        && marker.Field is "NomNaissance" or "NomUsage" or "Prenoms" or "NumeroDossier";

    private static void CheckShown(Role role, Relation relation, string url, HttpResponseMessage response, string text, IEnumerable<LeakMarker> readable, List<string> missing)
    {
        var expected = readable.ToList();
        if (expected.Count == 0)
        {
            return;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            missing.Add($"{role.Code} ({relation}) {url}: {(int)response.StatusCode} where the page should open");
            return;
        }

        foreach (var marker in expected.Where(m => !m.Needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase))))
        {
            missing.Add($"{role.Code} ({relation}) {url}: {marker.Field} ({marker.Section}) not shown");
        }
    }

    /// <summary>
    /// Every GET page and API endpoint that takes a child id in its route (discovered, so new ones are
    /// scanned without a change here), with the query strings that pages take for a sub-record; plus the
    /// searches that find the child and the pages that take the child in the query string.
    /// </summary>
    private (List<string> Pages, List<string> Apis) Urls(LeakMarkers leak)
    {
        var child = leak.ChildId.ToString();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<AuditedChildDataAttribute>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.Contains("{childId", StringComparison.Ordinal) || r.Contains("{id", StringComparison.Ordinal)
                || leak.Ids.Keys.Any(k => r.Contains($"{{{k}", StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        var urls = new List<string>();
        foreach (var route in routes)
        {
            var url = "/" + ChildParameter().Replace(route.TrimStart('/'), child);
            url = OptionalParameter().Replace(url, string.Empty);
            foreach (var (name, id) in leak.Ids)
            {
                url = url.Replace($"{{{name}:guid}}", id.ToString(), StringComparison.Ordinal).Replace($"{{{name}}}", id.ToString(), StringComparison.Ordinal);
            }

            if (url.Contains('{', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"route {route} needs an id the leak child does not provide: add it to LeakMarkers.Ids");
            }

            urls.Add(url);
            if (!url.StartsWith("/api/", StringComparison.Ordinal))
            {
                // Pages read sub-records from the query string (?personId=, ?addressId=); others ignore it.
                urls.Add(url + "?" + string.Join('&', leak.Ids.Select(kv => $"{kv.Key}={kv.Value}")));
            }
        }

        var query = Uri.EscapeDataString(leak.Query);
        // After the record pages: the search page without a query lists the records just opened (« Récemment consultés »).
        urls.AddRange([$"/Children?q={query}", $"/api/v1/children?q={query}", "/api/v1/children?mine=true", $"/Access/Delegations?childId={child}", "/", "/Children",
            "/Concerns", "/Concerns?state=InAssessment", "/api/v1/concerns", "/api/v1/concerns?state=InAssessment",
            "/Measures", "/api/v1/measures/waiting", "/api/v1/measures/deadlines", $"/Facilities/Requests?childId={child}",
            "/Journal/Foster", "/Reports/Inbox", "/api/v1/court/inbox", "/Reports/Due", "/api/v1/follow-up/due"]);
        Assert.Contains($"/Children/Details/{child}", urls);
        Assert.Contains($"/api/v1/children/{child}", urls);
        Assert.Contains($"/Concerns/Details/{leak.Ids["concernId"]}", urls);
        Assert.Contains($"/Assessments/Details/{leak.Ids["assessmentId"]}", urls);
        Assert.Contains($"/api/v1/concerns/{leak.Ids["concernId"]}", urls);
        Assert.Contains($"/api/v1/assessments/{leak.Ids["assessmentId"]}", urls);
        Assert.Contains($"/api/v1/children/{child}/concerns", urls);
        Assert.Contains($"/Measures/Details/{leak.Ids["measureId"]}", urls);
        Assert.Contains($"/api/v1/measures/{leak.Ids["measureId"]}", urls);
        Assert.Contains($"/api/v1/children/{child}/journey", urls);
        Assert.Contains($"/Journal/{child}", urls);
        Assert.Contains($"/Plans/{child}", urls);
        Assert.Contains($"/api/v1/plan-versions/{leak.Ids["versionId"]}", urls);
        Assert.Contains($"/api/v1/journal/{leak.Ids["entryId"]}", urls);
        Assert.Contains($"/Facilities/Requests/{leak.Ids["placementRequestId"]}", urls);
        Assert.Contains($"/api/v1/placement-requests/{leak.Ids["placementRequestId"]}", urls);
        return (urls.Where(u => !u.StartsWith("/api/", StringComparison.Ordinal)).ToList(), urls.Where(u => u.StartsWith("/api/", StringComparison.Ordinal)).ToList());
    }

    /// <summary>Everything a response could show: the raw body, its HTML-decoded text, and every JSON string.</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var text = new StringBuilder(body).Append('\n').Append(WebUtility.HtmlDecode(body));
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && body.Length > 0)
        {
            using var json = JsonDocument.Parse(body);
            AppendStrings(json.RootElement, text);
        }

        return text.ToString();
    }

    private static void AppendStrings(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text.Append('\n').Append(element.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append('\n').Append(property.Name);
                    AppendStrings(property.Value, text);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AppendStrings(item, text);
                }

                break;
        }
    }

    private Task LinkAsync(Guid childId, Guid userId, Guid serviceId, Relation relation, bool link) => app.WithDbAsync(async db =>
    {
        switch (relation, link)
        {
            case (Relation.ServiceAssigned, true):
                db.ServiceAssignments.Add(new ServiceAssignment { ChildId = childId, ServiceId = serviceId, StartsOn = new DateOnly(2024, 1, 1) });
                break;
            case (Relation.ServiceAssigned, false):
                db.ServiceAssignments.RemoveRange(await db.ServiceAssignments.Where(a => a.ChildId == childId && a.ServiceId == serviceId).ToListAsync());
                break;
            case (Relation.Named, true):
                db.WorkerAssignments.Add(new WorkerAssignment { ChildId = childId, UserId = userId, Role = WorkerRole.Other, StartsOn = new DateOnly(2024, 1, 1) });
                break;
            case (Relation.Named, false):
                db.WorkerAssignments.RemoveRange(await db.WorkerAssignments.Where(a => a.ChildId == childId && a.UserId == userId).ToListAsync());
                break;
        }

        return await db.SaveChangesAsync();
    });

    [GeneratedRegex(@"\{(childId|id)(:[a-z]+)?\??\}")]
    private static partial Regex ChildParameter();

    [GeneratedRegex(@"/\{[^}]+\?\}")]
    private static partial Regex OptionalParameter();
}

public sealed class LeakScannerTests_Sqlite(SqliteApp app, ITestOutputHelper output) : LeakScannerTests(app, output), IClassFixture<SqliteApp>;

public sealed class LeakScannerTests_Postgres(PostgresApp app, ITestOutputHelper output) : LeakScannerTests(app, output), IClassFixture<PostgresApp>;
