using System.Text.Json;

namespace Ariane.Web.IntegrationTests.Infrastructure;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static IReadOnlyList<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("birthName").GetString()} {i.GetProperty("firstNames").GetString()}").ToList();

    public static IReadOnlyList<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
}
