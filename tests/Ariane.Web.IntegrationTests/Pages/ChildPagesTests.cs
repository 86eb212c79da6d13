using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Pages;

/// <summary>The child pages through the real forms (cookie session, antiforgery): what the user sees and what is stored.</summary>
public abstract class ChildPagesTests(ArianeApp app)
{
    [Fact]
    public async Task The_search_page_lists_the_children_found_and_says_so_when_there_are_none()
    {
        var client = await app.WebAsync("referent");

        var found = await PageHtml.GetPageAsync(client, "/Children?q=durand");
        Assert.Contains("25 enfants sur cette page (d'autres résultats suivent).", found, StringComparison.Ordinal);
        Assert.Equal(25, PageHtml.Count(found, "<td data-label=\"Nom de naissance\"><a href=\"/Children/Details/"));
        Assert.Contains(">Durand</a>", found, StringComparison.Ordinal);
        Assert.Contains("Page suivante", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Aucun enfant ne correspond", found, StringComparison.Ordinal);

        // Any order, any case, without accents.
        var elodie = await PageHtml.GetPageAsync(client, "/Children?q=dupont+ELODIE");
        Assert.Contains($"href=\"/Children/Details/{app.World.ChildElodie}\">D'Arc-Dupont</a>", elodie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1 enfant sur cette page.", elodie, StringComparison.Ordinal);

        var none = await PageHtml.GetPageAsync(client, "/Children?q=zzyxwunknown");
        Assert.Contains("Aucun enfant ne correspond à cette recherche", none, StringComparison.Ordinal);
        Assert.Contains("parmi les dossiers auxquels vous avez accès", none, StringComparison.Ordinal);
        Assert.DoesNotContain("/Children/Details/", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_never_lists_a_child_outside_the_users_reach()
    {
        var client = await app.WebAsync("partner");
        var page = await PageHtml.GetPageAsync(client, "/Children?q=bernard");
        Assert.DoesNotContain(app.World.ChildNord.ToString(), page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Aucun enfant ne correspond à cette recherche", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_lookalike_of_a_known_child_shows_the_duplicate_warning_and_creates_only_after_confirmation()
    {
        var client = await app.WebAsync("crip");
        Dictionary<string, string> Form(bool confirm)
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.BirthName"] = "DARC DUPONT",
                ["Input.FirstNames"] = "Elodie",
                ["Input.Sex"] = "Female",
                ["Input.BirthDate"] = "12/03/2015",
            };
            if (confirm)
            {
                fields["ConfirmNotDuplicate"] = "true";
            }

            return fields;
        }

        var warned = await ArianeApp.PostFormAsync(client, "/Children/Create", Form(confirm: false));
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await PageHtml.ReadAsync(warned);
        Assert.Contains("Cet enfant est peut-être déjà connu", page, StringComparison.Ordinal);
        Assert.Contains("Un dossier ressemble à votre saisie", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Children/Details/{app.World.ChildElodie}\"", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Élodie Marie", page, StringComparison.Ordinal);
        Assert.Contains("Il s'agit d'un autre enfant : créer quand même", page, StringComparison.Ordinal);
        // What the user typed is kept in the form.
        Assert.Equal("DARC DUPONT", PageHtml.InputValue(page, "Input.BirthName"));
        Assert.Equal(0, await CountAsync("DARC DUPONT"));

        var created = await PageHtml.SubmitAsync(client, "/Children/Create", page, Form(confirm: true));
        var details = await PageHtml.FollowAsync(client, created, "/Children/Details/");
        Assert.Contains("Dossier créé : Elodie DARC DUPONT. Votre service y est affecté.", details, StringComparison.Ordinal);
        var id = await app.WithDbAsync(db => db.Children.Where(c => c.BirthName == "DARC DUPONT").Select(c => c.Id).SingleAsync());
        Assert.NotEqual(app.World.ChildElodie, id);
        Assert.Equal($"/Children/Details/{id}", PageHtml.Location(created), ignoreCase: true);
        Assert.Contains("CRIP de Test", details, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.ChildCreated && r.ChildId == id && r.UserName == "crip")));
    }

    [Fact]
    public async Task Two_people_saving_the_same_identity_form_get_a_conflict_screen_and_choose_per_field()
    {
        var id = await NewChildAsync("Concurrence-Page", "Anne");
        var first = await app.WebAsync("crip");
        var second = await app.WebAsync("cadre");
        var url = $"/Children/Edit/{id}";

        // Both open the form before either saves.
        var firstForm = await PageHtml.GetPageAsync(first, url);
        var secondForm = await PageHtml.GetPageAsync(second, url);
        Assert.Equal("0", PageHtml.InputValue(firstForm, "Version"));
        Assert.Equal("0", PageHtml.InputValue(secondForm, "Version"));

        var firstInput = Identity("Concurrence-Page", "Anne Marie", version: "0");
        firstInput["Input.BirthPlace"] = "Lyon";
        var saved = await PageHtml.SubmitAsync(first, url, firstForm, With(PageHtml.DefaultFields(firstForm), firstInput));
        var details = await PageHtml.FollowAsync(first, saved, $"/Children/Details/{id}");
        Assert.Contains("Identité enregistrée.", details, StringComparison.Ordinal);

        var secondInput = Identity("Concurrence-Page", "Anne-Sophie", version: "0");
        secondInput["Input.Nationality"] = "française";
        var stale = await PageHtml.SubmitAsync(second, url, secondForm, With(PageHtml.DefaultFields(secondForm), secondInput));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var conflict = System.Net.WebUtility.HtmlDecode(await PageHtml.ReadAsync(stale));
        Assert.Contains("Quelqu'un a modifié ce dossier pendant que vous le modifiiez", conflict, StringComparison.Ordinal);
        // Who saved the other version, and when.
        Assert.Matches(new Regex("Version enregistrée par <strong>Test crip</strong> le \\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2}\\."), conflict);
        // Per field: at opening, mine, theirs; for a field both changed, mine is proposed.
        Assert.Matches(
            new Regex("Prénoms\\s*<span class=\"badge warn\">différent</span>\\s*</th>\\s*<td data-label=\"À l'ouverture\">Anne</td>\\s*<td data-label=\"Votre saisie\">Anne-Sophie</td>\\s*<td data-label=\"Enregistré entre-temps\">Anne Marie</td>"),
            conflict);
        var proposed = PageHtml.DefaultFields(conflict);
        Assert.Equal("mine", proposed["Keep[FirstNames]"]);
        // A field only the other person changed: theirs is proposed; only I changed: mine.
        Assert.Equal("theirs", proposed["Keep[BirthPlace]"]);
        Assert.Equal("mine", proposed["Keep[Nationality]"]);
        Assert.False(proposed.ContainsKey("Keep[BirthName]"));
        Assert.Equal("1", proposed["Version"]);
        Assert.Equal("Anne Marie", (await app.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == id))).FirstNames);

        // The cadre keeps the other first names, and the rest as proposed.
        proposed["Keep[FirstNames]"] = "theirs";
        var resolved = await PageHtml.SubmitAsync(second, url + "?handler=Resolve", conflict, proposed);
        Assert.Contains("Identité enregistrée.", await PageHtml.FollowAsync(second, resolved, $"/Children/Details/{id}"), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("Anne Marie", "Lyon", "française", 2), (stored.FirstNames, stored.BirthPlace, stored.Nationality, stored.Version));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditRecords.CountAsync(r => r.EventType == AuditEventType.ChildUpdated && r.ChildId == id)));
    }

    [Fact]
    public async Task Choices_saved_after_a_third_save_meet_a_new_conflict_not_an_overwrite()
    {
        var id = await NewChildAsync("Concurrence-Trois", "Paul");
        var (a, b) = (await app.WebAsync("crip"), await app.WebAsync("cadre"));
        var url = $"/Children/Edit/{id}";
        var formA = await PageHtml.GetPageAsync(a, url);
        var formB = await PageHtml.GetPageAsync(b, url);
        await PageHtml.SubmitAsync(a, url, formA, With(PageHtml.DefaultFields(formA), Identity("Concurrence-Trois", "Paul Henri", version: "0")));
        var conflict = System.Net.WebUtility.HtmlDecode(await PageHtml.ReadAsync(
            await PageHtml.SubmitAsync(b, url, formB, With(PageHtml.DefaultFields(formB), Identity("Concurrence-Trois", "Paul-Louis", version: "0")))));
        // Meanwhile the first person saves again.
        var formA2 = await PageHtml.GetPageAsync(a, url);
        await PageHtml.SubmitAsync(a, url, formA2, With(PageHtml.DefaultFields(formA2), Identity("Concurrence-Trois", "Paul Henri Jean", version: "1")));

        var again = await PageHtml.SubmitAsync(b, url + "?handler=Resolve", conflict, PageHtml.DefaultFields(conflict));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = System.Net.WebUtility.HtmlDecode(await PageHtml.ReadAsync(again));
        Assert.Contains("Quelqu'un a modifié ce dossier pendant que vous le modifiiez", second, StringComparison.Ordinal);
        // The base is now the version the user chose against.
        Assert.Contains("<td data-label=\"À l'ouverture\">Paul Henri</td>", second, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Enregistré entre-temps\">Paul Henri Jean</td>", second, StringComparison.Ordinal);
        Assert.Equal("Paul Henri Jean", (await app.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == id))).FirstNames);
    }

    private static Dictionary<string, string> With(Dictionary<string, string> defaults, Dictionary<string, string> typed)
    {
        foreach (var (key, value) in typed)
        {
            defaults[key] = value;
        }

        return defaults;
    }

    [Fact]
    public async Task An_impossible_birth_date_is_reported_next_to_the_field_in_french_and_nothing_is_created()
    {
        var client = await app.WebAsync("crip");
        var response = await ArianeApp.PostFormAsync(client, "/Children/Create", new()
        {
            ["Input.BirthName"] = "Impossible-Date",
            ["Input.FirstNames"] = string.Empty,
            ["Input.Sex"] = "Male",
            ["Input.BirthDate"] = "31/02/2015",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageHtml.ReadAsync(response);
        Assert.Contains("Le formulaire contient des erreurs", page, StringComparison.Ordinal);
        Assert.Equal("Cette date de naissance n'existe pas ou est dans le futur.", PageHtml.FieldError(page, "Input.BirthDate"));
        Assert.Equal("Au moins un prénom est obligatoire.", PageHtml.FieldError(page, "Input.FirstNames"));
        Assert.Null(PageHtml.FieldError(page, "Input.BirthName"));
        Assert.Matches(new Regex("<input[^>]*class=\"input-validation-error\"[^>]*name=\"Input.BirthDate\""), page);
        Assert.Equal("31/02/2015", PageHtml.InputValue(page, "Input.BirthDate"));
        Assert.Equal(0, await CountAsync("Impossible-Date"));
    }

    [Fact]
    public async Task An_impossible_birth_date_on_the_edit_form_leaves_the_record_unchanged()
    {
        var id = await NewChildAsync("Date-Inchangee", "Paul");
        var client = await app.WebAsync("crip");
        var url = $"/Children/Edit/{id}";
        var form = await PageHtml.GetPageAsync(client, url);
        var response = await PageHtml.SubmitAsync(client, url, form, Identity("Date-Inchangee", "Paul", version: "0", birthDate: "30/13/2019"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageHtml.ReadAsync(response);
        Assert.Equal("Cette date de naissance n'existe pas ou est dans le futur.", PageHtml.FieldError(page, "Input.BirthDate"));

        var stored = await app.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(0, stored.Version);
        Assert.Equal(2019, stored.BirthDate.Year);
        Assert.Equal(2, stored.BirthDate.Month);
    }

    [Fact]
    public async Task A_linked_person_is_added_through_the_form_and_removed_through_the_confirmation_page()
    {
        var id = await NewChildAsync("Famille-Page", "Noé", creator: "referent");
        var client = await app.WebAsync("referent");

        var added = await ArianeApp.PostFormAsync(client, $"/Children/LinkedPerson/{id}", new()
        {
            ["Input.Relation"] = "Father",
            ["Input.LastName"] = "Famille-Page",
            ["Input.FirstNames"] = "Marc",
            ["Input.HasParentalAuthority"] = "true",
            ["Input.Phone"] = "06 12 34 56 78",
            ["Input.City"] = "Lyon",
        });
        var details = await PageHtml.FollowAsync(client, added, $"/Children/Details/{id}");
        Assert.Contains("Personne liée ajoutée : Famille-Page Marc (Père).", details, StringComparison.Ordinal);
        Assert.Contains("Autorité parentale", details, StringComparison.Ordinal);
        Assert.Contains("06 12 34 56 78", details, StringComparison.Ordinal);
        var personId = Assert.Single(PageHtml.LinkIds(details, $"/Children/RemoveLinkedPerson/{id}/"));

        var confirm = await PageHtml.GetPageAsync(client, $"/Children/RemoveLinkedPerson/{id}/{personId}");
        Assert.Contains("Retirer une personne liée ?", confirm, StringComparison.Ordinal);
        Assert.Contains("Vous allez retirer <strong>Famille-Page Marc (Père)</strong>", confirm, StringComparison.Ordinal);
        Assert.Contains("Père, titulaire de l'autorité parentale", confirm, StringComparison.Ordinal);
        // Looking at the question removes nothing.
        Assert.Equal(1, await app.WithDbAsync(db => db.LinkedPersons.CountAsync(p => p.ChildId == id)));

        var removed = await PageHtml.SubmitAsync(client, $"/Children/RemoveLinkedPerson/{id}/{personId}", confirm, []);
        var after = await PageHtml.FollowAsync(client, removed, $"/Children/Details/{id}");
        Assert.Contains("Personne liée retirée du dossier.", after, StringComparison.Ordinal);
        Assert.Contains("Aucune personne liée n'est enregistrée.", after, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.LinkedPersons.CountAsync(p => p.ChildId == id)));

        var events = await app.WithDbAsync(db => db.AuditRecords
            .Where(r => r.ChildId == id && (r.EventType == AuditEventType.LinkedPersonAdded || r.EventType == AuditEventType.LinkedPersonRemoved))
            .Select(r => new { r.EventType, r.UserName }).ToListAsync());
        Assert.Contains(events, e => e.EventType == AuditEventType.LinkedPersonAdded && e.UserName == "referent");
        Assert.Contains(events, e => e.EventType == AuditEventType.LinkedPersonRemoved && e.UserName == "referent");
    }

    [Fact]
    public async Task A_partner_gets_not_found_on_the_record_pages_of_a_child_they_do_not_follow()
    {
        var client = await app.WebAsync("partner");
        var child = app.World.ChildNord;
        var before = await app.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == child));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Children/Details/{child}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Children/Edit/{child}")).StatusCode);
        // The same answer as for a dossier that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Children/Details/{Guid.NewGuid()}")).StatusCode);

        // A forged POST with a valid token (taken from another page) changes nothing either.
        var post = await ArianeApp.PostFormAsync(client, $"/Children/Edit/{child}", Identity("Pirate", "Camille", version: before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), formPage: "/Account/Security");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var after = await app.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == child));
        Assert.Equal(before.BirthName, after.BirthName);
        Assert.Equal(before.Version, after.Version);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r =>
            r.EventType == AuditEventType.AccessDenied && r.ChildId == child && r.UserName == "partner")));
    }

    [Fact]
    public async Task A_reader_opening_the_edit_page_is_refused_before_anything_is_read_and_the_refusal_is_audited()
    {
        var educator = await app.WebAsync("educator");
        var child = app.World.ChildElodie;
        var since = await app.WithDbAsync(db => db.AuditRecords.MaxAsync(r => r.Sequence));

        var response = await educator.GetAsync($"/Children/Edit/{child}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Votre rôle ne permet pas d'utiliser cette fonction.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var rows = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.Sequence > since && r.ChildId == child && r.UserName == "educator").Select(r => r.EventType).ToListAsync());
        Assert.Equal([AuditEventType.AccessDenied], rows);
    }

    [Fact]
    public async Task A_form_posted_without_its_handler_answers_bad_request_not_an_error()
    {
        var cadre = await app.WebAsync("cadre");
        var child = app.World.ChildNord;
        var response = await ArianeApp.PostFormAsync(cadre, $"/Children/Details/{child}", [], formPage: $"/Children/Details/{child}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var assign = await ArianeApp.PostFormAsync(cadre, $"/Children/Assign/{child}", [], formPage: $"/Children/Assign/{child}");
        Assert.Equal(HttpStatusCode.BadRequest, assign.StatusCode);
    }

    [Fact]
    public async Task The_record_tells_an_educator_only_that_a_health_follow_up_may_exist()
    {
        var educator = await app.WebAsync("educator");
        var page = await PageHtml.GetPageAsync(educator, $"/Children/Details/{app.World.ChildElodie}");
        Assert.Equal(
            "Existence seulement Un suivi santé peut exister : son contenu est réservé aux professionnels de santé.",
            PageHtml.Definition(page, "Santé"));
        // The educator reads the identity but may not change it: no edit action.
        Assert.StartsWith("Consultation ", PageHtml.Definition(page, "Identité"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/Children/Edit/{app.World.ChildElodie}", page, StringComparison.OrdinalIgnoreCase);

        // The health professional of the same establishment is told they may read and complete it.
        var health = await app.WebAsync("health");
        var theirs = await PageHtml.GetPageAsync(health, $"/Children/Details/{app.World.ChildElodie}");
        Assert.Equal("Consultation et modification Vous pouvez consulter et compléter cette section.", PageHtml.Definition(theirs, "Santé"));
    }

    [Fact]
    public async Task The_sign_out_button_of_the_menu_ends_the_session()
    {
        var client = await app.WebAsync("crip");
        var page = await PageHtml.GetPageAsync(client, "/Children");
        var form = Regex.Match(page, "<form[^>]*action=\"/Account/Logout\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "no sign-out form in the menu");
        Assert.Contains("Se déconnecter", form.Groups[1].Value, StringComparison.Ordinal);

        // What the browser sends when the button is pressed: the fields of that form, and nothing else.
        var fields = new Dictionary<string, string>();
        if (PageHtml.InputValue(form.Groups[1].Value, "__RequestVerificationToken") is { } token)
        {
            fields["__RequestVerificationToken"] = token;
        }

        var signedOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        Assert.True(signedOut.StatusCode == HttpStatusCode.Redirect, $"signing out answered {(int)signedOut.StatusCode}");
        Assert.StartsWith("/Account/Login", PageHtml.Location(signedOut), StringComparison.Ordinal);
        var after = await client.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", PageHtml.Location(after), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Identity(string birthName, string firstNames, string version, string birthDate = "02/2019") => new()
    {
        ["Version"] = version,
        ["Input.BirthName"] = birthName,
        ["Input.FirstNames"] = firstNames,
        ["Input.Sex"] = "Female",
        ["Input.BirthDate"] = birthDate,
        ["Input.UsageName"] = string.Empty,
        ["Input.BirthPlace"] = string.Empty,
        ["Input.Nationality"] = string.Empty,
        ["Input.Ins"] = string.Empty,
    };

    /// <summary>A child of this test only, created through the API (ASE Nord when the referent creates it).</summary>
    private async Task<Guid> NewChildAsync(string birthName, string firstNames, string creator = "crip")
    {
        var api = await app.ApiAsync(creator);
        var response = await api.PostAsJsonAsync("/api/v1/children", new
        {
            child = new { birthName, firstNames, birthDate = "02/2019", sex = "Female" },
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    private Task<int> CountAsync(string birthName) => app.WithDbAsync(db => db.Children.CountAsync(c => c.BirthName == birthName));
}

public sealed class ChildPagesTests_Sqlite(SqliteApp app) : ChildPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ChildPagesTests_Postgres(PostgresApp app) : ChildPagesTests(app), IClassFixture<PostgresApp>;
