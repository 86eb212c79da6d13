using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Ariane.Web.E2ETests;

/// <summary>
/// Checks a screen reader user would notice first: every field has a label, the page has one main
/// heading and a language, and the skip link reaches the content with the keyboard.
/// </summary>
public sealed class AccessibilityTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string UnlabelledFields = """
        () => [...document.querySelectorAll('input:not([type=hidden]):not([type=submit]), select, textarea')]
          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
          .map(e => e.name || e.id || e.outerHTML.slice(0, 80))
        """;

    [Fact]
    public async Task Every_field_of_the_main_screens_has_a_label_and_each_page_one_main_heading()
    {
        var page = await browser.SignedInPageAsync("referent");
        var child = browser.App.World.ChildNord;
        string[] paths =
        [
            "/", "/Children", "/Children/Create", $"/Children/Details/{child}", $"/Children/Edit/{child}",
            $"/Children/LinkedPerson/{child}", $"/Children/Address/{child}", $"/Children/Assign/{child}",
            "/Access/Delegations", "/Access/BreakGlass", "/Account/Security", "/Account/ChangePassword",
            "/Transfers", $"/Transfers/Propose/{child}",
        ];
        var problems = await ProblemsAsync(page, paths);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
    }

    /// <summary>The CRIP's screens, with an IP qualified « à évaluer » and its evaluation opened, seen by the cadre (who may record, qualify and validate).</summary>
    [Fact]
    public async Task Every_field_of_the_crip_screens_has_a_label_and_each_page_one_main_heading()
    {
        // The app listens on Kestrel here: a plain client, with a token asked for as ApiAsync does.
        using var crip = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var token = await crip.PostAsJsonAsync("/api/v1/auth/token", new { userName = "crip", password = TestWorld.Password, totpCode = Totp.Code(browser.App.World.TotpKeys["crip"]) });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        crip.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString());
        var recorded = await crip.PostAsJsonAsync("/api/v1/concerns", new
        {
            channel = "Phone",
            transmitterCode = 541,
            originCode = 31,
            narrative = "L'école signale des absences répétées.",
            childIds = new[] { browser.App.World.ChildNord },
            reporter = new { name = "Mme Voisine", isProtected = true },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var concernId = JsonDocument.Parse(await recorded.Content.ReadAsStringAsync()).RootElement.GetProperty("recorded").GetProperty("id").GetGuid();
        Assert.True((await crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/qualification", new { qualification = "Evaluate", version = 0 })).IsSuccessStatusCode);
        var concern = JsonDocument.Parse(await crip.GetStringAsync($"/api/v1/concerns/{concernId}")).RootElement;
        var opened = await crip.PostAsJsonAsync($"/api/v1/concerns/{concernId}/assessment", new
        {
            evaluatorIds = new[] { browser.App.World.Users["referent"], browser.App.World.Users["referent.sud"] },
            householdChildIds = Array.Empty<Guid>(),
            version = concern.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var assessmentId = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var page = await browser.SignedInPageAsync("cadre");
        var problems = await ProblemsAsync(page, ["/Concerns", "/Concerns?state=InAssessment", "/Concerns/Record", $"/Concerns/Details/{concernId}", $"/Assessments/Details/{assessmentId}"]);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private async Task<List<string>> ProblemsAsync(IPage page, string[] paths)
    {
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(browser.BaseUrl + path);
            if (response?.Status != 200)
            {
                problems.Add($"{path}: HTTP {response?.Status}");
                continue;
            }

            await BrowserApp.ScreenshotAsync(page, "a11y" + path.Replace('/', '_').Replace('?', '_'));
            var unlabelled = await page.EvaluateAsync<string[]>(UnlabelledFields);
            if (unlabelled.Length > 0)
            {
                problems.Add($"{path}: fields without a label: {string.Join(", ", unlabelled)}");
            }

            if (await page.Locator("h1").CountAsync() != 1)
            {
                problems.Add($"{path}: expected exactly one h1");
            }
        }

        return problems;
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_of_the_keyboard_and_leads_to_the_content()
    {
        var page = await browser.SignedInPageAsync("referent");
        await page.GotoAsync(browser.BaseUrl + "/Children");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("Aller au contenu");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#contenu", page.Url, StringComparison.Ordinal);
    }
}
