using Ariane.Core.Access;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

public sealed record ChildProtectionView(Guid ChildId, bool IsProtected, string? Reason, DateTime? SetAt, string? SetByName);

/// <summary>
/// Sets or lifts the protected flag (docs/domain.md §3): a cadre (<see cref="Permission.ProtectChild"/> in the
/// child's département), with a reason. The active <see cref="ChildProtection"/> row and
/// <see cref="Core.Children.Child.IsProtected"/> change together, in one save.
/// </summary>
public sealed class SetChildProtection(AppDbContext db, ChildAccess access, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<ChildProtectionView>> HandleAsync(Guid childId, bool protect, ProtectChildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, refusal) = await PlacementGate.OpenAsync(access, childId, AccessOperation.Write, Permission.ProtectChild, cancellationToken);
        if (refusal is { } r)
        {
            return PlacementGate.Refuse<ChildProtectionView>(r);
        }

        var errors = Validation.Check(request);
        if (errors.Count > 0)
        {
            return Result<ChildProtectionView>.Invalid(errors);
        }

        var reason = ChildInput.Clean(request.Reason)!;
        var child = await db.Children.SingleAsync(c => c.Id == childId, cancellationToken);
        var active = await db.ChildProtections.Where(p => p.ChildId == childId && p.LiftedAt == null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var name = await currentUser.DisplayNameAsync(cancellationToken);
        if (protect && active.Count == 0)
        {
            db.ChildProtections.Add(new ChildProtection { ChildId = childId, Reason = reason, SetAt = now, SetByUserId = subject.UserId, SetByName = name });
        }
        else if (!protect)
        {
            if (active.Count == 0 && !child.IsProtected)
            {
                return Result<ChildProtectionView>.Invalid("reason", "Le dossier n'est pas protégé.");
            }

            foreach (var row in active)
            {
                row.LiftedAt = now;
                row.LiftedByUserId = subject.UserId;
                row.LiftedByName = name;
                row.LiftReason = reason;
            }
        }

        child.IsProtected = protect;
        await db.SaveChangesAsync(cancellationToken);
        var current = await db.ChildProtections.AsNoTracking().Where(p => p.ChildId == childId && p.LiftedAt == null)
            .OrderByDescending(p => p.SetAt).FirstOrDefaultAsync(cancellationToken);
        return Result<ChildProtectionView>.Ok(new ChildProtectionView(childId, child.IsProtected, current?.Reason, current?.SetAt, current?.SetByName));
    }
}
