using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Admin;

/// <summary>
/// The administration pages through the real forms, signed in as the administrator: accounts,
/// memberships, organisations and services, roles; each change visible to the people concerned and audited.
/// </summary>
public abstract partial class AdminPagesTests(ArianeApp app)
{
    [Fact]
    public async Task The_admin_creates_an_account_with_a_first_membership_and_its_temporary_password_is_shown_once_and_works()
    {
        var admin = await app.WebAsync("admin");
        var response = await ArianeApp.PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.UserName"] = "lea.martin",
            ["Input.DisplayName"] = "Léa Martin",
            ["Input.JobTitle"] = "Référente ASE",
            ["Input.Email"] = string.Empty,
            ["Input.ServiceId"] = app.World.Services["nord"].ToString(),
            ["Input.RoleCode"] = RoleCatalogue.Referent,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageHtml.ReadAsync(response);
        Assert.Contains("Compte créé", page, StringComparison.Ordinal);
        Assert.Contains("Le compte <strong>lea.martin</strong> (Léa Martin) a été créé.", page, StringComparison.Ordinal);
        Assert.Contains("Ce mot de passe ne sera plus jamais affiché.", page, StringComparison.Ordinal);
        var password = TemporaryPassword().Match(page);
        Assert.True(password.Success, "no temporary password on the page");
        var temporary = password.Groups[1].Value;
        Assert.True(temporary.Length >= 16, temporary);

        // The password is accepted: only the missing second factor stops the token.
        var token = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "lea.martin", password = temporary });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        // Accepted password, but a temporary one: the person must first choose their own.
        Assert.StartsWith("Mot de passe provisoire", (await Json.ReadAsync(token)).GetProperty("title").GetString(), StringComparison.Ordinal);
        var wrong = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "lea.martin", password = temporary + "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var id = await UserIdAsync("lea.martin");
        var details = await PageHtml.GetPageAsync(admin, $"/Admin/Users/Details/{id}");
        Assert.DoesNotContain(temporary, details, StringComparison.Ordinal);
        Assert.Matches(new Regex("<td data-label=\"Service\">\\s*ASE Nord\\s*</td>"), details);
        Assert.Contains("<td data-label=\"Rôle\">Référent ASE</td>", details, StringComparison.Ordinal);
        Assert.Equal("non activée", PageHtml.Definition(details, "Double authentification"));

        Assert.True(await AdminAuditAsync(AuditEventType.UserCreated, id));
        var membershipId = await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == id).Select(m => m.Id).SingleAsync());
        Assert.True(await AdminAuditAsync(AuditEventType.MembershipAdded, membershipId));
    }

    [Fact]
    public async Task An_identifier_already_in_use_is_refused_with_a_french_error_next_to_the_field()
    {
        var admin = await app.WebAsync("admin");
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var response = await ArianeApp.PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.UserName"] = "referent",
            ["Input.DisplayName"] = "Homonyme",
            ["Input.ServiceId"] = app.World.Services["nord"].ToString(),
            ["Input.RoleCode"] = RoleCatalogue.Referent,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageHtml.ReadAsync(response);
        Assert.Equal("L'identifiant « referent » est déjà utilisé.", PageHtml.FieldError(page, "Input.UserName"));
        Assert.DoesNotContain("Compte créé", page, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.UserCreated && r.Details!.Contains("Homonyme"))));
    }

    [Fact]
    public async Task A_service_without_its_role_is_refused_in_french_and_nothing_is_created()
    {
        var admin = await app.WebAsync("admin");
        var response = await ArianeApp.PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.UserName"] = "sans.role",
            ["Input.DisplayName"] = "Sans Rôle",
            ["Input.ServiceId"] = app.World.Services["sud"].ToString(),
            ["Input.RoleCode"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageHtml.ReadAsync(response);
        Assert.Equal("Choisissez le rôle dans ce service, ou aucun service.", PageHtml.FieldError(page, "Input.RoleCode"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "sans.role")));
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/Create")]
    [InlineData("/Admin/Organisations")]
    [InlineData("/Admin/Roles")]
    public async Task A_non_administrator_is_answered_403_with_the_french_refusal(string url)
    {
        var referent = await app.WebAsync("referent");
        var response = await referent.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var denied = await PageHtml.ReadAsync(response);
        Assert.Contains("<h1>Accès refusé</h1>", denied, StringComparison.Ordinal);
        Assert.Contains("Votre rôle ne permet pas d'utiliser cette fonction.", denied, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Retour à l'accueil</a>", denied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_administrator_cannot_create_an_account_by_posting_the_form()
    {
        var referent = await app.WebAsync("referent");
        var response = await ArianeApp.PostFormAsync(referent, "/Admin/Users/Create", new()
        {
            ["Input.UserName"] = "intrus",
            ["Input.DisplayName"] = "Intrus",
        }, formPage: "/Account/Security");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "intrus")));
    }

    [Fact]
    public async Task Deactivating_an_account_ends_its_open_session_and_sign_in_until_it_is_reactivated()
    {
        var (userName, id) = await NewStaffAsync("depart");
        var session = await app.WebAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Children")).StatusCode);

        var admin = await app.WebAsync("admin");
        var confirm = await PageHtml.GetPageAsync(admin, $"/Admin/Users/Deactivate/{id}");
        Assert.Contains($"Désactiver le compte d'Agent {userName} ?", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Children")).StatusCode);

        var deactivated = await PageHtml.SubmitAsync(admin, $"/Admin/Users/Deactivate/{id}", confirm, []);
        var details = await PageHtml.FollowAsync(admin, deactivated, $"/Admin/Users/Details/{id}");
        Assert.Contains("Le compte a été désactivé.", details, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge off\">désactivé</span>", details, StringComparison.Ordinal);
        Assert.Contains("Réactiver le compte", details, StringComparison.Ordinal);

        // The open session is refused at its next request.
        var next = await session.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", PageHtml.Location(next), StringComparison.Ordinal);

        // Signing in again is refused, with the same message as a wrong password.
        var login = await ArianeApp.PostFormAsync(app.Anonymous(), "/Account/Login", new() { ["UserName"] = userName, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Identifiant ou mot de passe incorrect. Après 5 échecs successifs, la connexion au compte est bloquée pendant 15 minutes.", await PageHtml.ReadAsync(login), StringComparison.Ordinal);
        Assert.True(await AdminAuditAsync(AuditEventType.UserDeactivated, id));

        var reactivated = await PageHtml.SubmitAsync(admin, $"/Admin/Users/Details/{id}?handler=Reactivate", details, []);
        var back = await PageHtml.FollowAsync(admin, reactivated, $"/Admin/Users/Details/{id}");
        Assert.Contains("Le compte a été réactivé. La personne peut de nouveau se connecter.", back, StringComparison.Ordinal);
        Assert.True(await AdminAuditAsync(AuditEventType.UserReactivated, id));

        var again = await app.WebAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Children")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_an_account_also_ends_its_api_access()
    {
        var (userName, id) = await NewStaffAsync("api");
        var api = await app.ApiAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/children/{app.World.ChildNord}")).StatusCode);

        var admin = await app.WebAsync("admin");
        var deactivated = await ArianeApp.PostFormAsync(admin, $"/Admin/Users/Deactivate/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));

        // A token obtained before the deactivation must not keep reading children's records.
        var after = await api.GetAsync($"/api/v1/children/{app.World.ChildNord}");
        Assert.True(after.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
            $"a deactivated account still reads a child's record through its API token: {(int)after.StatusCode}");
        var token = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new
        {
            userName,
            password = TestWorld.Password,
            totpCode = Totp.Code(app.World.TotpKeys[userName]),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task Adding_then_removing_a_membership_changes_which_children_the_person_sees()
    {
        var partnerId = app.World.Users["partner"];
        var partner = await app.ApiAsync("partner");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/children/{app.World.ChildSud}")).StatusCode);

        var admin = await app.WebAsync("admin");
        var details = await PageHtml.GetPageAsync(admin, $"/Admin/Users/Details/{partnerId}");
        Assert.Contains($"<option value=\"{app.World.Services["sud"]}\">ASE Sud</option>", details, StringComparison.OrdinalIgnoreCase);
        var added = await PageHtml.SubmitAsync(admin, $"/Admin/Users/Details/{partnerId}?handler=AddMembership", details, new()
        {
            ["NewMembership.ServiceId"] = app.World.Services["sud"].ToString(),
            ["NewMembership.RoleCode"] = RoleCatalogue.Partner,
        });
        var withSud = await PageHtml.FollowAsync(admin, added, $"/Admin/Users/Details/{partnerId}");
        Assert.Contains("L'habilitation a été ajoutée.", withSud, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/children/{app.World.ChildSud}")).StatusCode);

        // The same membership twice is refused in French.
        var twice = await PageHtml.SubmitAsync(admin, $"/Admin/Users/Details/{partnerId}?handler=AddMembership", withSud, new()
        {
            ["NewMembership.ServiceId"] = app.World.Services["sud"].ToString(),
            ["NewMembership.RoleCode"] = RoleCatalogue.Partner,
        });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal("Cette personne a déjà ce rôle dans ce service.", PageHtml.FieldError(await PageHtml.ReadAsync(twice), "NewMembership.RoleCode"));

        var membershipId = RemoveLink().Matches(withSud)
            .Where(m => m.Groups["user"].Value.Equals(partnerId.ToString(), StringComparison.OrdinalIgnoreCase) && m.Groups["service"].Value == "ASE Sud")
            .Select(m => m.Groups["membership"].Value).Single();
        Assert.True(await AdminAuditAsync(AuditEventType.MembershipAdded, Guid.Parse(membershipId)));

        var confirm = await PageHtml.GetPageAsync(admin, $"/Admin/Users/RemoveMembership/{partnerId}/{membershipId}");
        Assert.Contains("Retirer cette habilitation à Test partner ?", confirm, StringComparison.Ordinal);
        Assert.Equal("ASE Sud", PageHtml.Definition(confirm, "Service"));
        var removed = await PageHtml.SubmitAsync(admin, $"/Admin/Users/RemoveMembership/{partnerId}/{membershipId}", confirm, []);
        var withoutSud = await PageHtml.FollowAsync(admin, removed, $"/Admin/Users/Details/{partnerId}");
        Assert.Contains("L'habilitation a été retirée.", withoutSud, StringComparison.Ordinal);
        Assert.True(await AdminAuditAsync(AuditEventType.MembershipRemoved, Guid.Parse(membershipId)));

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/children/{app.World.ChildSud}")).StatusCode);
        // The other membership still gives its rights.
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/children/{app.World.ChildMdph}")).StatusCode);
    }

    [Fact]
    public async Task Resetting_the_second_factor_closes_the_session_and_asks_for_a_new_enrolment()
    {
        var (userName, id) = await NewStaffAsync("telephone");
        var session = await app.WebAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Children")).StatusCode);

        var admin = await app.WebAsync("admin");
        var confirm = await PageHtml.GetPageAsync(admin, $"/Admin/Users/ResetTwoFactor/{id}");
        Assert.Contains($"Réinitialiser la double authentification d'Agent {userName} ?", confirm, StringComparison.Ordinal);
        var reset = await PageHtml.SubmitAsync(admin, $"/Admin/Users/ResetTwoFactor/{id}", confirm, []);
        var details = await PageHtml.FollowAsync(admin, reset, $"/Admin/Users/Details/{id}");
        Assert.Contains("La double authentification a été réinitialisée.", details, StringComparison.Ordinal);
        Assert.Equal("non activée", PageHtml.Definition(details, "Double authentification"));
        Assert.True(await AdminAuditAsync(AuditEventType.TwoFactorReset, id));

        var next = await session.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", PageHtml.Location(next), StringComparison.Ordinal);

        // The old authenticator no longer counts: the token asks for the second factor to be set up again...
        var token = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new
        {
            userName,
            password = TestWorld.Password,
            totpCode = Totp.Code(app.World.TotpKeys[userName]),
        });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);

        // ...and signing in on the web leads to the enrolment page before anything else.
        var client = app.Anonymous();
        var login = await ArianeApp.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var children = await client.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, children.StatusCode);
        Assert.Equal("/Account/EnableAuthenticator", PageHtml.Location(children));
    }

    [Fact]
    public async Task An_administrator_cannot_grant_a_role_to_their_own_account()
    {
        var adminId = app.World.Users["admin"];
        var admin = await app.WebAsync("admin");
        var details = await PageHtml.GetPageAsync(admin, $"/Admin/Users/Details/{adminId}");
        var response = await PageHtml.SubmitAsync(admin, $"/Admin/Users/Details/{adminId}?handler=AddMembership", details, new()
        {
            ["NewMembership.ServiceId"] = app.World.Services["nord"].ToString(),
            ["NewMembership.RoleCode"] = RoleCatalogue.Cadre,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Vous ne pouvez pas vous attribuer une habilitation", PageHtml.FieldError(await PageHtml.ReadAsync(response), "NewMembership.RoleCode"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.UserId == adminId && m.RoleCode == RoleCatalogue.Cadre)));
    }

    [Fact]
    public async Task Resetting_a_password_shows_a_new_temporary_password_once_and_the_old_one_stops_working()
    {
        var (userName, id) = await NewStaffAsync("oubli");
        var admin = await app.WebAsync("admin");
        var confirm = await PageHtml.GetPageAsync(admin, $"/Admin/Users/ResetPassword/{id}");
        var response = await PageHtml.SubmitAsync(admin, $"/Admin/Users/ResetPassword/{id}", confirm, []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageHtml.ReadAsync(response);
        Assert.Contains("Mot de passe réinitialisé", page, StringComparison.Ordinal);
        var temporary = TemporaryPassword().Match(page).Groups[1].Value;
        Assert.NotEmpty(temporary);

        object Credentials(string password) => new { userName, password, totpCode = Totp.Code(app.World.TotpKeys[userName]) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", Credentials(TestWorld.Password))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", Credentials(temporary))).StatusCode);

        // At the next sign-in every page leads to the password change, then the app opens with the new password.
        var person = app.Anonymous();
        var login = await ArianeApp.PostFormAsync(person, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = temporary });
        await ArianeApp.PostFormAsync(person, login.Headers.Location!.OriginalString, new() { ["Code"] = Totp.Code(app.World.TotpKeys[userName]) });
        var children = await person.GetAsync("/Children");
        Assert.Equal("/Account/ChangePassword", PageHtml.Location(children));
        const string chosen = "Nouveau-Mot-de-passe-2026!";
        var changed = await ArianeApp.PostFormAsync(person, "/Account/ChangePassword", new()
        {
            ["OldPassword"] = temporary,
            ["NewPassword"] = chosen,
            ["ConfirmPassword"] = chosen,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/Children")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", Credentials(chosen))).StatusCode);
        Assert.DoesNotContain(temporary, await PageHtml.GetPageAsync(admin, $"/Admin/Users/Details/{id}"), StringComparison.Ordinal);
        Assert.True(await AdminAuditAsync(AuditEventType.UserUpdated, id));
    }

    [Theory]
    [InlineData("12345678X", "Numéro FINESS invalide : 9 chiffres (2A ou 2B pour la Corse).")]
    [InlineData("12345", "Le numéro FINESS compte exactement 9 caractères.")]
    public async Task A_malformed_finess_number_is_refused_in_french(string finess, string message)
    {
        var admin = await app.WebAsync("admin");
        var name = $"Service FINESS {finess}";
        var response = await ArianeApp.PostFormAsync(admin, "/Admin/Organisations/CreateService", ServiceForm(await DepartementOrganisationAsync(), name, finess));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageHtml.FieldError(await PageHtml.ReadAsync(response), "Input.Finess"));
        Assert.False(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task A_finess_number_already_used_by_another_service_is_refused_in_french()
    {
        var admin = await app.WebAsync("admin");
        var organisation = await DepartementOrganisationAsync();
        var created = await ArianeApp.PostFormAsync(admin, "/Admin/Organisations/CreateService", ServiceForm(organisation, "Foyer des Tilleuls", "690001234"));
        var list = await PageHtml.FollowAsync(admin, created, "/Admin/Organisations");
        Assert.Contains("Le service « Foyer des Tilleuls » a été créé.", list, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"FINESS\">690001234</td>", list, StringComparison.Ordinal);
        var serviceId = await app.WithDbAsync(db => db.Services.Where(s => s.Finess == "690001234").Select(s => s.Id).SingleAsync());
        Assert.True(await AdminAuditAsync(AuditEventType.ServiceCreated, serviceId));

        var duplicate = await ArianeApp.PostFormAsync(admin, "/Admin/Organisations/CreateService", ServiceForm(organisation, "Foyer des Tilleuls bis", "690001234"));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Equal("Ce numéro FINESS est déjà celui d'un autre service.", PageHtml.FieldError(await PageHtml.ReadAsync(duplicate), "Input.Finess"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Services.CountAsync(s => s.Finess == "690001234")));
    }

    [Fact]
    public async Task A_deactivated_service_is_shown_as_such_and_takes_no_new_membership()
    {
        var admin = await app.WebAsync("admin");
        var created = await ArianeApp.PostFormAsync(admin, "/Admin/Organisations/CreateService", ServiceForm(await DepartementOrganisationAsync(), "Service éphémère", string.Empty));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var serviceId = await app.WithDbAsync(db => db.Services.Where(s => s.Name == "Service éphémère").Select(s => s.Id).SingleAsync());

        var confirm = await PageHtml.GetPageAsync(admin, $"/Admin/Organisations/ServiceStatus/{serviceId}");
        Assert.Contains("Désactiver le service « Service éphémère » ?", confirm, StringComparison.Ordinal);
        var done = await PageHtml.SubmitAsync(admin, $"/Admin/Organisations/ServiceStatus/{serviceId}", confirm, new() { ["active"] = "false" });
        var list = await PageHtml.FollowAsync(admin, done, "/Admin/Organisations");
        Assert.Contains("Le service a été désactivé.", list, StringComparison.Ordinal);
        Assert.Matches(new Regex("<td data-label=\"Service\">Service éphémère</td>(?:(?!</tr>).)*<span class=\"badge off\">désactivé</span>", RegexOptions.Singleline), list);
        Assert.True(await AdminAuditAsync(AuditEventType.ServiceUpdated, serviceId));

        var (_, id) = await NewStaffAsync("ephemere");
        var add = await ArianeApp.PostFormAsync(admin, $"/Admin/Users/Details/{id}?handler=AddMembership", new()
        {
            ["NewMembership.ServiceId"] = serviceId.ToString(),
            ["NewMembership.RoleCode"] = RoleCatalogue.Educator,
        }, formPage: $"/Admin/Users/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Equal("Ce service n'existe pas ou est désactivé.", PageHtml.FieldError(await PageHtml.ReadAsync(add), "NewMembership.ServiceId"));
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.ServiceId == serviceId)));
    }

    [Fact]
    public async Task The_roles_page_lists_the_thirteen_roles_with_their_rights()
    {
        var admin = await app.WebAsync("admin");
        var page = await PageHtml.GetPageAsync(admin, "/Admin/Roles");
        Assert.Equal(13, PageHtml.Count(page, "<td data-label=\"Rôle\">"));
        Assert.Equal(13, RoleCatalogue.Defaults.Count);
        foreach (var role in RoleCatalogue.Defaults)
        {
            Assert.Contains($"<strong>{role.Name}</strong>", page, StringComparison.Ordinal);
            // No developer wording: the technical code is not shown.
            Assert.DoesNotContain(role.Code, page, StringComparison.Ordinal);
        }

        Assert.Contains("Tous les enfants du département", page, StringComparison.Ordinal);
        Assert.Contains("Gérer les comptes et les habilitations", page, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ServiceForm(Guid organisationId, string name, string finess) => new()
    {
        ["Input.OrganisationId"] = organisationId.ToString(),
        ["Input.Name"] = name,
        ["Input.Kind"] = nameof(ServiceKind.Mecs),
        ["Input.Finess"] = finess,
        ["Input.FinessCategory"] = string.Empty,
    };

    /// <summary>The département itself: its administrator adds services to it (a foyer de l'enfance, here).</summary>
    private Task<Guid> DepartementOrganisationAsync() =>
        app.WithDbAsync(db => db.Services.Where(s => s.Id == app.World.Services["direction"]).Select(s => s.OrganisationId).SingleAsync());

    private Task<Guid> UserIdAsync(string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>Whether the change on <paramref name="entityId"/> left its audit row, in the administrator's name.</summary>
    private Task<bool> AdminAuditAsync(AuditEventType type, Guid entityId) =>
        app.WithDbAsync(db => db.AuditRecords.AnyAsync(r =>
            r.EventType == type && r.EntityId == entityId && r.UserName == "admin" && r.UserId == app.World.Users["admin"]));

    /// <summary>
    /// A referent of ASE Nord of this test only, with an enrolled authenticator (its key kept in the
    /// world, so that <see cref="ArianeApp.WebAsync"/> and <see cref="ArianeApp.ApiAsync"/> can sign in).
    /// </summary>
    private async Task<(string UserName, Guid Id)> NewStaffAsync(string prefix)
    {
        var userName = $"{prefix}.{Guid.NewGuid().ToString("N")[..8]}";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = $"Agent {userName}", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestWorld.Password)).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Memberships.Add(new Membership { UserId = user.Id, ServiceId = app.World.Services["nord"], RoleCode = RoleCatalogue.Referent, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        app.World.TotpKeys[userName] = key;
        app.World.Users[userName] = user.Id;

        return (userName, user.Id);
    }

    [GeneratedRegex("<code class=\"key\" aria-label=\"Mot de passe temporaire\">([^<]+)</code>")]
    private static partial Regex TemporaryPassword();

    [GeneratedRegex("href=\"/Admin/Users/RemoveMembership/(?<user>[0-9a-fA-F-]{36})/(?<membership>[0-9a-fA-F-]{36})\">Retirer<span class=\"sr-only\"> l'habilitation [^<]* — (?<service>[^<]+)</span>")]
    private static partial Regex RemoveLink();
}

public sealed class AdminPagesTests_Sqlite(SqliteApp app) : AdminPagesTests(app), IClassFixture<SqliteApp>;

public sealed class AdminPagesTests_Postgres(PostgresApp app) : AdminPagesTests(app), IClassFixture<PostgresApp>;
