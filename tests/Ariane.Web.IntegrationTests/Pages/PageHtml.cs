using System.Net;
using System.Text.RegularExpressions;

namespace Ariane.Web.IntegrationTests.Pages;

/// <summary>
/// Small readers of the HTML the pages answer, for assertions on what a user sees: decoded text,
/// the error shown next to a field, the value of a form field, where a redirect goes.
/// </summary>
public static partial class PageHtml
{
    /// <summary>The page as text, entities decoded ("d&amp;#x27;urgence" → "d'urgence").</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs a page, asserting 200, and returns its decoded text.</summary>
    public static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(url);
        var html = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {Location(response)}");
        return html;
    }

    /// <summary>Where a redirect points, as a local path and query ("/Children/Details/…").</summary>
    public static string Location(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        return location is null ? string.Empty : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Asserts a redirect to a path starting with <paramref name="expected"/>, follows it and returns the page.</summary>
    public static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response, string expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = response.StatusCode == HttpStatusCode.Redirect ? string.Empty : await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect to {expected}, got {(int)response.StatusCode}: {Excerpt(body)}");
        var target = Location(response);
        Assert.StartsWith(expected, target, StringComparison.OrdinalIgnoreCase);
        return await GetPageAsync(client, target);
    }

    /// <summary>The error message shown next to a field (the validation span of that field), or null.</summary>
    public static string? FieldError(string html, string field)
    {
        var match = Regex.Match(html, "<span class=\"field-validation-error\"[^>]*data-valmsg-for=\"" + Regex.Escape(field) + "\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>The value of the input named <paramref name="name"/>, or null when there is none.</summary>
    public static string? InputValue(string html, string name)
    {
        var tag = Regex.Match(html, "<input[^>]*\\sname=\"" + Regex.Escape(name) + "\"[^>]*>");
        if (!tag.Success)
        {
            return null;
        }

        var value = ValueAttribute().Match(tag.Value);
        return value.Success ? value.Groups[1].Value : string.Empty;
    }

    /// <summary>The text of the &lt;dd&gt; that follows the &lt;dt&gt; labelled <paramref name="term"/>, tags removed.</summary>
    public static string? Definition(string html, string term)
    {
        var match = Regex.Match(html, "<dt>" + Regex.Escape(term) + "</dt>\\s*<dd>(.*?)</dd>", RegexOptions.Singleline);
        return match.Success ? Squeeze(Tags().Replace(match.Groups[1].Value, " ")) : null;
    }

    /// <summary>The guids of the links to <paramref name="pathPrefix"/> ("/Access/RevokeDelegation/"), in page order.</summary>
    public static IReadOnlyList<string> LinkIds(string html, string pathPrefix) =>
        Regex.Matches(html, "href=\"" + Regex.Escape(pathPrefix) + "([0-9a-fA-F-]{36})")
            .Select(m => m.Groups[1].Value).ToList();

    public static int Count(string html, string text)
    {
        var count = 0;
        for (var i = html.IndexOf(text, StringComparison.Ordinal); i >= 0; i = html.IndexOf(text, i + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>POSTs a form with the antiforgery token of a page already loaded, as a browser submits the form it shows.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string loadedPage, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var token = InputValue(loadedPage, "__RequestVerificationToken");
        Assert.False(string.IsNullOrEmpty(token), "the loaded page has no antiforgery token");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The same, as a form with files (enctype multipart/form-data): each file under its field name.</summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(HttpClient client, string url, string loadedPage, Dictionary<string, string> fields,
        IEnumerable<(string Field, string FileName, string ContentType, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(files);
        var token = InputValue(loadedPage, "__RequestVerificationToken");
        Assert.False(string.IsNullOrEmpty(token), "the loaded page has no antiforgery token");
        fields["__RequestVerificationToken"] = token;
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, contentType, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            form.Add(content, field, fileName);
        }

        return await client.PostAsync(url, form);
    }

    /// <summary>
    /// What a browser would post from the page's forms without the user touching anything: every hidden
    /// field and every checked radio button (the layout's sign-out token included, harmlessly).
    /// </summary>
    public static Dictionary<string, string> DefaultFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match tag in Regex.Matches(html, "<input[^>]*>"))
        {
            var name = Regex.Match(tag.Value, "\\sname=\"([^\"]*)\"");
            var type = Regex.Match(tag.Value, "\\stype=\"([^\"]*)\"").Groups[1].Value;
            if (!name.Success || !(type == "hidden" || (type == "radio" && tag.Value.Contains(" checked", StringComparison.Ordinal))))
            {
                continue;
            }

            var value = ValueAttribute().Match(tag.Value);
            fields[System.Net.WebUtility.HtmlDecode(name.Groups[1].Value)] = System.Net.WebUtility.HtmlDecode(value.Success ? value.Groups[1].Value : string.Empty);
        }

        return fields;
    }

    public static string Excerpt(string html) => html.Length <= 2000 ? html : html[..2000];

    private static string Squeeze(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
