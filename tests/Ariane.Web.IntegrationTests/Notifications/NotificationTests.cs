using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Core.Jobs;
using Ariane.Core.Notifications;
using Ariane.Persistence.Audit;
using Ariane.Web.Features.Assessments;
using Ariane.Web.Features.Notifications;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure.Jobs;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Notifications;

/// <summary>
/// In-app notifications written by the daily deadline alerts (docs/architecture.md, Background jobs): once per
/// recipient and stage however often the job runs, to the team and the département's cadres only, delivered as each
/// person chose (at once, after quiet hours, in a daily digest), and never with a child's name. The scheduler is off
/// in tests (Jobs:Enabled=false): the job is called directly, and through the runner for the run's claim.
/// </summary>
public abstract class NotificationTests(ArianeApp app)
{
    // The child of every IP made here: no notification may carry these names, nor the IP's narrative.
    private const string ChildName = "Marqueurnom";
    private const string ChildFirstName = "Marqueurprenom";
    private const string Narrative = "Récit marqueurrecit sur la famille";

    private static DateOnly Today => Format.Today(TimeProvider.System);

    [Fact]
    public async Task An_overdue_evaluation_alerts_its_team_and_the_departement_cadre_once_however_often_the_job_runs()
    {
        var (first, firstName) = await EvaluatorAsync("retard1", immediate: true);
        var (second, _) = await EvaluatorAsync("retard2", immediate: false);
        var otherCadre = await app.CreateUserInAsync(app.World.Services["crip.collines"], RoleCatalogue.Cadre, "retard3");
        var cadre = app.World.Users["cadre"];
        var (concern, assessment, number) = await EvaluationAsync(-2, first, second);

        await RunAlertsAsync();
        await RunAlertsAsync();

        var rows = await NotificationsAboutAsync(assessment);
        Assert.Equal(1, rows.Count(n => n.RecipientId == first));
        Assert.Equal(1, rows.Count(n => n.RecipientId == second));
        Assert.Equal(1, rows.Count(n => n.RecipientId == cadre));
        Assert.DoesNotContain(rows, n => n.RecipientId == otherCadre || n.RecipientId == app.World.Users["crip.collines"]);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, n => Assert.Equal(NotificationKind.AssessmentOverdue, n.Kind));
        Assert.All(rows, n => Assert.Equal($"/Concerns/Details/{concern}", n.Link));

        // The evaluator who asked for « immédiatement », without quiet hours, has it in the bell and the list.
        var api = await app.ApiAsync(firstName);
        var list = await Json.ReadAsync(await api.GetAsync("/api/v1/notifications"));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("text").GetString()!.Contains(number, StringComparison.Ordinal));
        Assert.Equal($"Évaluation de l'IP {number} : échéance dépassée depuis 2 jours (le {Format.Date(Today.AddDays(-2))}).", item.GetProperty("text").GetString());
        Assert.Equal("AssessmentOverdue", item.GetProperty("kind").GetString());
        await AssertNoChildDataInNotificationsAsync();
    }

    [Fact]
    public async Task An_evaluation_that_becomes_overdue_raises_one_more_notification_and_no_other()
    {
        var (evaluator, _) = await EvaluatorAsync("bascule", immediate: true);
        var (concern, assessment, number) = await EvaluationAsync(5, evaluator);
        await RunAlertsAsync();
        var soon = Assert.Single(await NotificationsAboutAsync(assessment), n => n.RecipientId == evaluator);
        Assert.Equal(NotificationKind.AssessmentDueSoon, soon.Kind);
        Assert.Contains($"IP {number} : échéance dans 5 jours", soon.Text, StringComparison.Ordinal);

        await app.WithDbAsync(db => db.Concerns.Where(c => c.Id == concern).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueOn, Today.AddDays(-1))));
        await RunAlertsAsync();
        await RunAlertsAsync();

        var mine = (await NotificationsAboutAsync(assessment)).Where(n => n.RecipientId == evaluator).ToList();
        Assert.Equal([NotificationKind.AssessmentDueSoon, NotificationKind.AssessmentOverdue], mine.Select(n => n.Kind).Order());
        Assert.Contains("depuis 1 jour ", mine.Single(n => n.Kind == NotificationKind.AssessmentOverdue).Text, StringComparison.Ordinal);

        // A validated evaluation is alerted no more.
        var before = await app.WithDbAsync(db => db.Notifications.CountAsync());
        await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == assessment).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AssessmentState.Validated)));
        await app.WithDbAsync(db => db.Concerns.Where(c => c.Id == concern).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueOn, Today.AddDays(-3))));
        await RunAlertsAsync();
        Assert.Equal(before, await app.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task An_IP_left_to_qualify_for_a_week_alerts_the_CRIP_agents_of_its_departement_only()
    {
        var concern = await app.WithDbAsync(async db =>
        {
            var c = NewConcern(db, TestWorld.Departement, Today.AddMonths(3), ConcernState.ToQualify, DateTime.UtcNow.AddDays(-9));
            await db.SaveChangesAsync();
            return c;
        });
        var fresh = await app.WithDbAsync(async db =>
        {
            var c = NewConcern(db, TestWorld.Departement, Today.AddMonths(3), ConcernState.ToQualify, DateTime.UtcNow.AddDays(-2));
            await db.SaveChangesAsync();
            return c;
        });

        await RunAlertsAsync();
        await RunAlertsAsync();

        var rows = await NotificationsAboutAsync(concern.Id);
        var row = Assert.Single(rows);
        Assert.Equal((app.World.Users["crip"], NotificationKind.ConcernToQualify), (row.RecipientId, row.Kind));
        Assert.Contains($"L'IP {concern.Number}, reçue le ", row.Text, StringComparison.Ordinal);
        Assert.Contains("depuis 9 jours", row.Text, StringComparison.Ordinal);
        Assert.Empty(await NotificationsAboutAsync(fresh.Id));
    }

    [Fact]
    public async Task The_bell_counts_the_unread_the_list_shows_them_and_they_are_marked_read_one_by_one_or_all()
    {
        var (evaluator, userName) = await EvaluatorAsync("cloche", immediate: true);
        var (_, _, first) = await EvaluationAsync(3, evaluator);
        var (_, _, second) = await EvaluationAsync(10, evaluator);
        await RunAlertsAsync();

        var web = await app.WebAsync(userName);
        Assert.Contains("<span class=\"bell-count\">2</span>", await PageHtml.GetPageAsync(web, "/"), StringComparison.Ordinal);
        var page = await PageHtml.GetPageAsync(web, "/Notifications");
        Assert.Contains(first, page, StringComparison.Ordinal);
        Assert.Contains(second, page, StringComparison.Ordinal);
        Assert.Contains("2 notifications non lues.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildName, page, StringComparison.OrdinalIgnoreCase);

        var api = await app.ApiAsync(userName);
        var items = (await Json.ReadAsync(await api.GetAsync("/api/v1/notifications"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        // Newest first: both delivered in the same run, then by id.
        var one = items[0].GetProperty("id").GetGuid();

        // Someone else's notification is unknown to them.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync("referent")).PostAsync($"/api/v1/notifications/{one}/read", null)).StatusCode);

        var read = await ArianeApp.PostFormAsync(web, "/Notifications?handler=Read", new() { ["notificationId"] = one.ToString() }, "/Notifications");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Contains("<span class=\"bell-count\">1</span>", await PageHtml.GetPageAsync(web, "/"), StringComparison.Ordinal);
        var list = await Json.ReadAsync(await api.GetAsync("/api/v1/notifications"));
        Assert.Equal(1, list.GetProperty("unread").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == one).GetProperty("readAt").ValueKind);

        var all = await api.PostAsync("/api/v1/notifications/read-all", null);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(1, (await Json.ReadAsync(all)).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await Json.ReadAsync(await api.GetAsync("/api/v1/notifications"))).GetProperty("unread").GetInt32());
        Assert.Contains("<span class=\"bell-count\">0</span>", await PageHtml.GetPageAsync(web, "/Notifications"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/notifications?after=nimportequoi")).StatusCode);
    }

    [Fact]
    public async Task The_daily_digest_groups_several_notifications_into_one_delivered_at_its_time()
    {
        var (evaluator, userName) = await EvaluatorAsync("resume", immediate: false);
        var api = await app.ApiAsync(userName);
        var digestAt = TimeOnly.FromDateTime(Format.ToParis(DateTime.UtcNow)).AddHours(1);
        var saved = await api.PutAsJsonAsync("/api/v1/notifications/preferences", new { delivery = "DailyDigest", digestAt = digestAt.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add((await EvaluationAsync(4 + i, evaluator)).Number);
        }

        await RunAlertsAsync();
        await RunAlertsAsync();

        var mine = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientId == evaluator).ToListAsync());
        var digest = Assert.Single(mine, n => n.Kind == NotificationKind.Digest);
        var carried = mine.Where(n => n.DigestId == digest.Id).ToList();
        Assert.Equal(3, carried.Count);
        Assert.Equal(4, mine.Count);
        Assert.All(carried, n => Assert.Null(n.VisibleFrom));
        Assert.True(digest.VisibleFrom > DateTime.UtcNow.AddMinutes(50), "the digest waits for its time");
        Assert.Contains("3 notifications", digest.Title, StringComparison.Ordinal);
        Assert.Equal("3 échéances d'évaluation proches.", digest.Text);
        // Before its time: nothing counted, nothing listed.
        var before = await Json.ReadAsync(await api.GetAsync("/api/v1/notifications"));
        Assert.Equal(0, before.GetProperty("unread").GetInt32());
        Assert.Empty(before.GetProperty("items").EnumerateArray());

        // Its time comes: one notification, that carries the three.
        await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == digest.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.VisibleFrom, DateTime.UtcNow.AddMinutes(-1))));
        var after = await Json.ReadAsync(await api.GetAsync("/api/v1/notifications"));
        Assert.Equal(1, after.GetProperty("unread").GetInt32());
        var shown = Assert.Single(after.GetProperty("items").EnumerateArray());
        Assert.Equal("Digest", shown.GetProperty("kind").GetString());
        var texts = shown.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToList();
        Assert.All(numbers, number => Assert.Contains(texts, t => t.Contains(number, StringComparison.Ordinal)));
        var page = await PageHtml.GetPageAsync(await app.WebAsync(userName), "/Notifications");
        Assert.All(numbers, number => Assert.Contains(number, page, StringComparison.Ordinal));
        await AssertNoChildDataInNotificationsAsync();
    }

    [Fact]
    public async Task Quiet_hours_defer_delivery_to_their_end()
    {
        var (evaluator, userName) = await EvaluatorAsync("calme", immediate: true);
        var nowParis = TimeOnly.FromDateTime(Format.ToParis(DateTime.UtcNow));
        var api = await app.ApiAsync(userName);
        var saved = await api.PutAsJsonAsync("/api/v1/notifications/preferences", new
        {
            delivery = "Immediate",
            quietFrom = nowParis.AddHours(-1).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            quietUntil = nowParis.AddHours(2).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (_, assessment, _) = await EvaluationAsync(-1, evaluator);

        await RunAlertsAsync();

        var row = Assert.Single(await NotificationsAboutAsync(assessment), n => n.RecipientId == evaluator);
        Assert.InRange(row.VisibleFrom!.Value, DateTime.UtcNow.AddMinutes(100), DateTime.UtcNow.AddMinutes(125));
        var list = await Json.ReadAsync(await api.GetAsync("/api/v1/notifications"));
        Assert.Equal(0, list.GetProperty("unread").GetInt32());
        Assert.Empty(list.GetProperty("items").EnumerateArray());

        // The rule itself, on fixed instants (winter: Paris = UTC+1), with the default 20:00–08:00.
        var defaults = NotificationPreference.Defaults(evaluator);
        Assert.Equal(Utc(2026, 1, 16, 7, 0), NotificationTiming.AfterQuietHours(Utc(2026, 1, 15, 21, 30), defaults));
        Assert.Equal(Utc(2026, 1, 16, 7, 0), NotificationTiming.AfterQuietHours(Utc(2026, 1, 16, 5, 0), defaults));
        Assert.Equal(Utc(2026, 1, 16, 11, 0), NotificationTiming.AfterQuietHours(Utc(2026, 1, 16, 11, 0), defaults));
        var day = new NotificationPreference { QuietFrom = new TimeOnly(12, 0), QuietUntil = new TimeOnly(14, 0) };
        Assert.Equal(Utc(2026, 7, 1, 12, 0), NotificationTiming.AfterQuietHours(Utc(2026, 7, 1, 10, 30), day)); // summer: UTC+2
        Assert.Equal((new DateOnly(2026, 1, 16), Utc(2026, 1, 16, 7, 0)), NotificationTiming.DigestSlot(Utc(2026, 1, 16, 6, 0), defaults));
        Assert.Equal((new DateOnly(2026, 1, 17), Utc(2026, 1, 17, 7, 0)), NotificationTiming.DigestSlot(Utc(2026, 1, 16, 9, 0), defaults));

        // Bad input is a 400, and changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync("/api/v1/notifications/preferences", new { delivery = "Nope" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync("/api/v1/notifications/preferences", new { delivery = "Immediate", digestAt = "99:00:00" })).StatusCode);
        var missing = await api.PutAsJsonAsync("/api/v1/notifications/preferences", new { quietFrom = "21:00:00" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Choisissez quand être notifié.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The preferences page shows the choice and refuses half of the quiet hours.
        var web = await app.WebAsync(userName);
        var form = await ArianeApp.PostFormAsync(web, "/Notifications/Preferences", new() { ["Input.Delivery"] = "Immediate", ["Input.QuietFrom"] = "21:00" });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Indiquez le début et la fin des heures calmes", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ok = await ArianeApp.PostFormAsync(web, "/Notifications/Preferences", new() { ["Input.Delivery"] = "DailyDigest", ["Input.DigestAt"] = "09:30", ["Input.QuietFrom"] = "21:00", ["Input.QuietUntil"] = "07:30" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await Json.ReadAsync(await api.GetAsync("/api/v1/notifications/preferences"));
        Assert.Equal(("DailyDigest", "09:30:00", "21:00:00", "07:30:00"), (stored.GetProperty("delivery").GetString(), stored.GetProperty("digestAt").GetString(), stored.GetProperty("quietFrom").GetString(), stored.GetProperty("quietUntil").GetString()));
        Assert.True(await app.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EventType == AuditEventType.NotificationPreferencesUpdated && r.UserId == evaluator)));
    }

    [Fact]
    public async Task The_runner_claims_one_run_per_job_and_day_and_records_its_progress()
    {
        var job = app.Services.GetRequiredService<EvaluationDeadlineAlerts>();
        var runner = app.Services.GetRequiredService<JobRunner>();
        Assert.Contains(app.Services.GetServices<IJob>(), j => j.Name == EvaluationDeadlineAlerts.JobName && j.Schedule.ParisTime == new TimeOnly(7, 0));
        var (evaluator, _) = await EvaluatorAsync("tache", immediate: true);
        await EvaluationAsync(1, evaluator);
        var key = "test-" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(JobRunOutcome.Succeeded, await runner.RunAsync(job, key, CancellationToken.None));
        Assert.Equal(JobRunOutcome.AlreadyClaimed, await runner.RunAsync(job, key, CancellationToken.None));

        var run = Assert.Single(await app.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.RunKey == key).ToListAsync()));
        Assert.Equal((JobRunStatus.Succeeded, EvaluationDeadlineAlerts.JobName, null), (run.Status, run.JobName, run.ErrorType));
        Assert.NotNull(run.FinishedAt);
        Assert.True(run.Total >= 1);
        Assert.Equal(run.Total, run.Processed);
        var audit = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.EventType == AuditEventType.JobRunSucceeded && r.EntityId == run.Id));
        Assert.Null(audit.UserId);
        Assert.Equal(AuditActor.System.UserName, audit.UserName);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == evaluator)));

        // The day's key of a daily job: due from 07:00 Paris only.
        Assert.Null(job.Schedule.DueRunKey(Utc(2026, 1, 15, 5, 59)));
        Assert.Equal("2026-01-15", job.Schedule.DueRunKey(Utc(2026, 1, 15, 6, 0)));
    }

    private static DateTime Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    /// <summary>An evaluator of the Nord team, with 2FA; « immediate » sets the preference to at once without quiet hours.</summary>
    private async Task<(Guid Id, string UserName)> EvaluatorAsync(string prefix, bool immediate)
    {
        var id = await app.CreateUserInAsync(app.World.Services["nord"], RoleCatalogue.Evaluator, prefix);
        if (immediate)
        {
            await app.WithDbAsync(async db =>
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = id, Delivery = NotificationDelivery.Immediate, QuietFrom = null, QuietUntil = null });
                return await db.SaveChangesAsync();
            });
        }

        return (id, $"{prefix}.{RoleCatalogue.Evaluator}");
    }

    /// <summary>An IP of « 98 » in evaluation by the given team, due in <paramref name="dueInDays"/> days, about a child of its own.</summary>
    private Task<(Guid Concern, Guid Assessment, string Number)> EvaluationAsync(int dueInDays, params Guid[] evaluators) => app.WithDbAsync(async db =>
    {
        var framework = await AssessmentFrameworks.CurrentAsync(db, TestWorld.Departement, CancellationToken.None);
        var concern = NewConcern(db, TestWorld.Departement, Today.AddDays(dueInDays), ConcernState.InAssessment, DateTime.UtcNow.AddDays(-60));
        var assessment = new Assessment
        {
            ConcernId = concern.Id,
            DepartementCode = TestWorld.Departement,
            ServiceId = app.World.Services["nord"],
            FrameworkId = framework.Id,
            StartedOn = Today.AddDays(-30),
        };
        assessment.Children.Add(new AssessmentChild { AssessmentId = assessment.Id, ChildId = concern.Children[0].ChildId, NamedInConcern = true });
        foreach (var evaluator in evaluators)
        {
            assessment.Evaluators.Add(new AssessmentEvaluator { AssessmentId = assessment.Id, UserId = evaluator, Name = "Évaluateur de test" });
        }

        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return (concern.Id, assessment.Id, concern.Number);
    });

    private Concern NewConcern(Persistence.AppDbContext db, string departement, DateOnly dueOn, ConcernState state, DateTime receivedAt)
    {
        var child = new Child { BirthName = ChildName, FirstNames = ChildFirstName, BirthDate = new PartialDate(2016, 5, 4), Sex = Sex.Female, ResponsibleDepartementCode = departement };
        db.Children.Add(child);
        var concern = new Concern
        {
            DepartementCode = departement,
            ReceivedByServiceId = app.World.Services["crip"],
            ReceivedAt = receivedAt,
            Channel = ConcernChannel.Phone,
            TransmitterCode = 541,
            OriginCode = 31,
            Narrative = Narrative,
            RecordedByName = "Test crip",
            DueOn = dueOn,
            State = state,
        };
        concern.Children.Add(new ConcernChild { ConcernId = concern.Id, ChildId = child.Id });
        db.Concerns.Add(concern);
        return concern;
    }

    private async Task RunAlertsAsync()
    {
        var job = app.Services.GetRequiredService<EvaluationDeadlineAlerts>();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Actor = AuditActor.System;
        await job.RunAsync(scope.ServiceProvider, new NoProgress(), CancellationToken.None);
    }

    private Task<List<Notification>> NotificationsAboutAsync(Guid sourceId) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.SourceId == sourceId).ToListAsync());

    /// <summary>No notification, anywhere, names a child or quotes an IP (the layout shows them on every page).</summary>
    private async Task AssertNoChildDataInNotificationsAsync()
    {
        var texts = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Select(n => n.Title + " " + n.Text + " " + n.Link).ToListAsync());
        Assert.NotEmpty(texts);
        var names = await app.WithDbAsync(db => db.Children.AsNoTracking().Select(c => c.BirthName).Distinct().ToListAsync());
        foreach (var text in texts)
        {
            Assert.DoesNotContain("marqueur", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(names, name => text.Contains(name, StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed class NoProgress : IJobProgress
    {
        public Task ReportAsync(int processed, int? total, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class NotificationTests_Sqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationTests_Postgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
