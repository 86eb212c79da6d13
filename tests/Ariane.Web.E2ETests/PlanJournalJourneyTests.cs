using Microsoft.Playwright;

namespace Ariane.Web.E2ETests;

/// <summary>
/// The PPE across institutions and the journal from a phone, through the screens (docs/domain.md §2.5 and Journal):
/// the référent adds an ASE objective, the MDPH adds an action in its support, both see one plan; the educator writes
/// « après la visite » on a phone-sized screen and finds the note on the timeline.
/// </summary>
public sealed class PlanJournalJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task The_referent_adds_an_objective_the_mdph_supports_it_with_an_action_and_the_plan_is_validated_and_printed()
    {
        var child = browser.App.World.ChildMdph;
        var referent = await browser.SignedInPageAsync("referent");
        await referent.GotoAsync($"{browser.BaseUrl}/Children/Details/{child}");
        await referent.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le projet pour l'enfant" }).ClickAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Projet pour l'enfant");
        await referent.GetByRole(AriaRole.Link, new() { Name = "Ajouter un objectif" }).ClickAsync();
        await referent.GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Intitulé") }).FillAsync("Reprendre une scolarité régulière");
        await referent.GetByLabel("Domaine de vie").SelectOptionAsync(new SelectOptionValue { Label = "Scolarité et vie sociale de l'enfant / adolescent" });
        await referent.GetByRole(AriaRole.Combobox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pour") }).SelectOptionAsync(new SelectOptionValue { Label = "l'enfant" });
        await referent.GetByLabel("Échéance").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(4).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        var goals = referent.GetByRole(AriaRole.Region, new() { Name = "Derniers objectifs poursuivis" });
        await Assertions.Expect(goals).ToContainTextAsync("Reprendre une scolarité régulière");
        await Assertions.Expect(goals).ToContainTextAsync("ASE Nord (Test referent)");

        // The MDPH's partner, who does not read the social follow-up, reads the plan and adds an action to the ASE's objective.
        var partner = await browser.SignedInPageAsync("partner");
        await partner.GotoAsync($"{browser.BaseUrl}/Plans/{child}");
        await Assertions.Expect(partner.GetByRole(AriaRole.Region, new() { Name = "Derniers objectifs poursuivis" })).ToContainTextAsync("Reprendre une scolarité régulière");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Ajouter une action" }).ClickAsync();
        await partner.GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Intitulé") }).FillAsync("Notification d'une aide humaine en classe");
        await partner.GetByLabel("Objectif poursuivi").SelectOptionAsync(new SelectOptionValue { Label = "Reprendre une scolarité régulière (ASE Nord)" });
        await partner.GetByLabel("Progression (%)").FillAsync("20");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        var actions = partner.GetByRole(AriaRole.Region, new() { Name = "Dernières actions" });
        await Assertions.Expect(actions).ToContainTextAsync("Notification d'une aide humaine en classe");
        await Assertions.Expect(actions).ToContainTextAsync("MDPH Test (Test partner)");
        await Assertions.Expect(partner.GetByRole(AriaRole.Region, new() { Name = "Derniers objectifs poursuivis" })).ToContainTextAsync("Notification d'une aide humaine en classe");
        // Not its line to change: no « Modifier » on the ASE's objective for the MDPH.
        await Assertions.Expect(partner.GetByRole(AriaRole.Link, new() { Name = "Modifier l'objectif Reprendre une scolarité régulière" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(partner, "plan-partner");

        // The référent sees the MDPH's action, validates the plan, records a signature and prints the child's version.
        await referent.ReloadAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Region, new() { Name = "Dernières actions" })).ToContainTextAsync("Notification d'une aide humaine en classe");
        await referent.GetByLabel("Je confirme que ce projet a été construit avec l'enfant et ses parents et qu'il peut être validé").CheckAsync();
        await referent.GetByRole(AriaRole.Button, new() { Name = "Valider la version 1" }).ClickAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Projet pour l'enfant — version 1");
        await referent.GetByLabel("Signataire").SelectOptionAsync(new SelectOptionValue { Label = "Pour le département" });
        await referent.GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Nom") }).FillAsync("Mme Lemaire, inspectrice");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la signature" }).ClickAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Region, new() { Name = "Signatures" })).ToContainTextAsync("Mme Lemaire, inspectrice");
        await referent.Locator("form.inline-form").Filter(new() { HasText = "Version pour l'enfant" }).GetByRole(AriaRole.Button, new() { Name = "PDF" }).ClickAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Region, new() { Name = "Documents" })).ToContainTextAsync("Version pour l'enfant, PDF");
        await BrowserApp.ScreenshotAsync(referent, "plan-version");
    }

    [Fact]
    public async Task An_educator_writes_a_note_after_the_visit_from_a_phone_and_finds_it_on_the_timeline()
    {
        var child = browser.App.World.ChildElodie;
        var educator = await browser.SignedInPageAsync("educator", Phone);
        await educator.GotoAsync($"{browser.BaseUrl}/Journal/{child}");
        await Assertions.Expect(educator.GetByText("Aucune note au journal pour l'instant.")).ToBeVisibleAsync();
        await educator.GetByRole(AriaRole.Link, new() { Name = "Après la visite" }).ClickAsync();
        await Assertions.Expect(educator.GetByLabel("Visite", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(educator.GetByText("Qui pourra lire cette note")).ToBeVisibleAsync();
        await educator.GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Faits") }).FillAsync("Visite de la mère au service : jeux de société, goûter. Élodie a demandé quand elle reviendrait.");
        await BrowserApp.ScreenshotAsync(educator, "journal-form-phone");
        Assert.False(await educator.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the form scrolls sideways on a phone");
        await educator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Assertions.Expect(educator.Locator("p.notice[role=status]")).ToContainTextAsync("Note enregistrée au journal.");
        var timeline = educator.GetByRole(AriaRole.List, new() { Name = "Notes du journal, de la plus récente à la plus ancienne" });
        await Assertions.Expect(timeline).ToContainTextAsync("Visite de la mère au service");
        await Assertions.Expect(timeline).ToContainTextAsync("Test educator — MECS Test");
        await BrowserApp.ScreenshotAsync(educator, "journal-timeline-phone");
        Assert.False(await educator.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the timeline scrolls sideways on a phone");
    }
}
