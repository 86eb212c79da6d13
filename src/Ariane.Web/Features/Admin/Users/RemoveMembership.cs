using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>
/// Removes a membership: the rights it gave end at the user's next request. An administrator cannot
/// remove their own right to manage accounts, so that the département is never left without one.
/// </summary>
public sealed class RemoveMembership(AppDbContext db, CurrentUser currentUser, AdminScope scope)
{
    public async Task<Result<Guid>> HandleAsync(Guid userId, Guid membershipId, CancellationToken cancellationToken)
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

        // The membership itself must be in reach too, whatever the account (defence in depth: a managed
        // account has only managed memberships today).
        var services = reach.Services(db).Select(s => s.Id);
        var membership = await db.Memberships
            .Include(m => m.Role)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.UserId == userId && services.Contains(m.ServiceId), cancellationToken);
        if (membership is null)
        {
            return Result<Guid>.NotFound();
        }

        if (userId == currentUser.UserId && membership.Role!.Has(Permission.ManageUsers))
        {
            return Result<Guid>.Invalid(string.Empty, "Vous ne pouvez pas retirer votre propre habilitation d'administration des comptes.");
        }

        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleAsync(cancellationToken);
        db.Memberships.Remove(membership);
        db.Audit.Record(
            AuditEventType.MembershipRemoved,
            entityType: nameof(Membership),
            entityId: membership.Id,
            details: JsonSerializer.Serialize(new { userId, userName, serviceId = membership.ServiceId, roleCode = membership.RoleCode }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(userId);
    }
}
