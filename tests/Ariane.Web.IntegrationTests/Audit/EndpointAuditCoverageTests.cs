using System.Net;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Audit;

/// <summary>
/// Walks every endpoint and page of the app: each must declare whether it reaches child data, and every
/// endpoint that reaches a child's data must leave an audit row naming that child when called.
/// </summary>
public sealed class EndpointAuditCoverageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void Every_endpoint_and_page_declares_whether_it_reaches_child_data()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found");
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<AuditedChildDataAttribute>() is null && e.Metadata.GetMetadata<NoChildDataAttribute>() is null)
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText)
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without [AuditedChildData] or [NoChildData]:\n" + string.Join('\n', undeclared));
    }

    [Fact]
    public void Pages_showing_a_child_are_declared_as_audited()
    {
        var childRoutes = Endpoints().Where(e => e.RoutePattern.RawText?.Contains("{id", StringComparison.OrdinalIgnoreCase) == true
            || e.RoutePattern.RawText?.Contains("{childId", StringComparison.OrdinalIgnoreCase) == true).ToList();
        Assert.NotEmpty(childRoutes);
        var wrong = childRoutes.Where(e => e.Metadata.GetMetadata<NoChildDataAttribute>() is not null
            && e.RoutePattern.RawText!.Contains("Children", StringComparison.OrdinalIgnoreCase)).Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(wrong.Count == 0, "Child pages declared as not reaching child data:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public async Task Every_child_read_endpoint_and_page_writes_an_audit_row_naming_the_child()
    {
        var child = app.World.ChildNord;
        var api = await app.ApiAsync("cadre");
        var web = await app.WebAsync("cadre");
        var reads = Endpoints()
            .Where(e => e.Metadata.GetMetadata<AuditedChildDataAttribute>() is not null)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.Contains("{childId", StringComparison.Ordinal) || r.Contains("{id", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.NotEmpty(reads);
        var silent = new List<string>();
        foreach (var route in reads)
        {
            var url = "/" + System.Text.RegularExpressions.Regex.Replace(route.TrimStart('/'), @"\{(childId|id)(:[a-z]+)?\??\}", child.ToString());
            url = System.Text.RegularExpressions.Regex.Replace(url, @"/\{[^}]+\?\}", string.Empty);
            if (url.Contains('{', StringComparison.Ordinal))
            {
                continue; // Needs another id (a linked person...): covered by the declaration test above.
            }

            var before = await CountAsync(child);
            var client = url.StartsWith("/api", StringComparison.Ordinal) ? api : web;
            var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.OK && await CountAsync(child) == before)
            {
                silent.Add(url);
            }
        }

        Assert.True(silent.Count == 0, "Reached child data without an audit row:\n" + string.Join('\n', silent));
    }

    private Task<int> CountAsync(Guid child) => app.WithDbAsync(db => db.AuditRecords.CountAsync(r => r.ChildId == child));
}
