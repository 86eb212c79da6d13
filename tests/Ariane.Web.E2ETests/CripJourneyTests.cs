using Microsoft.Playwright;

namespace Ariane.Web.E2ETests;

/// <summary>An IP from the phone call to its closing, through the CRIP's screens (docs/domain.md, CRIP and Evaluation).</summary>
public sealed class CripJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    /// <summary>
    /// The number of steps and fields of recording the IP for two siblings (one known, one new) on the one Record
    /// screen, from the empty form to the IP page: 5 steps and 10 fields.
    ///   steps  — 1 type the name and « Chercher », 2 « Ajouter » on the known child, 3 « Créer un nouvel enfant »,
    ///            4 fill the brother and the IP, 5 « Enregistrer l'information » (4 posts to the server in all);
    ///   fields — the search box (1); the new child's birth name, first names, sex, birth date (4); channel,
    ///            transmitter, origin (3); one danger (1); the narrative (1). The known child is chosen by a button.
    /// The date and time of receipt default to now and the reporter is left empty (anonymous).
    /// </summary>
    [Fact]
    public async Task A_crip_agent_records_an_ip_for_two_siblings_it_is_evaluated_concluded_validated_and_closed()
    {
        var crip = await browser.SignedInPageAsync("crip");
        var sideways = new List<string>();

        // The Record screen: the known child by a search, her brother created on the spot.
        await crip.GotoAsync(browser.BaseUrl + "/Concerns/Record");
        await crip.GetByLabel("Chercher un enfant").FillAsync("Bernard Camille");
        await crip.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }).ClickAsync();
        var results = crip.GetByRole(AriaRole.List, new() { Name = "Enfants trouvés" });
        await Assertions.Expect(results).ToContainTextAsync("Bernard Camille");
        await results.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Bernard Camille" }).GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(crip.Locator("ul.chosen")).ToContainTextAsync("Bernard Camille");
        await crip.GetByRole(AriaRole.Button, new() { Name = "Créer un nouvel enfant" }).ClickAsync();
        var newChild = crip.GetByRole(AriaRole.Group, new() { Name = "Nouvel enfant 1" });
        await newChild.GetByLabel("Nom de naissance").FillAsync("Bernard");
        await newChild.GetByLabel("Prénoms").FillAsync("Hugo");
        await newChild.GetByLabel("Sexe").SelectOptionAsync(new SelectOptionValue { Label = "Garçon" });
        await newChild.GetByLabel("Date de naissance").FillAsync("21/08/2019");

        await crip.Locator("select[name='Input.Channel']").SelectOptionAsync(new SelectOptionValue { Label = "Téléphone" });
        await crip.GetByLabel("Transmise par").SelectOptionAsync(new SelectOptionValue { Label = "Éducation nationale, public" });
        await crip.GetByLabel("Origine de l'information").SelectOptionAsync(new SelectOptionValue { Label = "Personnel social" });
        await crip.GetByLabel("Violences physiques").CheckAsync();
        await crip.GetByLabel("Récit").FillAsync("La directrice de l'école signale des marques sur les bras de Camille ; son petit frère Hugo n'est plus amené à la crèche.");
        await ScreensAsync(crip, "crip-record", sideways);
        await crip.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'information" }).ClickAsync();

        // The IP page: its number and both children.
        var heading = crip.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Information préoccupante IP-98-\d{4}-\d{6}$"));
        var number = (await heading.TextContentAsync())!.Replace("Information préoccupante ", string.Empty, StringComparison.Ordinal).Trim();
        var children = crip.GetByRole(AriaRole.Heading, new() { Name = "Enfants concernés" }).Locator("xpath=following-sibling::ul[1]");
        await Assertions.Expect(children).ToContainTextAsync("Bernard Camille");
        await Assertions.Expect(children).ToContainTextAsync("Bernard Hugo");
        await ScreensAsync(crip, "crip-ip", sideways);

        // Qualified « à évaluer », then the evaluation opened with two référents of the département.
        await crip.GetByLabel("À évaluer").CheckAsync();
        await crip.GetByRole(AriaRole.Button, new() { Name = "Qualifier" }).ClickAsync();
        await Assertions.Expect(crip.GetByRole(AriaRole.Heading, new() { Name = "En évaluation" })).ToBeVisibleAsync();
        await crip.GetByLabel("Test referent (ASE Nord)").CheckAsync();
        await crip.GetByLabel("Test referent.sud (ASE Sud)").CheckAsync();
        await crip.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'évaluation" }).ClickAsync();
        await Assertions.Expect(crip.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Évaluation de l'information préoccupante " + number);
        var assessmentUrl = crip.Url;

        // An evaluator of the team fills a few criteria of the grid for Camille and saves: the counts per domain follow.
        var evaluator = await browser.SignedInPageAsync("referent");
        await evaluator.GotoAsync(assessmentUrl);
        await evaluator.GetByLabel("Visites à domicile").FillAsync(Today);
        await evaluator.GetByLabel("Parents informés de l'évaluation le").FillAsync(Today);
        await evaluator.GetByLabel("Ce que dit l'enfant").FillAsync("Camille dit qu'elle a peur quand son beau-père se fâche.");
        var camille = evaluator.GetByRole(AriaRole.Region, new() { Name = "Bernard Camille" });
        await Answer(camille, "Alimentation, sommeil et hygiène adaptés à l'âge", "Préoccupant");
        await Answer(camille, "Suivi médical, vaccinations et soins assurés", "Préoccupant");
        await Answer(camille, "Développement du langage et de la communication", "Satisfaisant");
        await camille.GetByLabel("Commentaire : Alimentation, sommeil et hygiène adaptés à l'âge").FillAsync("repas irréguliers");
        await evaluator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'évaluation" }).ClickAsync();
        camille = evaluator.GetByRole(AriaRole.Region, new() { Name = "Bernard Camille" });
        var firstDomain = camille.Locator("table.summary-table tbody tr").Filter(new() { HasText = "Développement, santé physique et psychique" });
        await Assertions.Expect(firstDomain.Locator("td")).ToHaveTextAsync(["2", "1", "5"]);
        await ScreensAsync(evaluator, "crip-assessment", sideways);

        // The team's conclusion, sent to the cadre.
        await evaluator.GetByLabel("Proposition d'une prestation administrative").CheckAsync();
        await evaluator.GetByLabel("Argumentation").FillAsync("Les parents acceptent une aide éducative à domicile ; les besoins de Camille et de Hugo peuvent être couverts avec elle.");
        await evaluator.GetByRole(AriaRole.Button, new() { Name = "Conclure et transmettre au cadre" }).ClickAsync();
        await Assertions.Expect(evaluator.GetByRole(AriaRole.Heading, new() { Name = "Conclue, à valider" })).ToBeVisibleAsync();

        // The cadre validates; the IP is closed on the CRIP's dashboard.
        var cadre = await browser.SignedInPageAsync("cadre");
        await cadre.GotoAsync(assessmentUrl);
        await cadre.GetByRole(AriaRole.Button, new() { Name = "Valider la conclusion" }).ClickAsync();
        await Assertions.Expect(cadre.GetByRole(AriaRole.Heading, new() { Name = "Validée", Exact = true })).ToBeVisibleAsync();

        await crip.GotoAsync(browser.BaseUrl + "/Concerns?state=Closed");
        var row = crip.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("Clôturée");
        await Assertions.Expect(row).ToContainTextAsync("Bernard Hugo");
        Assert.True(sideways.Count == 0, $"these screens scroll sideways on a {Phone.Width} px wide screen: {string.Join(", ", sideways)}");
    }

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris")).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static Task Answer(ILocator child, string criterion, string answer) =>
        child.GetByRole(AriaRole.Group, new() { Name = criterion, Exact = true }).GetByLabel(answer, new() { Exact = true }).CheckAsync();

    /// <summary>The screen at desktop and at phone width (screenshots); notes it when it scrolls sideways on the phone.</summary>
    private static async Task ScreensAsync(IPage page, string name, List<string> sideways)
    {
        await BrowserApp.ScreenshotAsync(page, name + "-desktop");
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await BrowserApp.ScreenshotAsync(page, name + "-phone");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        if (overflow)
        {
            sideways.Add(name);
        }
    }
}
