using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>The new temporary password, to show once.</summary>
public sealed record PasswordReset(Guid UserId, string UserName, string TemporaryPassword);

/// <summary>
/// Replaces a forgotten password with a generated temporary one. Open sessions end (new security stamp)
/// and an active account locked after failed attempts is unlocked.
/// </summary>
public sealed class ResetPassword(AppDbContext db, UserManager<AppUser> users, AdminScope scope)
{
    public async Task<Result<PasswordReset>> HandleAsync(Guid userId, CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.ManageUsers, cancellationToken);
        if (reach is null)
        {
            return Result<PasswordReset>.Forbidden();
        }

        // An account of another département is answered as an unknown one.
        if (!await reach.Users(db).AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return Result<PasswordReset>.NotFound();
        }

        return await AdminTransaction.RunAsync(db, ct => ResetAsync(userId, ct), cancellationToken);
    }

    private async Task<Result<PasswordReset>> ResetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<PasswordReset>.NotFound();
        }

        var lockoutCleared = user.IsActive && user.LockoutEnd is not null;
        if (user.IsActive)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        var password = TemporaryPassword.Generate(users.Options.Password.RequiredLength, users.Options.Password.RequiredUniqueChars);
        user.MustChangePassword = true;
        // The reset token path validates the password against the policy, changes the stamp and saves once.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return Result<PasswordReset>.Invalid(IdentityErrors.ToFields(reset));
        }

        db.Audit.Record(
            AuditEventType.UserUpdated,
            entityType: nameof(AppUser),
            entityId: user.Id,
            details: JsonSerializer.Serialize(new { userName = user.UserName, passwordReset = true, lockoutCleared }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<PasswordReset>.Ok(new PasswordReset(user.Id, user.UserName ?? string.Empty, password));
    }
}
