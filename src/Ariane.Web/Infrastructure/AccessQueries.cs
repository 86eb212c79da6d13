using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Persistence;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// The stored facts the access policy reasons on, written once as composable queries: "an assignment
/// is active today" and "a delegation is valid now". Every place that needs them (the facts of one
/// child, the SQL list filter, the exceptional-access banner, the delegation pages) uses these, so a
/// change of rule is made here and nowhere else (docs/architecture.md, Access).
/// </summary>
public sealed class AccessQueries(AppDbContext db, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Assignments run by calendar day in Paris (docs/domain.md, legal time is French local time): an
    /// assignment that ends today is still active until midnight in France, not in UTC.
    /// </summary>
    public DateOnly Today => Features.Shared.Format.Today(time);

    public IQueryable<ServiceAssignment> ActiveServiceAssignments
    {
        get
        {
            var today = Today;
            return db.ServiceAssignments.Where(a => a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today));
        }
    }

    public IQueryable<WorkerAssignment> ActiveWorkerAssignments
    {
        get
        {
            var today = Today;
            return db.WorkerAssignments.Where(w => w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today));
        }
    }

    /// <summary>
    /// Delegations to <paramref name="toUserId"/> that are in force now: not revoked, within their dates,
    /// and given by a colleague whose account is still active.
    /// </summary>
    public IQueryable<Delegation> DelegationsInForceTo(Guid toUserId)
    {
        var now = Now;
        var users = db.Users;
        return db.Delegations.Where(d => d.ToUserId == toUserId && d.RevokedAt == null && d.StartsAt <= now && d.EndsAt > now
            && users.Any(u => u.Id == d.FromUserId && u.IsActive));
    }

    /// <summary>
    /// The active named assignments through which a delegation reaches a child for <paramref name="toUserId"/>:
    /// a delegation lasts only while the delegator is still named on the child.
    /// </summary>
    public IQueryable<WorkerAssignment> DelegatedAssignments(Guid toUserId)
    {
        var delegations = DelegationsInForceTo(toUserId);
        return ActiveWorkerAssignments.Where(w => delegations.Any(d => d.FromUserId == w.UserId && (d.ChildId == null || d.ChildId == w.ChildId)));
    }

    /// <summary>
    /// Accepted transfers whose sending département still reads what it recorded (today, Paris day, is
    /// within the period; docs/decisions/0007-tenancy.md).
    /// </summary>
    public IQueryable<DepartementTransfer> TransfersStillReadableBySender
    {
        get
        {
            var today = Today;
            return db.DepartementTransfers.Where(t => t.State == TransferState.Accepted && t.SendingReadUntil >= today);
        }
    }

    public IQueryable<BreakGlassAccess> BreakGlassInForce(Guid userId)
    {
        var now = Now;
        return db.BreakGlassAccesses.Where(b => b.UserId == userId && b.StartsAt <= now && b.EndsAt > now);
    }
}
