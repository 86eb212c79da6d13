using System.Net;
using System.Text.RegularExpressions;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Pages;

/// <summary>Exceptional access and its oversight through the pages: break-the-glass, alerts, delegations, audit.</summary>
public abstract class AccessPagesTests(ArianeApp app)
{
    [Fact]
    public async Task Break_the_glass_asks_for_a_real_reason_opens_the_record_with_a_banner_and_the_cadre_acknowledges_the_alert()
    {
        var child = app.World.ChildSud;
        var educator = await app.WebAsync("educator");
        Assert.Equal(HttpStatusCode.NotFound, (await educator.GetAsync($"/Children/Details/{child}")).StatusCode);

        var tooShort = await ArianeApp.PostFormAsync(educator, "/Access/BreakGlass", new()
        {
            ["ChildId"] = child.ToString(),
            ["Reason"] = "urgence",
        });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        var refused = await PageHtml.ReadAsync(tooShort);
        Assert.Equal("Décrivez la situation d'urgence en au moins 15 caractères.", PageHtml.FieldError(refused, "Reason"));
        Assert.False(await app.WithDbAsync(db => db.BreakGlassAccesses.AnyAsync(b => b.ChildId == child)));
        Assert.Equal(HttpStatusCode.NotFound, (await educator.GetAsync($"/Children/Details/{child}")).StatusCode);

        // The on-call procedure gives the dossier number (the GUID, above, still works).
        const string reason = "Fugue signalée cette nuit par la gendarmerie, besoin des contacts des parents";
        var number = await app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.DossierNumber).SingleAsync());
        var opened = await PageHtml.SubmitAsync(educator, "/Access/BreakGlass", refused, new()
        {
            ["ChildId"] = number,
            ["Reason"] = reason,
        });
        var record = await PageHtml.FollowAsync(educator, opened, $"/Children/Details/{child}");
        Assert.Contains("Accès d'urgence ouvert jusqu'au", record, StringComparison.Ordinal);
        Assert.Contains("Accès d'urgence (bris de glace) jusqu'au", record, StringComparison.Ordinal);
        Assert.Contains("Consultation seulement. Cet accès est tracé et a été signalé au cadre", record, StringComparison.Ordinal);
        Assert.Contains("<h1>Moreau Inès</h1>", record, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Children/Edit/{child}", record, StringComparison.OrdinalIgnoreCase);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r =>
            r.EventType == AuditEventType.ChildViewed && r.ChildId == child && r.UserName == "educator" && r.AccessBasis == AccessBasis.BreakGlass)));

        var cadre = await app.WebAsync("cadre");
        var alerts = await PageHtml.GetPageAsync(cadre, "/Audit/Alerts");
        Assert.Contains(reason, alerts, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Professionnel\">Test educator</td>", alerts, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Audit/ChildLog/{child}\"", alerts, StringComparison.OrdinalIgnoreCase);
        var alertId = await app.WithDbAsync(db => db.AccessAlerts.Where(a => a.ChildId == child).Select(a => a.Id).SingleAsync());
        Assert.Contains($"name=\"alertId\" value=\"{alertId}\"", alerts, StringComparison.OrdinalIgnoreCase);

        var acknowledged = await PageHtml.SubmitAsync(cadre, "/Audit/Alerts?handler=Acknowledge", alerts, new() { ["alertId"] = alertId.ToString() });
        var open = await PageHtml.FollowAsync(cadre, acknowledged, "/Audit/Alerts");
        Assert.Contains("Alerte marquée comme examinée.", open, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, open, StringComparison.Ordinal);
        var all = await PageHtml.GetPageAsync(cadre, "/Audit/Alerts?all=true");
        Assert.Contains(reason, all, StringComparison.Ordinal);
        Assert.Contains("examinée le", all, StringComparison.Ordinal);

        var alert = await app.WithDbAsync(db => db.AccessAlerts.AsNoTracking().SingleAsync(a => a.Id == alertId));
        Assert.Equal(app.World.Users["cadre"], alert.AcknowledgedBy);
        Assert.NotNull(alert.AcknowledgedAt);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r =>
            r.EventType == AuditEventType.AlertAcknowledged && r.EntityId == alertId && r.UserName == "cadre")));
    }

    [Fact]
    public async Task A_user_without_the_right_cannot_open_the_break_the_glass_page()
    {
        var partner = await app.WebAsync("partner");
        var response = await partner.GetAsync($"/Access/BreakGlass?childId={app.World.ChildSud}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès refusé", await PageHtml.ReadAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delegation_given_through_the_page_opens_the_record_to_the_colleague_until_it_is_withdrawn()
    {
        var child = app.World.ChildNord;
        var colleague = await app.WebAsync("referent.sud");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/Children/Details/{child}")).StatusCode);

        var referent = await app.WebAsync("referent");
        var form = await PageHtml.GetPageAsync(referent, $"/Access/Delegations?childId={child}");
        var colleagueId = app.World.Users["referent.sud"];
        Assert.Contains($"<option value=\"{colleagueId}\">Test referent.sud — ASE Sud</option>", form, StringComparison.OrdinalIgnoreCase);
        // The form shows the number the record shows, and takes it back.
        var number = await app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.DossierNumber).SingleAsync());
        Assert.Equal(number, PageHtml.InputValue(form, "Form.ChildId"));
        var endsOn = PageHtml.InputValue(form, "Form.EndsOn");
        Assert.Matches(new Regex("^\\d{2}/\\d{2}/\\d{4}$"), endsOn);
        Assert.Equal("18:00", PageHtml.InputValue(form, "Form.EndsAtTime"));

        var granted = await PageHtml.SubmitAsync(referent, "/Access/Delegations", form, new()
        {
            ["Form.ToUserId"] = colleagueId.ToString(),
            ["Form.ChildId"] = number,
            ["Form.EndsOn"] = endsOn!,
            ["Form.EndsAtTime"] = "18:00",
            ["Form.Reason"] = "Congés d'été",
        });
        var list = await PageHtml.FollowAsync(referent, granted, "/Access/Delegations");
        Assert.Contains("Délégation accordée jusqu'au", list, StringComparison.Ordinal);
        Assert.Contains("Congés d'été", list, StringComparison.Ordinal);
        var delegationId = Assert.Single(PageHtml.LinkIds(list, "/Access/RevokeDelegation/"));
        Assert.Contains($"Dossier {number}</a>", list, StringComparison.Ordinal);

        var opened = await PageHtml.GetPageAsync(colleague, $"/Children/Details/{child}");
        Assert.Contains("Accès par délégation</strong> de Test referent, jusqu'au", opened, StringComparison.Ordinal);
        Assert.Contains("<h1>Bernard Camille</h1>", opened, StringComparison.Ordinal);
        var received = await PageHtml.GetPageAsync(colleague, "/Access/Delegations");
        Assert.Contains("<td data-label=\"De\">Test referent</td>", received, StringComparison.Ordinal);

        var confirm = await PageHtml.GetPageAsync(referent, $"/Access/RevokeDelegation/{delegationId}");
        Assert.Contains("Retirer la délégation ?", confirm, StringComparison.Ordinal);
        Assert.Contains("accordée à <strong>Test referent.sud</strong>", confirm, StringComparison.Ordinal);
        // Asking is not withdrawing.
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/Children/Details/{child}")).StatusCode);

        var revoked = await PageHtml.SubmitAsync(referent, $"/Access/RevokeDelegation/{delegationId}", confirm, []);
        var after = await PageHtml.FollowAsync(referent, revoked, "/Access/Delegations");
        Assert.Contains("Délégation retirée", after, StringComparison.Ordinal);
        Assert.Contains("retirée le", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/Children/Details/{child}")).StatusCode);

        var events = await app.WithDbAsync(db => db.AuditRecords
            .Where(r => r.EventType == AuditEventType.DelegationGranted || r.EventType == AuditEventType.DelegationRevoked)
            .Select(r => new { r.EventType, r.UserName, r.EntityId }).ToListAsync());
        Assert.Contains(events, e => e.EventType == AuditEventType.DelegationGranted && e.UserName == "referent" && e.EntityId == Guid.Parse(delegationId));
        Assert.Contains(events, e => e.EventType == AuditEventType.DelegationRevoked && e.UserName == "referent" && e.EntityId == Guid.Parse(delegationId));
    }

    [Fact]
    public async Task The_dpo_searches_the_audit_trail_by_account_and_sees_that_accounts_rows()
    {
        var referent = await app.WebAsync("referent");
        await PageHtml.GetPageAsync(referent, $"/Children/Details/{app.World.ChildNord}");

        var dpo = await app.WebAsync("dpo");
        var page = await PageHtml.GetPageAsync(dpo, "/Audit?userName=referent");
        // People by name, with their account and service.
        var users = Regex.Matches(page, "<td data-label=\"Personne\">\\s*<span class=\"person\">([^<]*)</span>\\s*<br /><span class=\"muted\">([^<]*)</span>")
            .Select(m => (Name: m.Groups[1].Value, Account: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.Equal(("Test referent", "referent · ASE Nord"), u));
        Assert.Contains("<td data-label=\"Action\">Dossier consulté</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Action\">Connexion</td>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Audit/ChildLog/{app.World.ChildNord}\"", page, StringComparison.OrdinalIgnoreCase);

        var nobody = await PageHtml.GetPageAsync(dpo, "/Audit?userName=personne.inconnue");
        Assert.Contains("Aucun événement ne correspond à ces critères.", nobody, StringComparison.Ordinal);

        var searches = await app.WithDbAsync(db => db.AuditRecords
            .Where(r => r.EventType == AuditEventType.AuditSearched && r.UserName == "dpo").Select(r => r.Details).ToListAsync());
        Assert.Contains(searches, d => d != null && d.Contains("\"referent\"", StringComparison.Ordinal));

        // The audit trail is the DPO's: a referent is answered as if the page did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync("/Audit?userName=referent")).StatusCode);
    }

    [Fact]
    public async Task The_cadre_sees_who_opened_a_record_but_the_referent_gets_not_found()
    {
        var child = app.World.ChildNord;
        var referent = await app.WebAsync("referent");
        await PageHtml.GetPageAsync(referent, $"/Children/Details/{child}");

        var cadre = await app.WebAsync("cadre");
        var log = await PageHtml.GetPageAsync(cadre, $"/Audit/ChildLog/{child}");
        Assert.Contains("Qui a consulté ce dossier", log, StringComparison.Ordinal);
        Assert.Matches(new Regex("<span class=\"person\">Test referent</span>\\s*<br /><span class=\"muted\">referent · ASE Nord</span>\\s*</td>\\s*<td data-label=\"Action\">Dossier consulté</td>"), log);
        Assert.Contains($"href=\"/Children/Details/{child}\"", log, StringComparison.OrdinalIgnoreCase);
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r =>
            r.EventType == AuditEventType.ChildAccessLogViewed && r.ChildId == child && r.UserName == "cadre")));

        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync($"/Audit/ChildLog/{child}")).StatusCode);
    }
}

public sealed class AccessPagesTests_Sqlite(SqliteApp app) : AccessPagesTests(app), IClassFixture<SqliteApp>;

public sealed class AccessPagesTests_Postgres(PostgresApp app) : AccessPagesTests(app), IClassFixture<PostgresApp>;
