using System.Text.RegularExpressions;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;

namespace Ariane.Web.IntegrationTests.Modules;

/// <summary>
/// The main navigation each persona sees, entry by entry and in order: the modules contribute their entries,
/// and a role must see exactly its work, no more (a link to a page it cannot use) and no less.
/// </summary>
public abstract partial class NavigationTests(ArianeApp app)
{
    public static TheoryData<string, string> Expected => new()
    {
        { "crip", "Enfants=/Children|IP et évaluations=/Concerns|Délégations=/Access/Delegations|Nouvel enfant=/Children/Create|Transferts=/Transfers|Places disponibles=/Facilities/Places" },
        { "referent", "Enfants=/Children|IP et évaluations=/Concerns|Mesures=/Measures|Échéances du suivi=/Reports/Due|Délégations=/Access/Delegations|Nouvel enfant=/Children/Create|Accès d'urgence=/Access/BreakGlass|Transferts=/Transfers|Places disponibles=/Facilities/Places" },
        { "cadre", "Enfants=/Children|IP et évaluations=/Concerns|Mesures=/Measures|Échéances du suivi=/Reports/Due|Délégations=/Access/Delegations|Nouvel enfant=/Children/Create|Transferts=/Transfers|Places disponibles=/Facilities/Places|Lieux d'accueil=/Facilities|Alertes d'accès=/Audit/Alerts" },
        { "educator", "Enfants=/Children|Délégations=/Access/Delegations|Accès d'urgence=/Access/BreakGlass" },
        { "partner", "Enfants=/Children|Délégations=/Access/Delegations" },
        { "health", "Enfants=/Children|IP et évaluations=/Concerns|Délégations=/Access/Delegations|Accès d'urgence=/Access/BreakGlass" },
        { "dpo", "Alertes d'accès=/Audit/Alerts|Journal d'audit=/Audit" },
        { "admin", "Comptes=/Admin/Users|Organisations=/Admin/Organisations|Rôles=/Admin/Roles" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Each_persona_sees_exactly_its_navigation_entries_in_order(string persona, string expected)
    {
        var client = await app.WebAsync(persona);
        var home = await PageHtml.GetPageAsync(client, "/");
        var nav = NavRegex().Match(home);
        Assert.True(nav.Success, "no main navigation on the home page");
        // Plain links: reachable with the keyboard (Tab) without any script or tabindex trick.
        var entries = LinkRegex().Matches(nav.Groups["list"].Value).Select(m => $"{m.Groups["label"].Value}={m.Groups["href"].Value}");
        Assert.Equal(expected, string.Join('|', entries));

        // No link to a page the persona cannot use.
        foreach (var href in LinkRegex().Matches(nav.Groups["list"].Value).Select(m => m.Groups["href"].Value))
        {
            await PageHtml.GetPageAsync(client, href);
        }
    }

    [Fact]
    public async Task A_signed_out_visitor_sees_no_navigation()
    {
        var page = await PageHtml.ReadAsync(await app.Anonymous().GetAsync("/Account/Login"));
        Assert.DoesNotMatch(NavRegex(), page);
    }

    [GeneratedRegex("<nav aria-label=\"Navigation principale\">\\s*<ul>(?<list>.*?)</ul>\\s*</nav>", RegexOptions.Singleline)]
    private static partial Regex NavRegex();

    [GeneratedRegex("<li><a href=\"(?<href>[^\"]+)\">(?<label>[^<]+)</a></li>")]
    private static partial Regex LinkRegex();
}

public sealed class NavigationTests_Sqlite(SqliteApp app) : NavigationTests(app), IClassFixture<SqliteApp>;

public sealed class NavigationTests_Postgres(PostgresApp app) : NavigationTests(app), IClassFixture<PostgresApp>;
