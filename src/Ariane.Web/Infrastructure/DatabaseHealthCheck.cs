using Ariane.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ariane.Web.Infrastructure;

/// <summary>Reports whether the database answers; says nothing else (the endpoint is public).</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("base de données joignable")
                : HealthCheckResult.Unhealthy("base de données injoignable");
        }
#pragma warning disable CA1031 // Any failure to reach the database is "unhealthy", whatever its type.
        catch (Exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("base de données injoignable");
        }
    }
}
