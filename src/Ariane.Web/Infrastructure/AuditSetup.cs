using System.Diagnostics;
using System.Security.Claims;
using Ariane.Persistence.Audit;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

public static class AuditSetup
{
    /// <summary>One audit trail per request, stamped with the user, the client address and the trace id.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Read once: the keys live outside the database (configuration, secret store or key file).
        services.AddSingleton(sp => AuditKeyLoader.Load(
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditKeyLoader))));
        services.AddScoped(sp =>
        {
            var accessor = sp.GetRequiredService<IHttpContextAccessor>();
            return new AuditTrail(() => ActorOf(accessor.HttpContext), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AuditSealKeys>());
        });
        services.AddSingleton<AuditHeadExporter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditHeadExporter>());
        return services;
    }

    private static AuditActor ActorOf(HttpContext? http)
    {
        if (http is null)
        {
            return AuditActor.System;
        }

        var user = http.User;
        Guid? userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        return new AuditActor(
            userId,
            user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
            http.Connection.RemoteIpAddress?.ToString(),
            Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
            user.FindFirstValue(AppClaimsPrincipalFactory.DepartementClaim));
    }
}
