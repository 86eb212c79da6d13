using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>
/// Deactivates an account: it can no longer sign in (inactive and locked out), and a new security stamp
/// ends its open sessions within a minute. Accounts are never deleted: the audit trail refers to them.
/// </summary>
public sealed class DeactivateUser(AppDbContext db, UserManager<AppUser> users, CurrentUser currentUser, TimeProvider time, AdminScope scope)
{
    /// <summary>"Far future" for Identity's lockout: portable to every provider, unlike DateTimeOffset.MaxValue.</summary>
    internal static readonly DateTimeOffset LockedForever = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

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

        if (userId == currentUser.UserId)
        {
            return Result<Guid>.Invalid(string.Empty, "Vous ne pouvez pas désactiver votre propre compte.");
        }

        return await AdminTransaction.RunAsync(db, ct => DeactivateAsync(userId, ct), cancellationToken);
    }

    private async Task<Result<Guid>> DeactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<Guid>.NotFound();
        }

        if (!user.IsActive)
        {
            return Result<Guid>.Ok(user.Id);
        }

        user.IsActive = false;
        user.DeactivatedAt = time.GetUtcNow().UtcDateTime;
        user.LockoutEnabled = true;
        user.LockoutEnd = LockedForever;
        // Saves the changes above too; the cookie validator rejects the old stamp within a minute.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return Result<Guid>.Invalid(IdentityErrors.ToFields(updated));
        }

        db.Audit.Record(
            AuditEventType.UserDeactivated,
            entityType: nameof(AppUser),
            entityId: user.Id,
            details: JsonSerializer.Serialize(new { userName = user.UserName }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(user.Id);
    }
}
