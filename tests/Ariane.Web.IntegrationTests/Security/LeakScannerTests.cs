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
        foreach (var role in roles)
        {
            var (userId, serviceId, userName) = await app.CreateUserAsync(role.Code, "fuite");
            var web = await app.WebAsync(userName);
            var api = await app.ApiAsync(userName);
            foreach (var relation in Enum.GetValues<Relation>())
            {
                await LinkAsync(leak.ChildId, userId, serviceId, relation, link: true);
                var readable = Enum.GetValues<Section>().Where(s => MayRead(role, relation, s)).ToHashSet();
                foreach (var (url, client) in pages.Select(u => (u, web)).Concat(apis.Select(u => (u, api))))
                {
                    var response = await client.GetAsync(url);
                    var text = await TextAsync(response);
                    scans++;
                    foreach (var marker in leak.All.Where(m => !readable.Contains(m.Section) && !AllowedOnAuditViews(role, url, m)))
                    {
                        if (marker.Needles.FirstOrDefault(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } needle)
                        {
                            leaks.Add($"{role.Code} ({relation}) {url} [{(int)response.StatusCode}]: {marker.Field} ({marker.Section}) « {needle} »");
                        }
                    }

                    if (IsRecord(url, leak.ChildId))
                    {
                        CheckShown(role, relation, url, response, text, leak.All.Where(m => readable.Contains(m.Section)), missing);
                    }
                }

                await LinkAsync(leak.ChildId, userId, serviceId, relation, link: false);
            }
        }

        output.WriteLine($"{scans} responses scanned");
        Assert.True(leaks.Count == 0, $"{leaks.Count} values shown outside their section:\n" + string.Join('\n', leaks.Distinct().Take(60)));
        Assert.True(missing.Count == 0, $"{missing.Count} readable values not shown (the scan would be vacuous):\n" + string.Join('\n', missing.Distinct().Take(60)));
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
            missing.Add($"{role.Code} ({relation}) {url}: {(int)response.StatusCode} where the record should open");
            return;
        }

        foreach (var marker in expected.Where(m => !m.Needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase))))
        {
            missing.Add($"{role.Code} ({relation}) {url}: {marker.Field} ({marker.Section}) not shown");
        }
    }

    /// <summary>The record page and the record API: where every readable value must be shown.</summary>
    private static bool IsRecord(string url, Guid childId) =>
        url == $"/Children/Details/{childId}" || url == $"/api/v1/children/{childId}";

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
            .Where(r => r.Contains("{childId", StringComparison.Ordinal) || r.Contains("{id", StringComparison.Ordinal))
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
        urls.AddRange([$"/Children?q={query}", $"/api/v1/children?q={query}", "/api/v1/children?mine=true", $"/Access/Delegations?childId={child}", "/", "/Children"]);
        Assert.Contains($"/Children/Details/{child}", urls);
        Assert.Contains($"/api/v1/children/{child}", urls);
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
