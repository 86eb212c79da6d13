using Ariane.Core.Plans;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Plans;

/// <summary>What the plan's writes share: the child's one plan (created by its first line), the owner service of a new line.</summary>
public sealed class PlanStore(AppDbContext db, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>
    /// The child's plan, tracked, created when missing. Two first lines written at once: the unique index on the child
    /// makes the second creation fail, and the plan the first one created is taken.
    /// </summary>
    public async Task<ChildPlan> EnsureAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await db.ChildPlans.SingleOrDefaultAsync(p => p.ChildId == childId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var plan = new ChildPlan { ChildId = childId, CreatedAt = now, UpdatedAt = now, UpdatedByName = await currentUser.DisplayNameAsync(cancellationToken) };
        db.ChildPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return plan;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await db.ChildPlans.SingleAsync(p => p.ChildId == childId, cancellationToken);
        }
    }

    /// <summary>
    /// The service a new line is written for: the one asked if it is one of the author's (<see cref="GetPlan.OwnServicesAsync"/>),
    /// else the first of them; null when none fits.
    /// </summary>
    public static Guid? OwnerFor(IReadOnlyList<PlanService> own, Guid? asked)
    {
        ArgumentNullException.ThrowIfNull(own);
        if (asked is { } id)
        {
            return own.Any(s => s.Id == id) ? id : null;
        }

        return own.Count > 0 ? own[0].Id : null;
    }

    public async Task<string> ServiceNameAsync(Guid serviceId, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking().Where(s => s.Id == serviceId).Select(s => s.Name).SingleAsync(cancellationToken);

    public Task<string> AuthorNameAsync(CancellationToken cancellationToken) => currentUser.DisplayNameAsync(cancellationToken);

    public DateTime Now => time.GetUtcNow().UtcDateTime;
}
