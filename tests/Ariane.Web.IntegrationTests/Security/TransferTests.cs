using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>
/// A child passes from one département to another (docs/decisions/0007-tenancy.md, Transfers): the
/// référent proposes, the receiving CRIP accepts; the receiving side then sees the whole record and the
/// sending référent reads what was recorded before, for the period only. Own app: the child moves for good.
/// </summary>
public abstract class TransferTests(ArianeApp app)
{
    /// <summary>Dates run by the day in France (docs/domain.md): the same "today" as the app's.</summary>
    private static DateOnly ParisToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

    [Fact]
    public async Task A_child_transferred_and_accepted_follows_its_record_and_the_sender_reads_it_for_the_period_only()
    {
        var child = app.World.ChildNord;
        var referent = await app.ApiAsync("referent");
        var collines = await app.ApiAsync("crip.collines");
        var today = ParisToday;

        // Before: the receiving département knows nothing of the child, and nobody else may propose.
        Assert.Equal(HttpStatusCode.NotFound, (await collines.GetAsync($"/api/v1/children/{child}")).StatusCode);
        var byCrip = await (await app.ApiAsync("crip")).PostAsJsonAsync($"/api/v1/children/{child}/transfers",
            new { toDepartementCode = "97", effectiveOn = today, reason = "Déménagement de la famille" });
        Assert.Equal(HttpStatusCode.Forbidden, byCrip.StatusCode);
        var invalid = await referent.PostAsJsonAsync($"/api/v1/children/{child}/transfers", new { toDepartementCode = "98", effectiveOn = today, reason = "court" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await Json.ReadAsync(invalid)).GetProperty("errors");
        Assert.Contains("relève déjà", errors.GetProperty("toDepartementCode")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("reason", out _));

        // The référent proposes; both sides see it pending.
        var proposed = await referent.PostAsJsonAsync($"/api/v1/children/{child}/transfers", new
        {
            toDepartementCode = "97",
            effectiveOn = today,
            reason = "Déménagement de la mère et de l'enfant dans les Collines",
            noteForReceivers = "Audience prévue en janvier ; la mère est joignable le matin.",
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var transfer = await Json.ReadAsync(proposed);
        var transferId = transfer.GetProperty("id").GetGuid();
        var incoming = await Json.ReadAsync(await collines.GetAsync("/api/v1/transfers"));
        Assert.Equal(transferId, Assert.Single(incoming.GetProperty("incoming").EnumerateArray()).GetProperty("id").GetGuid());
        var outgoing = await Json.ReadAsync(await referent.GetAsync("/api/v1/transfers"));
        Assert.Equal(transferId, Assert.Single(outgoing.GetProperty("outgoing").EnumerateArray()).GetProperty("id").GetGuid());
        var again = await referent.PostAsJsonAsync($"/api/v1/children/{child}/transfers", new { toDepartementCode = "97", effectiveOn = today, reason = "Une seconde proposition" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        // A stranger to both départements does not learn the transfer exists; the sender cannot accept it.
        var partner = await app.ApiAsync("partner");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync($"/api/v1/transfers/{transferId}/decision", new { decision = "Accept", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PostAsJsonAsync($"/api/v1/transfers/{transferId}/decision", new { decision = "Accept", version = 0 })).StatusCode);

        // The receiving CRIP accepts.
        var accepted = await collines.PostAsJsonAsync($"/api/v1/transfers/{transferId}/decision", new { decision = "Accept", version = 0 });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var decided = await Json.ReadAsync(accepted);
        Assert.Equal("Accepted", decided.GetProperty("state").GetString());
        Assert.Equal(today.AddMonths(6), DateOnly.Parse(decided.GetProperty("sendingReadUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var stale = await collines.PostAsJsonAsync($"/api/v1/transfers/{transferId}/decision", new { decision = "Refuse", reason = "Trop tard", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // The receiving side sees the whole record, and completes it.
        var record = await Json.ReadAsync(await collines.GetAsync($"/api/v1/children/{child}"));
        Assert.Equal("97", record.GetProperty("responsibleDepartementCode").GetString());
        Assert.Equal("Bernard", record.GetProperty("birthName").GetString());
        var before = record.GetProperty("linkedPersons").GetArrayLength();
        Assert.True(before > 0);
        var added = await collines.PostAsJsonAsync($"/api/v1/children/{child}/linked-persons", new
        {
            person = new { relation = "Other", lastName = "Nouvelle", firstNames = "Voisine", hasParentalAuthority = false },
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        // The sending référent reads what was recorded before the transfer, and changes nothing.
        var read = await referent.GetAsync($"/api/v1/children/{child}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var senderView = await Json.ReadAsync(read);
        Assert.Equal("FormerDepartement", senderView.GetProperty("accessBasis").GetString());
        Assert.Equal(before, senderView.GetProperty("linkedPersons").GetArrayLength());
        Assert.DoesNotContain(senderView.GetProperty("linkedPersons").EnumerateArray(), p => p.GetProperty("lastName").GetString() == "Nouvelle");
        var write = await referent.PutAsJsonAsync($"/api/v1/children/{child}", new { birthName = "Bernard", firstNames = "Camille", sex = "Female", version = record.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        // The sending ASE service no longer follows the child; the sending département's CRIP reads too.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsync("crip")).GetAsync($"/api/v1/children/{child}")).StatusCode);
        Assert.Contains(child, Json.Ids(await Json.ReadAsync(await referent.GetAsync("/api/v1/children?q=bernard"))));

        // Every step is on record, and on the child's page.
        var events = await app.WithDbAsync(db => db.AuditRecords.Where(r => r.ChildId == child).Select(r => r.EventType).ToListAsync());
        Assert.Contains(AuditEventType.TransferProposed, events);
        Assert.Contains(AuditEventType.TransferAccepted, events);
        var page = await PageHtml.GetPageAsync(await app.WebAsync("crip.collines"), $"/Children/Details/{child}");
        Assert.Contains("Transferts entre départements", page, StringComparison.Ordinal);
        Assert.Contains("Département des Collines", page, StringComparison.Ordinal);

        // After the period, the sending side has no access at all: not found, like any stranger.
        await app.WithDbAsync(db => db.DepartementTransfers.Where(t => t.Id == transferId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SendingReadUntil, today.AddDays(-1))));
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync($"/api/v1/children/{child}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync("crip")).GetAsync($"/api/v1/children/{child}")).StatusCode);
        Assert.DoesNotContain(child, Json.Ids(await Json.ReadAsync(await referent.GetAsync("/api/v1/children?q=bernard"))));
        Assert.Equal(HttpStatusCode.OK, (await collines.GetAsync($"/api/v1/children/{child}")).StatusCode);
    }

    [Fact]
    public async Task The_referent_proposes_from_the_record_page_and_a_stranger_gets_no_board()
    {
        var web = await app.WebAsync("referent");
        var child = app.World.ChildElodie;
        var record = await PageHtml.GetPageAsync(web, $"/Children/Details/{child}");
        Assert.Contains($"/Transfers/Propose/{child}", record, StringComparison.OrdinalIgnoreCase);
        var form = await PageHtml.GetPageAsync(web, $"/Transfers/Propose/{child}");
        Assert.Contains("Département des Collines (97)", form, StringComparison.Ordinal);

        var empty = await PageHtml.SubmitAsync(web, $"/Transfers/Propose/{child}", form, new() { ["Input.ToDepartementCode"] = "97", ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Le motif est obligatoire.", PageHtml.FieldError(await PageHtml.ReadAsync(empty), "Input.Reason"));
        Assert.False(await app.WithDbAsync(db => db.DepartementTransfers.AnyAsync(t => t.ChildId == child)));

        // The form comes with today's date as the day of reprise, as the browser sends it back.
        var fields = PageHtml.DefaultFields(form);
        var date = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.EffectiveOn\" value=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(ParisToday.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), date);
        fields["Input.EffectiveOn"] = date;
        var sent = await PageHtml.SubmitAsync(web, $"/Transfers/Propose/{child}", form, new(fields)
        {
            ["Input.ToDepartementCode"] = "97",
            ["Input.Reason"] = "Déménagement de la famille à Mont-les-Collines",
        });
        var after = await PageHtml.FollowAsync(web, sent, $"/Children/Details/{child}");
        Assert.Contains("Transfert proposé au Département des Collines", after, StringComparison.Ordinal);

        // Neither the educator of the MECS nor the partner has a transfers board.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.WebAsync("educator")).GetAsync("/Transfers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsync("partner")).GetAsync("/api/v1/transfers")).StatusCode);
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_leaves_the_child_where_it_was()
    {
        var child = app.World.ChildSud;
        var referent = await app.ApiAsync("referent.sud");
        var collines = await app.ApiAsync("crip.collines");
        var proposed = await referent.PostAsJsonAsync($"/api/v1/children/{child}/transfers", new
        {
            toDepartementCode = "97",
            effectiveOn = DateOnly.FromDateTime(DateTime.UtcNow),
            reason = "La famille pense déménager dans les Collines",
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var transferId = (await Json.ReadAsync(proposed)).GetProperty("id").GetGuid();

        // The receiving CRIP's board shows it, with the reason, ready to be decided; the proposing page
        // is no longer offered on the child's record while it waits.
        var board = await PageHtml.GetPageAsync(await app.WebAsync("crip.collines"), "/Transfers");
        Assert.Contains("Moreau Inès", board, StringComparison.Ordinal);
        Assert.Contains("La famille pense déménager dans les Collines", board, StringComparison.Ordinal);
        Assert.Contains("Accepter le transfert", board, StringComparison.Ordinal);
        Assert.Contains("À décider par votre département (", board, StringComparison.Ordinal);
        // The référent who proposed it decides nothing: their board does not call it theirs to decide.
        var sender = await PageHtml.GetPageAsync(await app.WebAsync("referent.sud"), "/Transfers");
        Assert.Contains("Reçus par votre département, en attente (", sender, StringComparison.Ordinal);
        Assert.DoesNotContain("À décider", sender, StringComparison.Ordinal);
        var record = await PageHtml.GetPageAsync(await app.WebAsync("referent.sud"), $"/Children/Details/{child}");
        Assert.DoesNotContain("Proposer un transfert", record, StringComparison.Ordinal);
        Assert.Contains("En attente de réponse", record, StringComparison.Ordinal);

        var noReason = await collines.PostAsJsonAsync($"/api/v1/transfers/{transferId}/decision", new { decision = "Refuse", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var refused = await collines.PostAsJsonAsync($"/api/v1/transfers/{transferId}/decision", new { decision = "Refuse", reason = "La famille n'a pas d'adresse dans les Collines.", version = 0 });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        Assert.Equal("98", await app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.ResponsibleDepartementCode).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await collines.GetAsync($"/api/v1/children/{child}")).StatusCode);
        var senderBoard = await Json.ReadAsync(await referent.GetAsync("/api/v1/transfers"));
        var decided = Assert.Single(senderBoard.GetProperty("decided").EnumerateArray(), t => t.GetProperty("id").GetGuid() == transferId);
        Assert.Equal("La famille n'a pas d'adresse dans les Collines.", decided.GetProperty("decisionReason").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.ChildId == child && r.EventType == AuditEventType.TransferRefused)));
        Assert.Equal(TransferState.Refused, await app.WithDbAsync(db => db.DepartementTransfers.Where(t => t.Id == transferId).Select(t => t.State).SingleAsync()));
    }

    [Fact]
    public async Task A_former_departement_reads_up_to_its_own_hand_over_and_nothing_of_the_next_one()
    {
        var child = app.World.ChildLoic;
        var today = ParisToday;
        // A service and a worker of the sending département that were to begin today and tomorrow.
        await app.WithDbAsync(async db =>
        {
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child, ServiceId = app.World.Services["nord"], StartsOn = today });
            db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child, UserId = app.World.Users["referent"], Role = WorkerRole.CaseWorker, StartsOn = today.AddDays(1) });
            return await db.SaveChangesAsync();
        });
        var cadre = await app.ApiAsync("cadre");
        var proposed = await cadre.PostAsJsonAsync($"/api/v1/children/{child}/transfers", new { toDepartementCode = "97", effectiveOn = today, reason = "Déménagement chez la grand-mère" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var first = (await Json.ReadAsync(proposed)).GetProperty("id").GetGuid();

        // Only the three decisions exist: a made-up one is refused, and changes nothing.
        var collines = await app.ApiAsync("crip.collines");
        var madeUp = await collines.PostAsJsonAsync($"/api/v1/transfers/{first}/decision", new { decision = 9, version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, madeUp.StatusCode);
        Assert.Equal(TransferState.Proposed, await app.WithDbAsync(db => db.DepartementTransfers.Where(t => t.Id == first).Select(t => t.State).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await collines.PostAsJsonAsync($"/api/v1/transfers/{first}/decision", new { decision = "Accept", version = 0 })).StatusCode);

        // What had not begun never takes effect: the sending service and worker do not follow the child today.
        Assert.False(await app.WithDbAsync(db => db.ServiceAssignments.AnyAsync(a => a.ChildId == child && a.ServiceId == app.World.Services["nord"])));
        Assert.False(await app.WithDbAsync(db => db.WorkerAssignments.AnyAsync(w => w.ChildId == child && w.UserId == app.World.Users["referent"])));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync("referent")).GetAsync($"/api/v1/children/{child}")).StatusCode);

        // The Collines record a new address, then pass the child on to a third département.
        var collinesCadre = await app.CreateUserInAsync(app.World.Services["crip.collines"], RoleCatalogue.Cadre, "collines");
        var third = await app.CreateDepartementAsync("96", "Département des Plaines");
        await app.CreateUserInAsync(third, RoleCatalogue.Cadre, "plaines");
        var collinesWriter = await app.ApiAsync($"collines.{RoleCatalogue.Cadre}");
        var added = await collinesWriter.PostAsJsonAsync($"/api/v1/children/{child}/linked-persons", new
        {
            person = new { relation = "Other", lastName = "Grand-Mère", firstNames = "Odile", hasParentalAuthority = false },
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var onward = await collinesWriter.PostAsJsonAsync($"/api/v1/children/{child}/transfers", new
        {
            toDepartementCode = "96",
            effectiveOn = today,
            reason = "Nouveau déménagement vers les Plaines",
            noteForReceivers = "Note des Collines pour les Plaines",
        });
        Assert.Equal(HttpStatusCode.Created, onward.StatusCode);
        var second = (await Json.ReadAsync(onward)).GetProperty("id").GetGuid();
        // A third département's cadre, with every transfer right, is told nothing of a transfer between two others.
        var stranger = await app.CreateUserInAsync(await app.CreateDepartementAsync("95", "Département des Marais"), RoleCatalogue.Cadre, "marais");
        Assert.NotEqual(Guid.Empty, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync($"marais.{RoleCatalogue.Cadre}")).PostAsJsonAsync($"/api/v1/transfers/{second}/decision", new { decision = "Accept", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsync($"plaines.{RoleCatalogue.Cadre}")).PostAsJsonAsync($"/api/v1/transfers/{second}/decision", new { decision = "Accept", version = 0 })).StatusCode);
        Assert.NotEqual(Guid.Empty, collinesCadre);

        // « 98 » still reads, up to its own hand-over: not what the Collines recorded, not their transfer.
        var view = await Json.ReadAsync(await cadre.GetAsync($"/api/v1/children/{child}"));
        Assert.Equal("FormerDepartement", view.GetProperty("accessBasis").GetString());
        Assert.DoesNotContain(view.GetProperty("linkedPersons").EnumerateArray(), p => p.GetProperty("lastName").GetString() == "Grand-Mère");
        var page = await PageHtml.GetPageAsync(await app.WebAsync("cadre"), $"/Children/Details/{child}");
        Assert.Contains("Dossier transféré au Département des Collines", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Plaines", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Grand-Mère", page, StringComparison.Ordinal);
        // Nor who opened the record since it left.
        Assert.DoesNotContain($"/Audit/ChildLog/{child}", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.WebAsync("cadre")).GetAsync($"/Audit/ChildLog/{child}")).StatusCode);

        // The Collines, former too, read their own addition.
        var collinesView = await Json.ReadAsync(await collinesWriter.GetAsync($"/api/v1/children/{child}"));
        Assert.Contains(collinesView.GetProperty("linkedPersons").EnumerateArray(), p => p.GetProperty("lastName").GetString() == "Grand-Mère");
    }
}

public sealed class TransferTests_Sqlite(SqliteApp app) : TransferTests(app), IClassFixture<SqliteApp>;

public sealed class TransferTests_Postgres(PostgresApp app) : TransferTests(app), IClassFixture<PostgresApp>;
