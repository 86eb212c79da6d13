using System.Security.Claims;
using Ariane.Core.Access;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// The signed-in user as the access policy sees them: id and role grants, loaded once per request
/// with a single query.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, AppDbContext db)
{
    private AccessSubject? subject;

    public Guid? UserId
    {
        get
        {
            var id = accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
            return Guid.TryParse(id, out var g) ? g : null;
        }
    }

    public string? UserName => accessor.HttpContext?.User.Identity?.Name;

    public async Task<AccessSubject> SubjectAsync(CancellationToken cancellationToken = default)
    {
        if (subject is not null)
        {
            return subject;
        }

        if (UserId is not { } userId)
        {
            return subject = new AccessSubject(Guid.Empty, []);
        }

        var grants = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Service!.IsActive && db.Users.Any(u => u.Id == userId && u.IsActive))
            .Select(m => new { m.ServiceId, m.Role, m.Service!.Organisation!.DepartementCode })
            .ToListAsync(cancellationToken);
        return subject = new AccessSubject(userId, grants.Select(g => new RoleGrant(g.ServiceId, g.Role!, g.DepartementCode)).ToList());
    }

    /// <summary>The user's name as colleagues know it, for the lines that say who did what.</summary>
    public async Task<string> DisplayNameAsync(CancellationToken cancellationToken = default)
    {
        var id = UserId;
        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? UserName ?? string.Empty;
    }

    public async Task<bool> HasAsync(Permission permission, CancellationToken cancellationToken = default) =>
        (await SubjectAsync(cancellationToken)).Has(permission);
}
