using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Access;

/// <summary>Until when the current user's exceptional access to a child lasts, and who delegated it.</summary>
public sealed record ExceptionalAccessDto(AccessBasis Basis, DateTime? Until, string? DelegatedBy);

/// <summary>
/// Describes the user's own break-the-glass or delegation on a child, for the banner of the record.
/// Reads only the user's access grants (not child data); call it after the record was opened.
/// </summary>
public sealed class DescribeExceptionalAccess(AppDbContext db, CurrentUser currentUser, AccessQueries queries)
{
    public async Task<ExceptionalAccessDto?> HandleAsync(Guid childId, AccessBasis basis, CancellationToken cancellationToken)
    {
        if (basis is not (AccessBasis.BreakGlass or AccessBasis.Delegation) || currentUser.UserId is not { } userId)
        {
            return null;
        }

        if (basis == AccessBasis.BreakGlass)
        {
            var until = await queries.BreakGlassInForce(userId).AsNoTracking()
                .Where(b => b.ChildId == childId)
                .OrderByDescending(b => b.EndsAt)
                .Select(b => (DateTime?)b.EndsAt)
                .FirstOrDefaultAsync(cancellationToken);
            return new ExceptionalAccessDto(basis, until, null);
        }

        var named = queries.ActiveWorkerAssignments;
        var delegation = await queries.DelegationsInForceTo(userId).AsNoTracking()
            .Where(d => (d.ChildId == null || d.ChildId == childId) && named.Any(w => w.ChildId == childId && w.UserId == d.FromUserId))
            .OrderByDescending(d => d.EndsAt)
            .Join(db.Users, d => d.FromUserId, u => u.Id, (d, u) => new { d.EndsAt, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        return new ExceptionalAccessDto(basis, delegation?.EndsAt, delegation?.DisplayName);
    }
}
