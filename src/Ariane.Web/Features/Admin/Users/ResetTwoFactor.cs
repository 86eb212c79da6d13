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
/// For a person who lost their phone: a new authenticator key (the old application's codes stop
/// working), second factor off until they enrol again at their next login, and their sessions end.
/// </summary>
public sealed class ResetTwoFactor(AppDbContext db, UserManager<AppUser> users, AdminScope scope)
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

        return await AdminTransaction.RunAsync(db, ct => ResetAsync(userId, ct), cancellationToken);
    }

    private async Task<Result<Guid>> ResetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<Guid>.NotFound();
        }

        var wasEnabled = user.TwoFactorEnabled;
        var steps = new[]
        {
            () => users.ResetAuthenticatorKeyAsync(user),
            () => users.SetTwoFactorEnabledAsync(user, false),
            () => users.UpdateSecurityStampAsync(user),
        };
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return Result<Guid>.Invalid(IdentityErrors.ToFields(result));
            }
        }

        db.Audit.Record(
            AuditEventType.TwoFactorReset,
            entityType: nameof(AppUser),
            entityId: user.Id,
            details: JsonSerializer.Serialize(new { userName = user.UserName, byAdministrator = true, wasEnabled }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(user.Id);
    }
}
