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
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(browser.BaseUrl + path);
            if (response?.Status != 200)
            {
                problems.Add($"{path}: HTTP {response?.Status}");
                continue;
            }

            await BrowserApp.ScreenshotAsync(page, "a11y" + path.Replace('/', '_'));
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

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
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
