using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>Reactivates a deactivated account: active again, lockout and failed attempts cleared.</summary>
public sealed class ReactivateUser(AppDbContext db, UserManager<AppUser> users, AdminScope scope)
{
    public async Task<Result<Guid>> HandleAsync(Guid userId, CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.ManageUsers, cancellationToken);
        if (reach is null)
        {
            return Result<Guid>.Forbidden();
        }

        // An account of another département is answered as an unknown one.
        if (!await reach.Users(db).AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return Result<Guid>.NotFound();
        }

        return await AdminTransaction.RunAsync(db, ct => ReactivateAsync(userId, ct), cancellationToken);
    }

    private async Task<Result<Guid>> ReactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<Guid>.NotFound();
        }

        if (user.IsActive)
        {
            return Result<Guid>.Ok(user.Id);
        }

        var deactivatedAt = user.DeactivatedAt;
        user.IsActive = true;
        user.DeactivatedAt = null;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return Result<Guid>.Invalid(IdentityErrors.ToFields(updated));
        }

        db.Audit.Record(
            AuditEventType.UserReactivated,
            entityType: nameof(AppUser),
            entityId: user.Id,
            details: JsonSerializer.Serialize(new { userName = user.UserName, deactivatedAt }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(user.Id);
    }
}
