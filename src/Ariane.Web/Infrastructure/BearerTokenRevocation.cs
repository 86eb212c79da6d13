using System.Security.Claims;
using Ariane.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Bearer tokens are self-contained: without this check a token would outlive a deactivation, a
/// "log out everywhere" or a second-factor reset until it expires. Each API request re-reads the
/// account (one indexed query) and refuses the token when the account is inactive, locked out, or its
/// security stamp changed since the token was issued.
/// </summary>
public static class BearerTokenRevocation
{
    public static IApplicationBuilder UseBearerTokenRevocation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await IsStillValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await next();
    });

    private static async Task<bool> IsStillValidAsync(HttpContext context)
    {
        var claimTypes = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (!Guid.TryParse(context.User.FindFirstValue(claimTypes.UserIdClaimType), out var userId))
        {
            return false;
        }

        var stamp = context.User.FindFirstValue(claimTypes.SecurityStampClaimType);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp, u.LockoutEnd })
            .SingleOrDefaultAsync(context.RequestAborted);
        return account is not null
            && account.IsActive
            && (account.LockoutEnd is null || account.LockoutEnd <= now)
            && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
