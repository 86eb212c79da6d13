using System.Net;
using Ariane.Core.Access;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;

namespace Ariane.Web.IntegrationTests.Admin;

/// <summary>
/// Administration per département (docs/decisions/0007-tenancy.md, Administration): the administrator of
/// « 98 » manages its organisations and accounts (and the associations, which belong to no département),
/// not those of « 97 »; the platform administrator manages every département and reads no child.
/// </summary>
public abstract class AdminTenancyTests(ArianeApp app)
{
    [Fact]
    public async Task A_departement_administrator_neither_sees_nor_changes_another_departements_organisations_or_accounts()
    {
        var admin = await app.WebAsync("admin");
        var organisations = await PageHtml.GetPageAsync(admin, "/Admin/Organisations");
        Assert.Contains("CRIP de Test", organisations, StringComparison.Ordinal);
        Assert.Contains("MECS Test", organisations, StringComparison.Ordinal);
        Assert.DoesNotContain("Département des Collines", organisations, StringComparison.Ordinal);
        Assert.DoesNotContain("Plateforme Ariane", organisations, StringComparison.Ordinal);

        var users = await PageHtml.GetPageAsync(admin, "/Admin/Users?q=collines");
        Assert.DoesNotContain("crip.collines", users, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Details/{app.World.Users["crip.collines"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Details/{app.World.Users["admin.platform"]}")).StatusCode);

        // A service of the other département is no option, and posting it anyway is refused.
        var partnerId = app.World.Users["partner"];
        var details = await PageHtml.GetPageAsync(admin, $"/Admin/Users/Details/{partnerId}");
        Assert.DoesNotContain(app.World.Services["crip.collines"].ToString(), details, StringComparison.OrdinalIgnoreCase);
        var forced = await PageHtml.SubmitAsync(admin, $"/Admin/Users/Details/{partnerId}?handler=AddMembership", details, new()
        {
            ["NewMembership.ServiceId"] = app.World.Services["crip.collines"].ToString(),
            ["NewMembership.RoleCode"] = RoleCatalogue.CripAgent,
        });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal("Ce service n'existe pas ou est désactivé.", PageHtml.FieldError(await PageHtml.ReadAsync(forced), "NewMembership.ServiceId"));
        var collinesCrip = await app.ApiAsync("crip.collines");
        Assert.Equal(HttpStatusCode.OK, (await collinesCrip.GetAsync($"/api/v1/children/{app.World.ChildCollines}")).StatusCode);
    }

    [Fact]
    public async Task The_platform_administrator_manages_every_departement_and_reads_no_child()
    {
        var platform = await app.WebAsync("admin.platform");
        var organisations = await PageHtml.GetPageAsync(platform, "/Admin/Organisations");
        Assert.Contains("Département des Collines", organisations, StringComparison.Ordinal);
        Assert.Contains("CRIP de Test", organisations, StringComparison.Ordinal);
        var users = await PageHtml.GetPageAsync(platform, "/Admin/Users?q=collines");
        Assert.Contains("crip.collines", users, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/Admin/Users/Details/{app.World.Users["crip.collines"]}")).StatusCode);

        // No child data: not a search, not a record, whichever département.
        var api = await app.ApiAsync("admin.platform");
        Assert.Empty(Json.Ids(await Json.ReadAsync(await api.GetAsync("/api/v1/children?q=bernard"))));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{app.World.ChildNord}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{app.World.ChildCollines}")).StatusCode);
    }
}

public sealed class AdminTenancyTests_Sqlite(SqliteApp app) : AdminTenancyTests(app), IClassFixture<SqliteApp>;

public sealed class AdminTenancyTests_Postgres(PostgresApp app) : AdminTenancyTests(app), IClassFixture<PostgresApp>;
