using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over HTTP (TestServer), on a fresh database of one provider, seeded with
/// <see cref="TestWorld"/>. One instance per test class.
/// </summary>
public abstract partial class ArianeApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestWorld World { get; private set; } = null!;

    public abstract string ProviderName { get; }

    protected abstract Task<Dictionary<string, string?>> PrepareDatabaseAsync();

    protected virtual Task CleanupDatabaseAsync() => Task.CompletedTask;

    private Dictionary<string, string?> settings = [];

    /// <summary>The settings the app runs with (provider, connection string...), for commands run beside it.</summary>
    public IReadOnlyDictionary<string, string?> Settings => settings;

    public async Task InitializeAsync()
    {
        settings = await PrepareDatabaseAsync();
        settings["Security:RequireTwoFactor"] = "true";
        settings["Demo:Enabled"] = "false";
        // Sessions re-check their account on every request, so that revocations show at once in tests.
        settings["Security:SessionRevalidationSeconds"] = "0";
        // No scheduled job runs by itself in a test: a test that needs one calls it (Notifications/NotificationTests).
        settings["Jobs:Enabled"] = "false";
        // A seal key of the tests' own (never a key file shared between test apps), and heads of this app only.
        settings["Audit:SealKeys:test"] = TestSealKey;
        settings["Audit:CurrentSealKey"] = "test";
        settings["Audit:HeadsFile"] = Path.Combine(Path.GetTempPath(), $"ariane-heads-{Guid.NewGuid():N}.jsonl");
        // Attachments and generated documents of this app only, outside the source tree.
        settings["Files:Root"] = Path.Combine(Path.GetTempPath(), $"ariane-files-{Guid.NewGuid():N}");
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        World = await TestWorld.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await CleanupDatabaseAsync();
        File.Delete(HeadsFile);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureServices(s => s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(SqlCommands)));
    }

    /// <summary>The SQL commands this app has executed so far (Performance/SqlCommandCountTests).</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    public const string TestSealKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public string HeadsFile => settings["Audit:HeadsFile"]!;

    /// <summary>Every audit chain verified as `verify-audit` does: with the app's keys and its exported heads.</summary>
    public async Task<AuditReport> VerifyAuditAsync()
    {
        var heads = await AuditHeadExport.LoadAsync(HeadsFile, CancellationToken.None);
        var keys = Services.GetRequiredService<AuditSealKeys>();
        return await WithDbAsync(db => AuditVerifier.VerifyAllAsync(db, keys, heads, CancellationToken.None));
    }

    /// <summary>Exports the chain heads now, as the app does every few minutes.</summary>
    public Task ExportAuditHeadsAsync() => Services.GetRequiredService<Ariane.Web.Infrastructure.AuditHeadExporter>().ExportAsync(CancellationToken.None);

    /// <summary>Runs <paramref name="action"/> on a fresh DbContext (as the system actor).</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>An API client with a bearer token obtained as the user would: password and TOTP code.</summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new
        {
            userName,
            password = TestWorld.Password,
            totpCode = World.TotpKeys.TryGetValue(userName, out var key) ? Totp.Code(key) : null,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client (cookies, antiforgery) signed in through the login and 2FA forms.</summary>
    public async Task<HttpClient> WebAsync(string userName)
    {
        var client = Anonymous();
        var login = await PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = TestWorld.Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        if (login.Headers.Location!.OriginalString.Contains("LoginWith2fa", StringComparison.Ordinal))
        {
            var second = await PostFormAsync(client, login.Headers.Location.OriginalString, new() { ["Code"] = Totp.Code(World.TotpKeys[userName]) });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, second.StatusCode);
        }

        return client;
    }

    /// <summary>GETs the form page, then POSTs the fields with its antiforgery token, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {formPage ?? url} ({(int)page.StatusCode})");
        fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
