using System.Globalization;
using Ariane.Core.Facilities;
using Ariane.Core.Placements;
using Microsoft.Playwright;

namespace Ariane.Web.E2ETests;

/// <summary>
/// Issue 8 in a real browser: a référent sees the MECS's last free place on the board, opens an OPP from the
/// child's record, places the child there, and the MECS leaves the board (docs/domain.md, Places board).
/// </summary>
public sealed class PlacementJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Mecs = "MECS Les Tilleuls";
    private const string PostalCode = "98771";

    [Fact]
    public async Task A_referent_opens_a_judicial_placement_and_the_place_leaves_the_board()
    {
        var facilityId = await DeclareMecsWithOnePlaceAsync();
        var world = browser.App.World;
        var page = await browser.SignedInPageAsync("referent");

        // The board shows the MECS's one place.
        await page.GotoAsync($"{browser.BaseUrl}/Facilities/Places?postalCode={PostalCode}");
        var board = page.GetByRole(AriaRole.List, new() { Name = "Places disponibles" });
        await Assertions.Expect(board.GetByRole(AriaRole.Link, new() { Name = Mecs })).ToBeVisibleAsync();
        await Assertions.Expect(board.GetByText("1 place", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "board-before");

        // From the child's record: open the OPP.
        await page.GotoAsync($"{browser.BaseUrl}/Children/Details/{world.ChildNord}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une mesure" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ouvrir une mesure");
        await page.Locator("#Input_KindCode").SelectOptionAsync(new SelectOptionValue { Label = "Ordonnance de placement provisoire (OPP)" });
        await page.Locator("#Input_DecidedOn").FillAsync(Fr(ParisToday.AddDays(-1)));
        await page.Locator("#Input_StartsOn").FillAsync(Fr(ParisToday.AddDays(-1)));
        await page.Locator("#Input_PlannedEndOn").FillAsync(Fr(ParisToday.AddMonths(5)));
        await page.Locator("#Input_CarriedOutByServiceId").SelectOptionAsync(world.Services["nord"].ToString());
        await page.Locator("#Input_Court").FillAsync("Tribunal judiciaire de Valcourt");
        await page.Locator("#Input_JudgeName").FillAsync("Mme la juge Marchal");
        await page.Locator("#Input_Reference").FillAsync("OPP-2026-0107");
        await BrowserApp.ScreenshotAsync(page, "measure-open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la mesure" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "measure-saved");
        await Assertions.Expect(page.GetByText("Tribunal judiciaire de Valcourt").First).ToBeVisibleAsync();

        // Back on the record: record the stay in the MECS under that measure.
        await page.GotoAsync($"{browser.BaseUrl}/Children/Details/{world.ChildNord}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer un accueil" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Enregistrer un lieu d'accueil");
        await page.Locator("#Input_StartsOn").FillAsync(Fr(ParisToday));
        await page.Locator("#Input_FacilityId").SelectOptionAsync(facilityId.ToString());
        await page.Locator("#Input_Reason").FillAsync("Danger au domicile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'accueil" }).ClickAsync();

        // The record's timeline shows where the child lives now.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Parcours : mesures et lieux d'accueil" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"Accueilli actuellement : {Mecs}")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "record-journey");

        // The board no longer offers the place.
        await page.GotoAsync($"{browser.BaseUrl}/Facilities/Places?postalCode={PostalCode}");
        await Assertions.Expect(page.GetByText("Aucune place disponible ne correspond à ces critères")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Mecs })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "board-after");

        // The MECS's page lists her among the children it hosts today.
        await page.GotoAsync($"{browser.BaseUrl}/Facilities/Details/{facilityId}");
        var hosted = page.GetByRole(AriaRole.Table, new() { Name = "Enfants accueillis" });
        await Assertions.Expect(hosted.GetByRole(AriaRole.Link, new() { Name = "Bernard Camille" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "facility-hosted");

        // Ending the stay today (its last day) gives the place back at once.
        await page.GotoAsync($"{browser.BaseUrl}/Children/Details/{world.ChildNord}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mettre fin à cet accueil" }).ClickAsync();
        await page.Locator("#Input_EndsOn").FillAsync(Fr(ParisToday));
        await page.Locator("#Input_Reason").FillAsync("Retour au domicile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mettre fin à l'accueil" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "stay-ended");
        // Its last day is today: the record says until when, and the place is free again for tonight.
        await Assertions.Expect(page.GetByText($"jusqu'au {Fr(ParisToday)}")).ToBeVisibleAsync();
        await page.GotoAsync($"{browser.BaseUrl}/Facilities/Places?postalCode={PostalCode}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Mecs })).ToBeVisibleAsync();
    }

    /// <summary>A MECS of the département with one permanent place for 6–17 year olds (declared in the database: the declaration pages are tested elsewhere).</summary>
    private Task<Guid> DeclareMecsWithOnePlaceAsync() => browser.App.WithDbAsync(async db =>
    {
        var mecs = new Facility
        {
            Name = Mecs,
            DepartementCode = "98",
            PlaceKind = PlaceKind.Establishment,
            Finess = "980000107",
            PostalCode = PostalCode,
            City = "Valcourt",
            ContactName = "Permanence éducative",
            ContactPhone = "01 02 03 04 05",
        };
        mecs.Capacities.Add(new FacilityCapacity
        {
            DepartementCode = "98",
            CareType = CareType.Permanent,
            AgeMinYears = 6,
            AgeMaxYears = 17,
            Installed = 1,
            Available = 1,
            UpdatedByName = "Mme Cadre",
            UpdatedAt = DateTime.UtcNow,
        });
        db.Facilities.Add(mecs);
        await db.SaveChangesAsync();
        return mecs.Id;
    });

    /// <summary>The app's today is the Paris date, not the machine's.</summary>
    private static DateTime ParisToday => TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris").Date;

    private static string Fr(DateTime day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
