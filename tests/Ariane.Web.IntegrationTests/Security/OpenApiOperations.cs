using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>The kinds of JSON value a schema describes (named so as not to clash with .NET type names).</summary>
public enum SchemaKind
{
    Composite,
    Array,
    Enum,
    Text,
    Date,
    DateTime,
    Uuid,
    WholeNumber,
    Number,
    Boolean,
}

public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>One operation of the OpenAPI document: method, path template, parameters and JSON body schema.</summary>
public sealed record ApiOperation(string Id, string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? Body)
{
    public override string ToString() => $"{Id} ({Method} {Path})";
}

/// <summary>Reads the operations and schemas of the app's OpenAPI document, the way a client generator would.</summary>
public sealed class OpenApiOperations(JsonElement document)
{
    public IReadOnlyList<ApiOperation> All() =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete")
            .Select(m => new ApiOperation(
                m.Value.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{m.Name} {path.Name}",
                m.Name.ToUpperInvariant(),
                path.Name,
                m.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean(), p.GetProperty("schema"))).ToList()
                    : [],
                m.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? json.GetProperty("schema") : null)))
            .ToList();

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    public SchemaKind Kind(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out _))
        {
            return SchemaKind.Enum;
        }

        if (schema.TryGetProperty("properties", out _))
        {
            return SchemaKind.Composite;
        }

        var types = Types(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return types switch
        {
            _ when types.Contains("integer") => SchemaKind.WholeNumber,
            _ when types.Contains("number") => SchemaKind.Number,
            _ when types.Contains("boolean") => SchemaKind.Boolean,
            _ when types.Contains("array") => SchemaKind.Array,
            _ when types.Contains("object") => SchemaKind.Composite,
            _ => format switch
            {
                "date" => SchemaKind.Date,
                "date-time" => SchemaKind.DateTime,
                "uuid" => SchemaKind.Uuid,
                _ => SchemaKind.Text,
            },
        };
    }

    public IEnumerable<(string Name, JsonElement Schema, bool Required)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        if (!schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        foreach (var property in properties.EnumerateObject())
        {
            yield return (property.Name, property.Value, required.Contains(property.Name));
        }
    }

    /// <summary>Every property of the body, nested objects included, as a path of names.</summary>
    public IEnumerable<(string[] Path, JsonElement Schema)> Leaves(JsonElement schema, string[]? prefix = null)
    {
        foreach (var (name, property, _) in Properties(schema))
        {
            string[] path = [.. prefix ?? [], name];
            yield return (path, property);
            if (Kind(property) == SchemaKind.Composite)
            {
                foreach (var leaf in Leaves(property, path))
                {
                    yield return leaf;
                }
            }
        }
    }

    /// <summary>
    /// A valid body: the value <paramref name="hints"/> gives for a property name, else a plain value of its
    /// type for a required property or a nested object; optional properties are left out (their default).
    /// </summary>
    public JsonNode? Example(JsonElement schema, IReadOnlyDictionary<string, JsonNode?> hints)
    {
        var kind = Kind(schema);
        var resolved = Resolve(schema);
        switch (kind)
        {
            case SchemaKind.Composite:
                var body = new JsonObject();
                foreach (var (name, property, required) in Properties(schema))
                {
                    if (hints.TryGetValue(name, out var hint))
                    {
                        body[name] = hint?.DeepClone();
                    }
                    else if (required || Kind(property) == SchemaKind.Composite)
                    {
                        body[name] = Example(property, hints);
                    }
                }

                return body;
            case SchemaKind.Enum:
                return JsonValue.Create(resolved.GetProperty("enum")[0].GetString());
            case SchemaKind.Array:
                return new JsonArray();
            case SchemaKind.WholeNumber or SchemaKind.Number:
                return JsonValue.Create(0);
            case SchemaKind.Boolean:
                return JsonValue.Create(false);
            case SchemaKind.Date:
                return JsonValue.Create("2024-02-01");
            case SchemaKind.DateTime:
                return JsonValue.Create("2024-02-01T10:00:00Z");
            case SchemaKind.Uuid:
                return JsonValue.Create(Guid.NewGuid());
            default:
                return JsonValue.Create("Essai");
        }
    }

    private static HashSet<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToHashSet()
        : [type.GetString()!];
}
