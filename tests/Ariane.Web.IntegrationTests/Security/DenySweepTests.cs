using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>
/// The deny sweep (docs/architecture.md, Access): every endpoint and page that takes a child id in its
/// route, whatever its HTTP method, discovered from the app's endpoints so that a new one is swept
/// without a change here, is called by a signed-in professional with no link to the child. It must
/// answer exactly as for an unknown id (404, the same body) and leave one « accès refusé » audit row,
/// for that user and that child, in the section the endpoint declares. Endpoints outside the gate
/// (<see cref="OutsideChildGateAttribute"/>) must state why.
/// </summary>
public abstract partial class DenySweepTests(ArianeApp app, ITestOutputHelper output)
{
    private sealed record Target(string Route, string Method, Section Section, bool IsApi);

    [Fact]
    public async Task Every_endpoint_taking_a_child_id_answers_a_stranger_as_for_an_unknown_id_and_audits_the_refusal_in_its_section()
    {
        var (userId, _, userName) = await app.CreateUserAsync(RoleCatalogue.Referent, "balayage");
        var web = await app.WebAsync(userName);
        var api = await app.ApiAsync(userName);
        var token = await AntiforgeryTokenAsync(web);
        var child = app.World.ChildNord;
        var unknown = Guid.CreateVersion7();
        var targets = Targets();
        output.WriteLine($"{targets.Count} endpoint × method pairs: {targets.Count(t => t.IsApi)} API, {targets.Count(t => !t.IsApi)} page");

        var failures = new List<string>();
        foreach (var target in targets)
        {
            var client = target.IsApi ? api : web;
            var before = await DeniedAsync(userId, child);
            var known = await SendAsync(client, target, Url(target.Route, child), token);
            var denied = (await DeniedAsync(userId, child)).Skip(before.Count).ToList();
            var stranger = await SendAsync(client, target, Url(target.Route, unknown), token);
            var label = $"{target.Method} {target.Route}";
            if (known.Status != HttpStatusCode.NotFound)
            {
                failures.Add($"{label}: {(int)known.Status} instead of 404");
            }

            if (known.Status != stranger.Status || known.Body != stranger.Body)
            {
                failures.Add($"{label}: answers {(int)known.Status} « {Excerpt(known.Body)} » for the child, {(int)stranger.Status} « {Excerpt(stranger.Body)} » for an unknown id");
            }

            if (denied.Count != 1 || denied[0] != target.Section)
            {
                failures.Add($"{label}: audit rows « accès refusé » for this child: [{string.Join(", ", denied)}], expected one in {target.Section}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} breaches of the deny rule:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void Every_endpoint_outside_the_gate_says_why()
    {
        var outside = Endpoints()
            .Select(e => (Route: e.RoutePattern.RawText, Reason: e.Metadata.GetMetadata<OutsideChildGateAttribute>()?.Reason))
            .Where(e => e.Reason is not null)
            .ToList();
        foreach (var (route, reason) in outside)
        {
            output.WriteLine($"outside the gate: {route} ({reason})");
        }

        Assert.All(outside, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        // Break-the-glass (API; the page takes the child in its query), the access log (page and API), and the
        // facility's side of placement requests (inbox and answer in the API, and the inbox page that does both:
        // no access to the record, docs/decisions/0011).
        Assert.Equal(6, outside.Count);
    }

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    /// <summary>Each gated child endpoint with each method it answers (pages: GET and POST).</summary>
    private List<Target> Targets()
    {
        var targets = Endpoints()
            .Where(e => e.Metadata.GetMetadata<AuditedChildDataAttribute>() is not null && e.Metadata.GetMetadata<OutsideChildGateAttribute>() is null)
            .Where(e => ChildParameter().IsMatch(e.RoutePattern.RawText ?? string.Empty))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Select(m => new Target(e.RoutePattern.RawText!, m, e.Metadata.GetMetadata<AuditedChildDataAttribute>()!.Section,
                    e.RoutePattern.RawText!.StartsWith("api/", StringComparison.Ordinal) || e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))))
            .DistinctBy(t => (t.Route, t.Method))
            .OrderBy(t => t.Route, StringComparer.Ordinal).ThenBy(t => t.Method, StringComparer.Ordinal)
            .ToList();
        Assert.True(targets.Count(t => t.IsApi) >= 8 && targets.Count(t => !t.IsApi) >= 14, $"only {targets.Count} targets found");
        return targets;
    }

    /// <summary>The route with the child id, and fixed ids for the sub-records (never reached: the gate decides first).</summary>
    private static string Url(string route, Guid child)
    {
        var url = "/" + ChildParameter().Replace(route.TrimStart('/'), child.ToString());
        return OtherParameter().Replace(url, "01a23749-0000-7000-8000-000000000001");
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, Target target, string url, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), url);
        if (target.Method is not ("GET" or "HEAD" or "DELETE"))
        {
            request.Content = target.IsApi
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, Normalise(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>What differs between two answers by construction, not by what they say: trace ids and antiforgery tokens.</summary>
    private static string Normalise(string body) =>
        Token().Replace(TraceId().Replace(body, "\"traceId\":\"…\""), "value=\"…\"");

    private static string Excerpt(string body) => body.Length <= 160 ? body : body[..160] + "…";

    private static async Task<string> AntiforgeryTokenAsync(HttpClient web)
    {
        var html = await web.GetStringAsync("/");
        var match = FormToken().Match(html);
        Assert.True(match.Success, "no antiforgery token on the home page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private Task<List<Section>> DeniedAsync(Guid userId, Guid child) => app.WithDbAsync(db => db.AuditRecords.AsNoTracking()
        .Where(r => r.ChildId == child && r.UserId == userId && r.EventType == AuditEventType.AccessDenied)
        .OrderBy(r => r.Sequence)
        .Select(r => r.Section ?? (Section)(-1))
        .ToListAsync());

    [GeneratedRegex(@"\{(childId|id)(:[a-z]+)?\??\}")]
    private static partial Regex ChildParameter();

    [GeneratedRegex(@"\{[a-zA-Z]+(:[a-z]+)?\??\}")]
    private static partial Regex OtherParameter();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" )value=\"[^\"]*\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}

public sealed class DenySweepTests_Sqlite(SqliteApp app, ITestOutputHelper output) : DenySweepTests(app, output), IClassFixture<SqliteApp>;

public sealed class DenySweepTests_Postgres(PostgresApp app, ITestOutputHelper output) : DenySweepTests(app, output), IClassFixture<PostgresApp>;
