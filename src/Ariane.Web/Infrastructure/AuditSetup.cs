using System.Diagnostics;
using System.Security.Claims;
using Ariane.Persistence.Audit;

namespace Ariane.Web.Infrastructure;

public static class AuditSetup
{
    /// <summary>One audit trail per request, stamped with the user, the client address and the trace id.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped(sp =>
        {
            var http = sp.GetRequiredService<IHttpContextAccessor>().HttpContext;
            var time = sp.GetRequiredService<TimeProvider>();
            if (http is null)
            {
                return new AuditTrail(AuditActor.System, time);
            }

            var user = http.User;
            Guid? userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
            var actor = new AuditActor(
                userId,
                user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
                http.Connection.RemoteIpAddress?.ToString(),
                Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
            return new AuditTrail(actor, time);
        });
        return services;
    }
}
