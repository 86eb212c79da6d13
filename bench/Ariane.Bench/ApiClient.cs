using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ariane.Bench;

/// <summary>One timed HTTP answer: status, body, and the time until the body was fully read.</summary>
internal readonly record struct Timed(int Status, string Body, double Milliseconds)
{
    public bool Ok => Status == 200;
}

/// <summary>The app's API over loopback, as an API caller uses it (bearer token).</summary>
internal sealed class ApiClient(HttpClient http, Uri baseAddress)
{
    public const string DemoPassword = "Ariane-Demo-2026!";

    public Uri BaseAddress => baseAddress;

    public async Task<Timed> GetAsync(string pathAndQuery, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, pathAndQuery));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Timed((int)response.StatusCode, body, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>POST /api/v1/auth/token with the demo password (demo accounts have no second factor).</summary>
    public async Task<Timed> IssueTokenAsync(string userName, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync(
            new Uri(baseAddress, "/api/v1/auth/token"),
            new { userName, password = DemoPassword },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Timed((int)response.StatusCode, body, watch.Elapsed.TotalMilliseconds);
    }

    public async Task<string> TokenAsync(string userName, CancellationToken cancellationToken)
    {
        var answer = await IssueTokenAsync(userName, cancellationToken);
        if (!answer.Ok)
        {
            throw new InvalidOperationException($"No token for {userName}: {answer.Status} {answer.Body}");
        }

        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.GetProperty("accessToken").GetString()
            ?? throw new InvalidOperationException("Token answer without accessToken.");
    }

    /// <summary>The ids of a search page and its next cursor.</summary>
    public static (List<Guid> Ids, string? Next) ParsePage(string body)
    {
        using var json = JsonDocument.Parse(body);
        var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var next = json.RootElement.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
        return (ids, next);
    }
}
