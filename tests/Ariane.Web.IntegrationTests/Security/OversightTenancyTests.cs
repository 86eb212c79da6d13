using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Access;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>
/// Oversight per département (docs/decisions/0007-tenancy.md, Oversight): a break-the-glass on a child of
/// « 97 » alerts the cadres of « 97 », not those of « 98 »; the DPO of « 98 » neither looks up nor reads
/// the access log of a child of « 97 ».
/// </summary>
public abstract class OversightTenancyTests(ArianeApp app)
{
    [Fact]
    public async Task Alerts_and_the_audit_trail_stay_within_the_childs_departement()
    {
        // An educator of the association's MECS (no département) breaks the glass on a child of « 97 ».
        await app.CreateUserInAsync(app.World.Services["mecs"], RoleCatalogue.Educator, "veille");
        var educator = await app.ApiAsync($"veille.{RoleCatalogue.Educator}");
        const string reason = "Fugue signalée cette nuit aux Collines, besoin des contacts";
        var opened = await educator.PostAsJsonAsync($"/api/v1/children/{app.World.ChildCollines}/break-glass", new { reason });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        await app.CreateUserInAsync(app.World.Services["crip.collines"], RoleCatalogue.Cadre, "veille");
        var theirs = await PageHtml.GetPageAsync(await app.WebAsync($"veille.{RoleCatalogue.Cadre}"), "/Audit/Alerts");
        Assert.Contains(reason, theirs, StringComparison.Ordinal);
        var ours = await PageHtml.GetPageAsync(await app.WebAsync("cadre"), "/Audit/Alerts");
        Assert.DoesNotContain(reason, ours, StringComparison.Ordinal);

        var dpo = await app.WebAsync("dpo");
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.GetAsync($"/Audit/ChildLog/{app.World.ChildCollines}")).StatusCode);
        var search = await PageHtml.GetPageAsync(dpo, $"/Audit?childId={app.World.ChildCollines}");
        Assert.DoesNotContain($"veille.{RoleCatalogue.Educator}", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await dpo.GetAsync($"/Audit/ChildLog/{app.World.ChildNord}")).StatusCode);
    }
}

public sealed class OversightTenancyTests_Sqlite(SqliteApp app) : OversightTenancyTests(app), IClassFixture<SqliteApp>;

public sealed class OversightTenancyTests_Postgres(PostgresApp app) : OversightTenancyTests(app), IClassFixture<PostgresApp>;
