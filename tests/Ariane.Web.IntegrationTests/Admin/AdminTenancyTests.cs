using System.Net;
using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Admin;

/// <summary>
/// Administration per département (docs/decisions/0007-tenancy.md, Administration): the administrator of
/// « 98 » manages its organisations and the accounts that work only there, not those of « 97 », nor an
/// association serving several départements, nor an account that also works elsewhere; the platform
/// administrator manages every département and reads no child.
/// </summary>
public abstract class AdminTenancyTests(ArianeApp app)
{
    [Fact]
    public async Task A_departement_administrator_neither_sees_nor_changes_another_departements_organisations_or_accounts()
    {
        var admin = await app.WebAsync("admin");
        var organisations = await PageHtml.GetPageAsync(admin, "/Admin/Organisations");
        Assert.Contains("CRIP de Test", organisations, StringComparison.Ordinal);
        Assert.DoesNotContain("MECS Test", organisations, StringComparison.Ordinal);
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
    }

    [Fact]
    public async Task An_association_account_or_one_that_also_works_for_another_departement_is_the_platforms_to_manage()
    {
        // The educator of the association's MECS reads every child placed there, whichever département:
        // the administrator of « 98 » must not be able to reset their password or give them a role.
        var admin = await app.WebAsync("admin");
        var educator = app.World.Users["educator"];
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Details/{educator}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/ResetPassword/{educator}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/ResetTwoFactor/{educator}")).StatusCode);

        // Someone who works for both départements: neither département's administrator takes the account over.
        var (mixed, _, _) = await app.CreateUserAsync(RoleCatalogue.Referent, "mixte");
        var collinesMembership = await app.WithDbAsync(async db =>
        {
            var membership = new Membership { UserId = mixed, ServiceId = app.World.Services["crip.collines"], RoleCode = RoleCatalogue.CripAgent, CreatedAt = DateTime.UtcNow };
            db.Memberships.Add(membership);
            await db.SaveChangesAsync();
            return membership.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Details/{mixed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Deactivate/{mixed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/RemoveMembership/{mixed}/{collinesMembership}")).StatusCode);
        var search = await PageHtml.GetPageAsync(admin, "/Admin/Users?q=mixte");
        Assert.DoesNotContain("mixte.", search, StringComparison.Ordinal);

        // The platform's administrator manages both.
        var platform = await app.WebAsync("admin.platform");
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/Admin/Users/Details/{educator}")).StatusCode);
        var details = await PageHtml.GetPageAsync(platform, $"/Admin/Users/Details/{mixed}");
        Assert.Contains("CRIP des Collines", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_departement_administrator_gives_every_new_account_a_membership_of_their_departement()
    {
        var admin = await app.WebAsync("admin");
        var response = await ArianeApp.PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.UserName"] = "sans.habilitation",
            ["Input.DisplayName"] = "Sans Habilitation",
            ["Input.ServiceId"] = string.Empty,
            ["Input.RoleCode"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choisissez le service et le rôle du nouveau compte.", PageHtml.FieldError(await PageHtml.ReadAsync(response), "Input.ServiceId"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "sans.habilitation")));

        // Nor an organisation that would belong to no département (an association is the platform's).
        var organisation = await ArianeApp.PostFormAsync(admin, "/Admin/Organisations/Create", new()
        {
            ["Input.Name"] = "Association sans département",
            ["Input.Kind"] = nameof(OrganisationKind.AssociationGestionnaire),
            ["Input.DepartementCode"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.OK, organisation.StatusCode);
        Assert.StartsWith("Indiquez le département de cette organisation", PageHtml.FieldError(await PageHtml.ReadAsync(organisation), "Input.DepartementCode"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "Association sans département")));
        var form = await PageHtml.GetPageAsync(admin, "/Admin/Organisations/Create");
        Assert.Contains($"value=\"{TestWorld.Departement}\"", form, StringComparison.Ordinal);
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
