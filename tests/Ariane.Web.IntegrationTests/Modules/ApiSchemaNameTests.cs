using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Modules;

/// <summary>
/// The OpenAPI document names each body and answer schema after its type's short name: two types of two
/// modules with one name (an assessment's answer and a facility's answer to a request, as happened) share one
/// schema, and the document then describes one of the two bodies wrongly to partners' software.
/// </summary>
public sealed class ApiSchemaNameTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void No_two_request_or_response_types_of_the_api_share_a_name()
    {
        var types = new HashSet<Type>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            foreach (var accepts in endpoint.Metadata.OfType<IAcceptsMetadata>())
            {
                Add(types, accepts.RequestType);
            }

            foreach (var produces in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>())
            {
                Add(types, produces.Type);
            }
        }

        Assert.True(types.Count > 20, $"only {types.Count} API types found");
        var clashes = types.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}").ToList();
        Assert.True(clashes.Count == 0, "Types that would share one OpenAPI schema:\n" + string.Join('\n', clashes));
    }

    /// <summary>The type and, for a list or a generic wrapper, the types it carries; only the app's own types.</summary>
    private static void Add(HashSet<Type> types, Type? type)
    {
        if (type is null)
        {
            return;
        }

        if (type.IsArray)
        {
            Add(types, type.GetElementType());
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(types, argument);
            }
        }

        if (type.Namespace?.StartsWith("Ariane", StringComparison.Ordinal) == true && !type.IsGenericType && types.Add(type))
        {
            foreach (var property in type.GetProperties())
            {
                Add(types, property.PropertyType);
            }
        }
    }
}
