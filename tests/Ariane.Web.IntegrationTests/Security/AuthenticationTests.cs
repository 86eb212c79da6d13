using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Security;

public abstract class AuthenticationTests(ArianeApp app)
{
    [Fact]
    public async Task Every_page_requires_a_signed_in_user()
    {
        var client = app.Anonymous();
        var page = await client.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/children/{app.World.ChildNord}")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_asks_for_the_second_factor_then_opens_the_session_and_is_audited()
    {
        var client = await app.WebAsync("referent");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Bonjour Test referent", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.LoginSucceeded && r.UserId == app.World.Users["referent"])));
    }

    [Fact]
    public async Task Pages_record_who_opened_the_record()
    {
        var client = await app.WebAsync("referent");
        var page = await client.GetAsync($"/Children/Details/{app.World.ChildNord}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var viewers = await app.WithDbAsync(db => db.AuditRecords
            .Where(r => r.EventType == AuditEventType.ChildViewed && r.ChildId == app.World.ChildNord)
            .Select(r => r.UserName).ToListAsync());
        Assert.NotEmpty(viewers);
        Assert.All(viewers, v => Assert.Equal("referent", v));
    }

    [Fact]
    public async Task A_wrong_second_factor_code_does_not_open_a_session()
    {
        var client = app.Anonymous();
        var login = await ArianeApp.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "cadre", ["Password"] = TestWorld.Password });
        var second = await ArianeApp.PostFormAsync(client, login.Headers.Location!.OriginalString, new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Code incorrect", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Children")).StatusCode);
    }

    [Fact]
    public async Task A_user_without_second_factor_must_enrol_before_reaching_any_page()
    {
        var client = app.Anonymous();
        var login = await ArianeApp.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "nofactor", ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var children = await client.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, children.StatusCode);
        Assert.Equal("/Account/EnableAuthenticator", children.Headers.Location!.OriginalString);
        var enrol = await client.GetAsync("/Account/EnableAuthenticator");
        Assert.Contains("<svg", await enrol.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "nofactor", password = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task Enrolling_the_second_factor_with_the_shown_key_unlocks_the_app_and_gives_recovery_codes()
    {
        var client = app.Anonymous();
        var userName = "enrolling";
        await ArianeApp.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = TestWorld.Password });
        var html = await (await client.GetAsync("/Account/EnableAuthenticator")).Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "id=\"shared-key\">([A-Z2-7 ]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(key), "the key is shown next to the QR code");

        // The session survives the new key (sessions re-check the security stamp on every request here).
        var confirm = await ArianeApp.PostFormAsync(client, "/Account/EnableAuthenticator", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("/Account/RecoveryCodes", confirm.Headers.Location!.OriginalString);
        var codes = await (await client.GetAsync("/Account/RecoveryCodes")).Content.ReadAsStringAsync();
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(codes, "<code class=\"key\">"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Children")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.TwoFactorEnabled && r.UserName == userName)));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_and_are_audited()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "health", password = "Mauvais-mot-de-passe-1!" });
        }

        var withGoodPassword = await client.PostAsJsonAsync("/api/v1/auth/token", new
        {
            userName = "health",
            password = TestWorld.Password,
            totpCode = Totp.Code(app.World.TotpKeys["health"]),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, withGoodPassword.StatusCode);
        var events = await app.WithDbAsync(db => db.AuditRecords.Where(r => r.UserId == app.World.Users["health"]).Select(r => r.EventType).ToListAsync());
        Assert.Equal(4, events.Count(e => e == AuditEventType.LoginFailed));
        Assert.Contains(AuditEventType.LockedOut, events);
    }

    [Fact]
    public async Task Unknown_accounts_fail_like_wrong_passwords_and_the_attempt_is_audited()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "personne", password = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.LoginFailed && r.UserName == "personne")));
    }

    [Fact]
    public async Task Demo_accounts_cannot_sign_in_outside_demo_mode()
    {
        var client = app.Anonymous();
        var login = await ArianeApp.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "demo.user", ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Identifiant ou mot de passe incorrect", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.DemoAccountRefused)));
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        var client = await app.WebAsync("referent");
        var response = await client.PostAsync("/Account/Security?handler=LogoutEverywhere", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_everywhere_ends_the_other_sessions_too_and_is_audited()
    {
        var otherDevice = await app.WebAsync("crip");
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/Children")).StatusCode);
        var client = await app.WebAsync("crip");
        var stampBefore = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "crip").Select(u => u.SecurityStamp).SingleAsync());
        var response = await ArianeApp.PostFormAsync(client, "/Account/Security?handler=LogoutEverywhere", [], "/Account/Security");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stampAfter = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "crip").Select(u => u.SecurityStamp).SingleAsync());
        Assert.NotEqual(stampBefore, stampAfter);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Children")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherDevice.GetAsync("/Children")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.LogoutEverywhere)));
    }

    [Fact]
    public async Task Logging_out_everywhere_also_revokes_api_tokens()
    {
        var api = await app.ApiAsync("educator");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/children/{app.World.ChildElodie}")).StatusCode);
        var web = await app.WebAsync("educator");
        var response = await ArianeApp.PostFormAsync(web, "/Account/Security?handler=LogoutEverywhere", [], "/Account/Security");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync($"/api/v1/children/{app.World.ChildElodie}")).StatusCode);
    }

    [Fact]
    public async Task An_api_token_does_not_open_the_pages()
    {
        var api = await app.ApiAsync("referent");
        var page = await api.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await api.GetAsync("/Account/EnableAuthenticator")).StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_session_cookies_so_that_no_site_can_forge_calls()
    {
        var client = await app.WebAsync("referent");
        var response = await client.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_database_and_openapi_describes_the_api()
    {
        var client = app.Anonymous();
        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/children/{childId}", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/auth/token", openApi, StringComparison.Ordinal);
    }
}

public sealed class AuthenticationTests_Sqlite(SqliteApp app) : AuthenticationTests(app), IClassFixture<SqliteApp>;

public sealed class AuthenticationTests_Postgres(PostgresApp app) : AuthenticationTests(app), IClassFixture<PostgresApp>;
