using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Access;
using Ariane.Core.Facilities;
using Ariane.Core.Placements;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Facilities;

/// <summary>
/// The places screens as a browser uses them: the board and its filters, a request sent from the board for
/// Élodie, the MECS's inbox that never names her, the acceptance that holds a place, the phone screen of the
/// chef de service and its version conflict, and who may open what.
/// </summary>
public abstract class FacilityPagesTests(ArianeApp app)
{
    private static int postal = 20000;

    private static string NextPostal() => $"9{Interlocked.Increment(ref postal) % 10000:D4}";

    [Fact]
    public async Task The_board_lists_a_facility_with_its_available_places_and_the_filters_narrow_it()
    {
        var cadre = await app.ApiAsync("cadre");
        var cp = NextPostal();
        var facility = await CreateFacilityAsync(cadre, "Foyer du Tableau", cp, null);
        await AddLineAsync(cadre, facility, CareType.Permanent, 6, 14, "Any", installed: 3);
        await AddLineAsync(cadre, facility, CareType.Emergency, 0, 17, "Girls", installed: 1);
        // A line nobody confirmed for ten days: shown, with a warning.
        var old = await CreateFacilityAsync(cadre, "Foyer Oublié", cp, null);
        await app.WithDbAsync(async db =>
        {
            db.FacilityCapacities.Add(new FacilityCapacity
            {
                FacilityId = old,
                DepartementCode = "98",
                CareType = CareType.Respite,
                AgeMinYears = 0,
                AgeMaxYears = 21,
                Installed = 4,
                Available = 4,
                UpdatedByName = "Mme Ancienne",
                UpdatedAt = DateTime.UtcNow.AddDays(-10),
            });
            return await db.SaveChangesAsync();
        });

        var web = await app.WebAsync("referent");
        var all = await PageHtml.GetPageAsync(web, $"/Facilities/Places?postalCode={cp}");
        Assert.Contains("Foyer du Tableau", all, StringComparison.Ordinal);
        Assert.Contains("<strong>3</strong> places", all, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> place<", all, StringComparison.Ordinal);
        Assert.Contains("0102030405", all, StringComparison.Ordinal);
        Assert.Contains("Mis à jour le ", all, StringComparison.Ordinal);
        Assert.Contains("par Test cadre", all, StringComparison.Ordinal);
        Assert.Contains("Chiffres anciens : mis à jour le", all, StringComparison.Ordinal);
        Assert.Contains("par Mme Ancienne, il y a plus de 7 jours", all, StringComparison.Ordinal);
        // Not seeking for a child: no request button.
        Assert.DoesNotContain("Demander une place", all, StringComparison.Ordinal);

        var emergency = await PageHtml.GetPageAsync(web, $"/Facilities/Places?postalCode={cp}&emergency=true");
        Assert.Contains("<strong>1</strong> place<", emergency, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>3</strong>", emergency, StringComparison.Ordinal);
        var boy = await PageHtml.GetPageAsync(web, $"/Facilities/Places?postalCode={cp}&age=8&sex=Male");
        Assert.Contains("<strong>3</strong> places", boy, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>1</strong> place<", boy, StringComparison.Ordinal);
        var teen = await PageHtml.GetPageAsync(web, $"/Facilities/Places?postalCode={cp}&age=16&careType=Permanent");
        Assert.Contains("Aucune place disponible ne correspond à ces critères", teen, StringComparison.Ordinal);
        var wrongAge = await PageHtml.GetPageAsync(web, $"/Facilities/Places?postalCode={cp}&age=40");
        Assert.Contains("L'âge va de 0 à 25 ans.", wrongAge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_places_screens_are_closed_to_who_has_not_their_permission()
    {
        var educator = await app.WebAsync("educator");
        Assert.Equal(HttpStatusCode.Forbidden, (await educator.GetAsync("/Facilities/Places")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await educator.GetAsync("/Facilities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await educator.GetAsync("/Facilities/Mine")).StatusCode);
        var partner = await app.WebAsync("partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/Facilities/Places")).StatusCode);
        // The référent finds places but does not update a facility's figures, nor read its inbox.
        var cadre = await app.ApiAsync("cadre");
        var facility = await CreateFacilityAsync(cadre, "Foyer Fermé", NextPostal(), null);
        var referent = await app.WebAsync("referent");
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync($"/Facilities/Places/{facility}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync($"/Facilities/Inbox/{facility}")).StatusCode);
        // A stranger to the child cannot seek a place for her: « not found », as for an unknown child.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.WebAsync("referent.sud")).GetAsync($"/Facilities/Places?childId={app.World.ChildElodie}")).StatusCode);
    }

    [Fact]
    public async Task A_request_sent_from_the_board_is_answered_in_the_inbox_without_the_name_and_holds_a_place()
    {
        var cadre = await app.ApiAsync("cadre");
        var (_, mecsService, chefName) = await app.CreateUserAsync(RoleCatalogue.HeadOfService, "pageschef");
        var cp = NextPostal();
        var mecs = await CreateFacilityAsync(cadre, "MECS Les Aulnes", cp, mecsService);
        var line = (await AddLineAsync(cadre, mecs, CareType.Permanent, 6, 14, "Any", installed: 2)).GetProperty("id").GetGuid();
        var child = app.World.ChildElodie;
        var referent = await app.WebAsync("referent");

        // « Une place pour cet enfant »: her name on top, her age pre-filled, a request button per row.
        var board = await PageHtml.GetPageAsync(referent, $"/Facilities/Places?childId={child}&postalCode={cp}");
        Assert.Contains("Une place pour D'Arc-Dupont Élodie Marie", board, StringComparison.Ordinal);
        Assert.Equal("11", PageHtml.InputValue(board, "age"));
        Assert.Contains("<strong>2</strong> places", board, StringComparison.Ordinal);
        Assert.Contains("Demander une place", board, StringComparison.Ordinal);
        var form = $"/Facilities/Requests/New?childId={child}&facilityId={mecs}&careType=Permanent";
        var formPage = await PageHtml.GetPageAsync(referent, form);
        Assert.Contains("MECS Les Aulnes", formPage, StringComparison.Ordinal);

        // Needs are required: the form comes back, nothing is written.
        var before = await app.WithDbAsync(db => db.PlacementRequests.CountAsync(r => r.ChildId == child));
        var fields = Draft(mecs);
        fields["Input.Needs"] = " ";
        var refused = await ArianeApp.PostFormAsync(referent, form, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Décrivez les besoins de l'enfant", await PageHtml.ReadAsync(refused), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.PlacementRequests.CountAsync(r => r.ChildId == child)));

        var sent = await ArianeApp.PostFormAsync(referent, form, Draft(mecs));
        var requestPage = await PageHtml.FollowAsync(referent, sent, "/Facilities/Requests/");
        var requestUrl = PageHtml.Location(sent);
        Assert.Contains("Demande envoyée au lieu d'accueil.", requestPage, StringComparison.Ordinal);
        Assert.Contains("MECS Les Aulnes", requestPage, StringComparison.Ordinal);
        Assert.Contains("Envoyée", requestPage, StringComparison.Ordinal);
        var requestId = Guid.Parse(requestUrl["/Facilities/Requests/".Length..], CultureInfo.InvariantCulture);
        Assert.Contains(requestUrl, await PageHtml.GetPageAsync(referent, $"/Facilities/Requests?childId={child}"), StringComparison.Ordinal);

        // The MECS's inbox: the request, never her name nor her dossier number.
        var chef = await app.WebAsync(chefName);
        var inboxUrl = $"/Facilities/Inbox/{mecs}";
        var inbox = await PageHtml.GetPageAsync(chef, inboxUrl);
        Assert.Contains("Scolarisée en CM2, a besoin d'un cadre contenant.", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("Élodie", inbox, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Arc-Dupont", inbox, StringComparison.OrdinalIgnoreCase);
        var dossier = await app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.DossierNumber).SingleAsync());
        Assert.DoesNotContain(dossier, inbox, StringComparison.Ordinal);
        Assert.Contains($"/Facilities/Inbox/{mecs}", await PageHtml.GetPageAsync(chef, "/Facilities/Mine"), StringComparison.Ordinal);

        var target = await app.WithDbAsync(db => db.PlacementRequestTargets.AsNoTracking().SingleAsync(t => t.RequestId == requestId));
        var accepted = await ArianeApp.PostFormAsync(chef, inboxUrl + "?handler=Answer", Answer(target, PlacementRequestStatus.Accepted, line), inboxUrl);
        Assert.Contains("Demande acceptée", await PageHtml.FollowAsync(chef, accepted, inboxUrl), StringComparison.Ordinal);
        Assert.Contains("Acceptée — place réservée", await PageHtml.GetPageAsync(referent, requestUrl), StringComparison.Ordinal);
        var after = await PageHtml.GetPageAsync(referent, $"/Facilities/Places?postalCode={cp}");
        Assert.Contains("<strong>1</strong> place<", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>2</strong> places", after, StringComparison.Ordinal);

        // The chef closes the last place on the phone screen: the board no longer shows the line; a second
        // request accepted on it gets « plus de place », said on the page, and nothing changes.
        var phoneUrl = $"/Facilities/Places/{mecs}";
        var version = await app.WithDbAsync(db => db.FacilityCapacities.Where(c => c.Id == line).Select(c => c.Version).SingleAsync());
        var closed = await ArianeApp.PostFormAsync(chef, phoneUrl, Figures(line, version, closed: 1), phoneUrl);
        Assert.Contains("0 places disponibles", await PageHtml.FollowAsync(chef, closed, phoneUrl), StringComparison.Ordinal);
        Assert.Contains("Aucune place disponible", await PageHtml.GetPageAsync(referent, $"/Facilities/Places?postalCode={cp}"), StringComparison.Ordinal);
        var second = await ArianeApp.PostFormAsync(referent, form, Draft(mecs));
        var secondId = Guid.Parse(PageHtml.Location(second)["/Facilities/Requests/".Length..], CultureInfo.InvariantCulture);
        var secondTarget = await app.WithDbAsync(db => db.PlacementRequestTargets.AsNoTracking().SingleAsync(t => t.RequestId == secondId));
        var full = await ArianeApp.PostFormAsync(chef, inboxUrl + "?handler=Answer", Answer(secondTarget, PlacementRequestStatus.Accepted, line), inboxUrl);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains("Plus de place disponible sur cette ligne. Rien n'a été enregistré", await PageHtml.ReadAsync(full), StringComparison.Ordinal);
        Assert.Equal(PlacementRequestStatus.Sent, await app.WithDbAsync(db => db.PlacementRequestTargets.Where(t => t.Id == secondTarget.Id).Select(t => t.Status).SingleAsync()));

        // A refusal needs its reason, then reaches the requester with it.
        var noReason = await ArianeApp.PostFormAsync(chef, inboxUrl + "?handler=Answer", Answer(secondTarget, PlacementRequestStatus.Refused, null), inboxUrl);
        Assert.Contains("Indiquez le motif du refus.", await PageHtml.ReadAsync(noReason), StringComparison.Ordinal);
        var refusal = Answer(secondTarget, PlacementRequestStatus.Refused, null);
        refusal["Answer.Note"] = "Plus de place pour cette tranche d'âge.";
        await PageHtml.FollowAsync(chef, await ArianeApp.PostFormAsync(chef, inboxUrl + "?handler=Answer", refusal, inboxUrl), inboxUrl);
        var refusedPage = await PageHtml.GetPageAsync(referent, $"/Facilities/Requests/{secondId}");
        Assert.Contains("Refusée", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Motif : Plus de place pour cette tranche d'âge.", refusedPage, StringComparison.Ordinal);

        // « Retirer la demande » asks first, then frees the held place.
        var confirm = await PageHtml.GetPageAsync(referent, requestUrl + "?confirm=true");
        Assert.Contains("Retirer la demande ?", confirm, StringComparison.Ordinal);
        var withdrawn = await ArianeApp.PostFormAsync(referent, requestUrl + "?handler=Withdraw", [], requestUrl + "?confirm=true");
        Assert.Contains("Retirée", await PageHtml.FollowAsync(referent, withdrawn, requestUrl), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.FacilityCapacities.Where(c => c.Id == line).Select(c => c.Held).SingleAsync()));
    }

    [Fact]
    public async Task A_facility_asks_for_more_the_requester_answers_on_the_request_and_the_facility_reads_it_and_can_answer_again()
    {
        var cadre = await app.ApiAsync("cadre");
        var (_, service, chefName) = await app.CreateUserAsync(RoleCatalogue.HeadOfService, "pagesquestion");
        var cp = NextPostal();
        var mecs = await CreateFacilityAsync(cadre, "MECS Les Charmes", cp, service);
        await AddLineAsync(cadre, mecs, CareType.Permanent, 6, 14, "Any", installed: 1);
        var referent = await app.WebAsync("referent");
        var form = $"/Facilities/Requests/New?childId={app.World.ChildElodie}&facilityId={mecs}&careType=Permanent";
        var sent = await ArianeApp.PostFormAsync(referent, form, Draft(mecs));
        var requestUrl = PageHtml.Location(sent);
        var requestId = Guid.Parse(requestUrl["/Facilities/Requests/".Length..], CultureInfo.InvariantCulture);
        var chef = await app.WebAsync(chefName);
        var inboxUrl = $"/Facilities/Inbox/{mecs}";
        var target = await app.WithDbAsync(db => db.PlacementRequestTargets.AsNoTracking().SingleAsync(t => t.RequestId == requestId));
        var question = Answer(target, PlacementRequestStatus.InformationMissing, null);
        question["Answer.Note"] = "Suit-elle un traitement ?";
        await PageHtml.FollowAsync(chef, await ArianeApp.PostFormAsync(chef, inboxUrl + "?handler=Answer", question, inboxUrl), inboxUrl);

        // The requester reads the question with a field to answer it; an empty answer is refused and changes nothing.
        var asked = await PageHtml.GetPageAsync(referent, requestUrl);
        Assert.Contains("Question : Suit-elle un traitement ?", asked, StringComparison.Ordinal);
        Assert.Contains("Votre réponse à MECS Les Charmes", asked, StringComparison.Ordinal);
        target = await app.WithDbAsync(db => db.PlacementRequestTargets.AsNoTracking().SingleAsync(t => t.Id == target.Id));
        var replyUrl = $"{requestUrl}?handler=Reply&targetId={target.Id}";
        var empty = await ArianeApp.PostFormAsync(referent, replyUrl, new() { ["Reply.Reply"] = " ", ["Reply.Version"] = target.Version.ToString(CultureInfo.InvariantCulture) }, requestUrl);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Écrivez la réponse à la question du lieu d'accueil.", await PageHtml.ReadAsync(empty), StringComparison.Ordinal);
        Assert.Equal(PlacementRequestStatus.InformationMissing, await app.WithDbAsync(db => db.PlacementRequestTargets.Where(t => t.Id == target.Id).Select(t => t.Status).SingleAsync()));

        // A stale version (the facility changed its answer meanwhile) writes nothing either.
        var stale = await ArianeApp.PostFormAsync(referent, replyUrl, new() { ["Reply.Reply"] = "Non.", ["Reply.Version"] = (target.Version - 1).ToString(CultureInfo.InvariantCulture) }, requestUrl);
        Assert.Contains("a changé sa réponse entre-temps", await PageHtml.ReadAsync(stale), StringComparison.Ordinal);
        Assert.DoesNotContain("Non.", await app.WithDbAsync(db => db.PlacementRequests.Where(r => r.Id == requestId).Select(r => r.Needs).SingleAsync()), StringComparison.Ordinal);

        var answered = await ArianeApp.PostFormAsync(referent, replyUrl, new() { ["Reply.Reply"] = "Aucun traitement, suivi orthophonique le mercredi.", ["Reply.Version"] = target.Version.ToString(CultureInfo.InvariantCulture) }, requestUrl);
        var after = await PageHtml.FollowAsync(referent, answered, requestUrl);
        Assert.Contains("Réponse envoyée", after, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge\">Envoyée</span>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Votre réponse à MECS Les Charmes", after, StringComparison.Ordinal);

        // The facility reads the question and the answer in the request, open again for its answer; it was notified.
        var inbox = await PageHtml.GetPageAsync(chef, inboxUrl);
        Assert.Contains("à la question « Suit-elle un traitement ? » : Aucun traitement, suivi orthophonique le mercredi.", inbox, StringComparison.Ordinal);
        Assert.Equal(PlacementRequestStatus.Sent, await app.WithDbAsync(db => db.PlacementRequestTargets.Where(t => t.Id == target.Id).Select(t => t.Status).SingleAsync()));
        var chefId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == chefName).Select(u => u.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == chefId && n.Title == "Réponse à votre question")));

        // Answering once more is refused: the facility no longer waits for anything.
        target = await app.WithDbAsync(db => db.PlacementRequestTargets.AsNoTracking().SingleAsync(t => t.Id == target.Id));
        var again = await (await app.ApiAsync("referent")).PostAsJsonAsync($"/api/v1/placement-requests/{requestId}/targets/{target.Id}/reply", new { reply = "Encore.", version = target.Version });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task The_phone_screen_changes_the_closed_places_the_board_follows_and_a_stale_version_writes_nothing()
    {
        var cadre = await app.ApiAsync("cadre");
        var (_, service, chefName) = await app.CreateUserAsync(RoleCatalogue.HeadOfService, "pagesphone");
        var cp = NextPostal();
        var facility = await CreateFacilityAsync(cadre, "Foyer Téléphone", cp, service);
        var created = await AddLineAsync(cadre, facility, CareType.Permanent, 0, 21, "Any", installed: 5);
        var line = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();
        var chef = await app.WebAsync(chefName);
        var url = $"/Facilities/Places/{facility}";
        var screen = await PageHtml.GetPageAsync(chef, url);
        Assert.Contains("Installées", screen, StringComparison.Ordinal);
        Assert.Contains("En attente d'arrivée", screen, StringComparison.Ordinal);
        Assert.Contains("<strong>5</strong> places disponibles", screen, StringComparison.Ordinal);

        var saved = await ArianeApp.PostFormAsync(chef, url, Figures(line, version, closed: 2), url);
        var page = await PageHtml.FollowAsync(chef, saved, url);
        Assert.Contains("Places enregistrées : 3 places disponibles sur cette ligne.", page, StringComparison.Ordinal);
        Assert.Contains("<strong>3</strong> places", await PageHtml.GetPageAsync(await app.WebAsync("referent"), $"/Facilities/Places?postalCode={cp}"), StringComparison.Ordinal);

        // The same form sent again with the version read before: refused, shown, nothing written.
        var stale = await ArianeApp.PostFormAsync(chef, url, Figures(line, version, closed: 4), url);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var conflict = await PageHtml.ReadAsync(stale);
        Assert.Contains("Quelqu'un a modifié ces chiffres entre-temps", conflict, StringComparison.Ordinal);
        Assert.Contains("fermées 4", conflict, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.FacilityCapacities.Where(c => c.Id == line).Select(c => c.Closed).SingleAsync()));

        // A figure out of range: the French message, nothing written.
        var current = await app.WithDbAsync(db => db.FacilityCapacities.Where(c => c.Id == line).Select(c => c.Version).SingleAsync());
        var bad = await ArianeApp.PostFormAsync(chef, url, Figures(line, current, closed: -1), url);
        Assert.Contains("Le nombre de places fermées va de 0 à 999.", await PageHtml.ReadAsync(bad), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.FacilityCapacities.Where(c => c.Id == line).Select(c => c.Closed).SingleAsync()));

        // The directory (cadre) shows the facility and who updated its line.
        var cadreWeb = await app.WebAsync("cadre");
        Assert.Contains($"/Facilities/Details/{facility}", await PageHtml.GetPageAsync(cadreWeb, "/Facilities"), StringComparison.Ordinal);
        var details = await PageHtml.GetPageAsync(cadreWeb, $"/Facilities/Details/{facility}");
        Assert.Contains("980000001", details, StringComparison.Ordinal);
        Assert.Contains("par pagesphone head_of_service", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cadre_declares_a_facility_and_a_line_of_places_from_the_pages_and_the_board_shows_them()
    {
        var cadre = await app.WebAsync("cadre");
        var cp = NextPostal();
        var name = $"Foyer Déclaré {cp}";
        var form = await PageHtml.GetPageAsync(cadre, "/Facilities/Edit");
        var fields = PageHtml.DefaultFields(form);
        fields["Input.Name"] = name;
        fields["Input.PlaceKind"] = "Establishment";
        fields["Input.DepartementCode"] = "98";
        fields["Input.PostalCode"] = cp;
        fields["Input.City"] = "Testville";
        fields["Input.ContactName"] = "Permanence de nuit";
        fields["Input.ContactPhone"] = "0102030405";
        fields["Input.PublishesPlaces"] = "true";
        fields["Input.IsActive"] = "true";

        // Without a name: the French message, nothing declared.
        var nameless = new Dictionary<string, string>(fields) { ["Input.Name"] = "" };
        var refused = await PageHtml.SubmitAsync(cadre, "/Facilities/Edit", form, nameless);
        Assert.Contains("Le nom est obligatoire.", await PageHtml.ReadAsync(refused), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Facilities.AnyAsync(f => f.PostalCode == cp)));

        var details = await PageHtml.FollowAsync(cadre, await PageHtml.SubmitAsync(cadre, "/Facilities/Edit", form, fields), "/Facilities/Details/");
        Assert.Contains("Lieu d'accueil déclaré.", System.Net.WebUtility.HtmlDecode(details), StringComparison.Ordinal);
        var facility = await app.WithDbAsync(db => db.Facilities.Where(f => f.PostalCode == cp).Select(f => f.Id).SingleAsync());

        // A line of places: 3 installed, 1 closed, for girls of 6 to 12, from its own page.
        var capacityUrl = $"/Facilities/Capacity/{facility}";
        var capacityForm = await PageHtml.GetPageAsync(cadre, capacityUrl);
        var line = PageHtml.DefaultFields(capacityForm);
        line["Input.CareType"] = "Permanent";
        line["Input.AcceptedSex"] = "Girls";
        line["Input.AgeMinYears"] = "6";
        line["Input.AgeMaxYears"] = "12";
        line["Input.Installed"] = "3";
        line["Input.Supplementary"] = "0";
        line["Input.Reserved"] = "0";
        line["Input.Closed"] = "1";
        var backwards = new Dictionary<string, string>(line) { ["Input.AgeMinYears"] = "14" };
        var badAges = await PageHtml.ReadAsync(await PageHtml.SubmitAsync(cadre, capacityUrl, capacityForm, backwards));
        Assert.Contains("La tranche d'âge va de 0 à 25 ans, l'âge minimum avant l'âge maximum.", System.Net.WebUtility.HtmlDecode(badAges), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.FacilityCapacities.AnyAsync(c => c.FacilityId == facility)));
        var declared = await PageHtml.FollowAsync(cadre, await PageHtml.SubmitAsync(cadre, capacityUrl, capacityForm, line), "/Facilities/Details/");
        Assert.Contains("Ligne de places déclarée : 2 places disponibles.", System.Net.WebUtility.HtmlDecode(declared), StringComparison.Ordinal);

        var board = await PageHtml.GetPageAsync(await app.WebAsync("referent"), $"/Facilities/Places?postalCode={cp}");
        Assert.Contains(name, System.Net.WebUtility.HtmlDecode(board), StringComparison.Ordinal);
        Assert.Contains("<strong>2</strong> places", board, StringComparison.Ordinal);
        Assert.Contains("Permanence de nuit", System.Net.WebUtility.HtmlDecode(board), StringComparison.Ordinal);

        // Renamed from the edit page; the referent, who may not manage facilities, is refused the form.
        var editUrl = $"/Facilities/Edit/{facility}";
        var editForm = await PageHtml.GetPageAsync(cadre, editUrl);
        var edit = PageHtml.DefaultFields(editForm);
        foreach (var (key, value) in fields.Where(f => f.Key.StartsWith("Input.", StringComparison.Ordinal)))
        {
            edit[key] = value;
        }

        edit["Input.Version"] = PageHtml.InputValue(editForm, "Input.Version")!;
        edit["Input.Name"] = $"Foyer Renommé {cp}";
        var renamed = await PageHtml.FollowAsync(cadre, await PageHtml.SubmitAsync(cadre, editUrl, editForm, edit), "/Facilities/Details/");
        Assert.Contains($"Foyer Renommé {cp}", System.Net.WebUtility.HtmlDecode(renamed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.WebAsync("referent")).GetAsync(editUrl)).StatusCode);

        // The same stale version again: a conflict, the name stays.
        var stale = await PageHtml.ReadAsync(await PageHtml.SubmitAsync(cadre, editUrl, editForm, new Dictionary<string, string>(edit) { ["Input.Name"] = "Écrasé" }));
        Assert.Contains("Quelqu'un a modifié ce lieu d'accueil entre-temps", System.Net.WebUtility.HtmlDecode(stale), StringComparison.Ordinal);
        Assert.Equal($"Foyer Renommé {cp}", await app.WithDbAsync(db => db.Facilities.Where(f => f.Id == facility).Select(f => f.Name).SingleAsync()));
    }

    private static Dictionary<string, string> Draft(Guid facility) => new()
    {
        ["Input.FacilityIds"] = facility.ToString(),
        ["Input.CareType"] = "Permanent",
        ["Input.WantedFrom"] = DateTime.UtcNow.AddDays(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ["Input.Needs"] = "Scolarisée en CM2, a besoin d'un cadre contenant.",
        ["Input.SiblingsTogether"] = "0",
        ["Input.ContactPhone"] = "0102030405",
    };

    private static Dictionary<string, string> Answer(PlacementRequestTarget target, PlacementRequestStatus status, Guid? capacity)
    {
        var fields = new Dictionary<string, string>
        {
            ["Answer.RequestId"] = target.RequestId.ToString(),
            ["Answer.TargetId"] = target.Id.ToString(),
            ["Answer.Version"] = target.Version.ToString(CultureInfo.InvariantCulture),
            ["Answer.Status"] = status.ToString(),
        };
        if (capacity is { } c)
        {
            fields["Answer.CapacityId"] = c.ToString();
        }

        return fields;
    }

    private static Dictionary<string, string> Figures(Guid line, int version, int closed) => new()
    {
        ["Figures.CapacityId"] = line.ToString(),
        ["Figures.Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["Figures.Reserved"] = "0",
        ["Figures.Closed"] = closed.ToString(CultureInfo.InvariantCulture),
        ["Figures.Supplementary"] = "0",
    };

    private static async Task<Guid> CreateFacilityAsync(HttpClient cadre, string name, string cp, Guid? serviceId)
    {
        var response = await cadre.PostAsJsonAsync("/api/v1/facilities", new
        {
            name,
            departementCode = "98",
            placeKind = "Establishment",
            serviceId,
            finess = "980000001",
            postalCode = cp,
            city = "Testville",
            contactName = "Permanence",
            contactPhone = "0102030405",
            publishesPlaces = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Json.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<System.Text.Json.JsonElement> AddLineAsync(HttpClient cadre, Guid facility, CareType type, int min, int max, string sex, int installed)
    {
        var response = await cadre.PostAsJsonAsync($"/api/v1/facilities/{facility}/capacities", new
        {
            careType = type.ToString(),
            ageMinYears = min,
            ageMaxYears = max,
            acceptedSex = sex,
            installed,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await Json.ReadAsync(response);
    }
}

public sealed class FacilityPagesTests_Sqlite(SqliteApp app) : FacilityPagesTests(app), IClassFixture<SqliteApp>;

public sealed class FacilityPagesTests_Postgres(PostgresApp app) : FacilityPagesTests(app), IClassFixture<PostgresApp>;
