using Microsoft.Playwright;

namespace Ariane.Web.E2ETests;

/// <summary>What a référent does first thing in the morning: sign in, find a child, open the record.</summary>
public sealed class ChildRecordJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_referent_signs_in_with_the_second_factor_searches_a_child_and_opens_the_record()
    {
        var page = await browser.SignedInPageAsync("referent");
        await page.GetByLabel("Rechercher un enfant").FillAsync("elodie darc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "search");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "D'Arc-Dupont" });
        await Assertions.Expect(link.First).ToBeVisibleAsync();
        await link.First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("D'Arc-Dupont");
        await Assertions.Expect(page.GetByText("12/03/2015").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("ASE Nord").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "record");
    }

    [Fact]
    public async Task A_partner_cannot_open_a_child_of_another_service_even_by_its_address()
    {
        var page = await browser.SignedInPageAsync("partner");
        var response = await page.GotoAsync($"{browser.BaseUrl}/Children/Details/{browser.App.World.ChildNord}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Introuvable");
    }

    [Fact]
    public async Task The_record_fits_a_phone_screen_without_sideways_scrolling()
    {
        var page = await browser.SignedInPageAsync("referent", new ViewportSize { Width = 375, Height = 812 });
        await page.GotoAsync($"{browser.BaseUrl}/Children/Details/{browser.App.World.ChildNord}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bernard");
        await BrowserApp.ScreenshotAsync(page, "record-phone");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the record page scrolls sideways on a 375 px wide screen");
    }
}
