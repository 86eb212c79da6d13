using System.Net;
using System.Text.RegularExpressions;
using Ariane.Core.Audit;
using Ariane.Persistence.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Audit;

/// <summary>
/// Lists are audited with the children they showed (docs/architecture.md, Audit): « Qui a consulté ce
/// dossier » shows where the child appeared in searches, not only the openings; and the DPO reads the
/// trail by kind, people by name and service, children by name and dossier number, found by name.
/// </summary>
public abstract class ListAuditTests(ArianeApp app)
{
    [Fact]
    public async Task A_search_is_recorded_with_the_children_it_showed_and_the_childs_access_log_says_so()
    {
        var referent = await app.WebAsync("referent");
        var results = await PageHtml.GetPageAsync(referent, "/Children?q=bernard+camille");
        Assert.Contains($"/Children/Details/{app.World.ChildNord}", results, StringComparison.Ordinal);

        var listed = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.EventType == AuditEventType.ChildSearched && r.UserName == "referent")
            .OrderByDescending(r => r.Sequence)
            .Select(r => db.AuditListedChildren.Where(l => l.AuditSequence == r.Sequence).Select(l => l.ChildId).ToList())
            .FirstAsync());
        Assert.Equal([app.World.ChildNord], listed);

        // The DPO's log of that child: the search is there, as an appearance in results, by name and service.
        var dpo = await app.WebAsync("dpo");
        var log = WebUtility.HtmlDecode(await PageHtml.GetPageAsync(dpo, $"/Audit/ChildLog/{app.World.ChildNord}"));
        Assert.Matches(new Regex("<span class=\"person\">Test referent</span>\\s*<br /><span class=\"muted\">referent · ASE Nord</span>\\s*</td>\\s*<td data-label=\"Action\">Recherche d'enfants — dossier affiché dans les résultats</td>"), log);
        // A child the search did not show has no such row.
        var other = WebUtility.HtmlDecode(await PageHtml.GetPageAsync(dpo, $"/Audit/ChildLog/{app.World.ChildSud}"));
        Assert.DoesNotMatch(new Regex("Test referent</span>[^§]{0,200}Recherche d'enfants — dossier affiché"), other);

        // The listed children are part of the hash chain, which still verifies.
        var report = await app.VerifyAuditAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Chains.Select(c => c.Problem)));
    }

    [Fact]
    public async Task The_dpo_finds_a_child_by_name_sees_name_and_dossier_number_and_the_lookup_is_audited()
    {
        var dpo = await app.WebAsync("dpo");
        var page = WebUtility.HtmlDecode(await PageHtml.GetPageAsync(dpo, "/Audit?childName=bernard"));
        var number = await app.WithDbAsync(db => db.Children.Where(c => c.Id == app.World.ChildNord).Select(c => c.DossierNumber).SingleAsync());
        Assert.Contains("Enfants portant ce nom", page, StringComparison.Ordinal);
        Assert.Contains($"<strong>Bernard Camille</strong> (naissance : 04/05/2016) — dossier n° <code>{number}</code>", page, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.ChildLookupByDpo && r.UserName == "dpo"
            && db.AuditListedChildren.Any(l => l.AuditSequence == r.Sequence && l.ChildId == app.World.ChildNord))));

        // By kind: only searches and lists.
        var searches = WebUtility.HtmlDecode(await PageHtml.GetPageAsync(dpo, "/Audit?kind=Search"));
        var actions = Regex.Matches(searches, "<td data-label=\"Action\">([^<—]*)").Select(m => m.Groups[1].Value.Trim()).Distinct().ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Contains(a, new[] { "Recherche d'enfants", "Recherche de doublons", "Recherche d'enfant par nom dans le journal d'audit", "Recherche dans le journal d'audit" }));
    }

    [Fact]
    public async Task Only_the_dpo_may_look_a_child_up_by_name_in_the_audit()
    {
        var cadre = await app.WebAsync("cadre");
        var response = await cadre.GetAsync("/Audit?childName=bernard");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class ListAuditTests_Sqlite(SqliteApp app) : ListAuditTests(app), IClassFixture<SqliteApp>;

public sealed class ListAuditTests_Postgres(PostgresApp app) : ListAuditTests(app), IClassFixture<PostgresApp>;
