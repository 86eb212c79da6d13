using Ariane.Core.Audit;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Jobs;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Notifications;

/// <summary>
/// In-app notifications (the bell of the layout, /Notifications, the preferences) and the first background job that
/// writes them, the daily deadline alerts of the evaluations. Notifications are no child data: their texts hold IP
/// numbers, dates and counts only. Owns audit block 21xx, shared with the job infrastructure (Infrastructure/Jobs).
/// </summary>
public sealed class NotificationsModule : IArianeModule
{
    public int Order => 250;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<NotificationSender>();
        services.AddScoped<NotificationBell>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<MarkNotificationsRead>();
        services.AddScoped<NotificationPreferences>();
        services.AddSingleton<EvaluationDeadlineAlerts>();
        services.AddSingleton<IJob>(sp => sp.GetRequiredService<EvaluationDeadlineAlerts>());
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/notifications", async (string? after, ListNotifications handler, CancellationToken ct) =>
                (await handler.HandleAsync(after, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Notifications").WithName("ListNotifications")
            .WithSummary("Mes notifications délivrées, les plus récentes d'abord (20 par page, curseur after), et le nombre de non lues")
            .Produces<NotificationPage>()
            .WithMetadata(new NoChildDataAttribute());

        api.MapPost("/notifications/{notificationId:guid}/read", async (Guid notificationId, MarkNotificationsRead handler, CancellationToken ct) =>
                (await handler.OneAsync(notificationId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithTags("Notifications").WithName("MarkNotificationRead")
            .WithSummary("Marquer une de mes notifications comme lue")
            .WithMetadata(new NoChildDataAttribute());

        api.MapPost("/notifications/read-all", async (MarkNotificationsRead handler, CancellationToken ct) =>
                (await handler.AllAsync(ct)).ToHttp(n => TypedResults.Ok(new { marked = n })))
            .WithTags("Notifications").WithName("MarkAllNotificationsRead")
            .WithSummary("Marquer toutes mes notifications délivrées comme lues")
            .WithMetadata(new NoChildDataAttribute());

        api.MapGet("/notifications/preferences", async (NotificationPreferences handler, CancellationToken ct) =>
                (await handler.GetAsync(ct)).ToHttp(TypedResults.Ok))
            .WithTags("Notifications").WithName("GetNotificationPreferences")
            .WithSummary("Mes préférences de notification (par défaut : résumé quotidien à 8 h, heures calmes 20 h – 8 h)")
            .Produces<NotificationPreferencesDto>()
            .WithMetadata(new NoChildDataAttribute());

        api.MapPut("/notifications/preferences", async (SaveNotificationPreferencesRequest request, NotificationPreferences handler, CancellationToken ct) =>
                (await handler.SaveAsync(request, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Notifications").WithName("SaveNotificationPreferences")
            .WithSummary("Choisir : immédiatement ou résumé quotidien (heure), et les heures calmes (heure de Paris)")
            .Produces<NotificationPreferencesDto>()
            .WithMetadata(new NoChildDataAttribute());
    }

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Notifications et tâches", 2100, 2199, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.NotificationsCreated] = "Notifications envoyées",
            [AuditEventType.NotificationPreferencesCreated] = "Préférences de notification enregistrées",
            [AuditEventType.NotificationPreferencesUpdated] = "Préférences de notification modifiées",
            [AuditEventType.JobRunSucceeded] = "Tâche planifiée exécutée",
            [AuditEventType.JobRunFailed] = "Tâche planifiée en échec",
        }),
    ];
}
