using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

public sealed record MembershipRow(Guid Id, string OrganisationName, string ServiceName, bool ServiceActive, string RoleName, DateTime CreatedAt);

public sealed record UserDetails(
    Guid Id,
    string UserName,
    string DisplayName,
    string? JobTitle,
    string? Email,
    bool IsActive,
    bool IsDemo,
    bool TwoFactorEnabled,
    bool IsLockedOut,
    DateTime CreatedAt,
    DateTime? DeactivatedAt,
    string ConcurrencyStamp,
    bool IsSelf,
    IReadOnlyList<MembershipRow> Memberships)
{
    public UserState State => !IsActive ? UserState.Deactivated : IsLockedOut ? UserState.Locked : UserState.Active;
}

/// <summary>One account with its memberships, for the administrator: two queries.</summary>
public sealed class GetUser(AppDbContext db, CurrentUser currentUser, TimeProvider time, AdminScope scope)
{
    public async Task<Result<UserDetails>> HandleAsync(Guid userId, CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.ManageUsers, cancellationToken);
        if (reach is null)
        {
            return Result<UserDetails>.Forbidden();
        }

        // An account of another département is answered as an unknown one.
        if (!await reach.Users(db).AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return Result<UserDetails>.NotFound();
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Result<UserDetails>.NotFound();
        }

        var memberships = (await db.Memberships.AsNoTracking()
                .Where(m => m.UserId == userId)
                .Select(m => new MembershipRow(m.Id, m.Service!.Organisation!.Name, m.Service.Name, m.Service.IsActive, m.Role!.Name, m.CreatedAt))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.OrganisationName, FrenchOrder.Comparer)
            .ThenBy(m => m.ServiceName, FrenchOrder.Comparer)
            .ThenBy(m => m.RoleName, FrenchOrder.Comparer)
            .ToList();

        return Result<UserDetails>.Ok(new UserDetails(
            user.Id,
            user.UserName ?? string.Empty,
            user.DisplayName,
            user.JobTitle,
            user.Email,
            user.IsActive,
            user.IsDemoAccount,
            user.TwoFactorEnabled,
            user.LockoutEnd > time.GetUtcNow(),
            user.CreatedAt,
            user.DeactivatedAt,
            user.ConcurrencyStamp ?? string.Empty,
            user.Id == currentUser.UserId,
            memberships));
    }
}
