using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Applies <see cref="AccessPolicy"/> to stored children: loads the facts for one child in one query,
/// and filters lists in SQL with the same rules. Handlers never load a child without it.
/// </summary>
public sealed class ChildAccess(AppDbContext db, CurrentUser currentUser, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>
    /// Decides, and on refusal writes the "access denied" audit row at once: the caller then answers
    /// "not found", and the attempt is on record all the same.
    /// </summary>
    public async Task<AccessDecision> DecideAsync(Guid childId, AccessOperation operation, Section section, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var facts = await FactsAsync(subject.UserId, childId, cancellationToken);
        var decision = facts is null ? AccessDecision.Deny : AccessPolicy.Decide(subject, operation, facts, section);
        if (!decision.Allowed)
        {
            await AuditDeniedAsync(childId, operation, section, cancellationToken);
        }

        return decision;
    }

    /// <summary>Writes an "access denied" audit row on its own (used when the request stops there).</summary>
    public async Task AuditDeniedAsync(Guid childId, AccessOperation operation, Section section, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.Audit.Record(AuditEventType.AccessDenied, childId, section, AccessBasis.Denied,
            details: $"{{\"operation\":\"{operation}\"}}", outcome: AuditOutcome.Denied);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Everything that links the user to the child, in one round trip; null when the child does not exist.</summary>
    public async Task<ChildAccessFacts?> FactsAsync(Guid userId, Guid childId, CancellationToken cancellationToken)
    {
        var now = Now;
        var today = Today;
        var row = await db.Children.AsNoTracking()
            .Where(c => c.Id == childId)
            .Select(c => new
            {
                Services = c.ServiceAssignments
                    .Where(a => a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today))
                    .Select(a => a.ServiceId).ToList(),
                Named = c.WorkerAssignments.Any(w => w.UserId == userId && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today)),
                // A delegation lasts only while the delegator is still active and named on the child.
                Delegated = db.Delegations.Any(d => d.ToUserId == userId && d.RevokedAt == null && d.StartsAt <= now && d.EndsAt > now
                    && (d.ChildId == null || d.ChildId == c.Id)
                    && c.WorkerAssignments.Any(w => w.UserId == d.FromUserId && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today))
                    && db.Users.Any(u => u.Id == d.FromUserId && u.IsActive)),
                BreakGlass = db.BreakGlassAccesses.Any(b => b.UserId == userId && b.ChildId == c.Id && b.StartsAt <= now && b.EndsAt > now),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new ChildAccessFacts(childId, row.Services.ToHashSet(), row.Named, row.Delegated, row.BreakGlass);
    }

    /// <summary>
    /// The children whose <paramref name="section"/> the user may read, as a SQL filter mirroring
    /// <see cref="AccessPolicy"/> (tested against it). Break-the-glass children are included while active.
    /// </summary>
    public async Task<IQueryable<Child>> ReadableAsync(Section section, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var grants = subject.Grants.Where(g => g.Role.LevelFor(section) >= AccessLevel.Read).ToList();
        var query = db.Children.AsNoTracking();
        if (grants.Any(g => g.Role.Scope == AccessScope.Departement))
        {
            return query;
        }

        var userId = subject.UserId;
        var serviceIds = grants.Where(g => g.Role.Scope == AccessScope.Service).Select(g => g.ServiceId).Distinct().ToList();
        var reachesNamed = grants.Any(g => g.Role.Scope is AccessScope.Service or AccessScope.Personal);
        var breakGlass = grants.Any(g => g.Role.Scope != AccessScope.None && g.Role.Has(Permission.BreakGlass));
        if (grants.Count == 0 || grants.All(g => g.Role.Scope == AccessScope.None))
        {
            return query.Where(_ => false);
        }

        var now = Now;
        var today = Today;
        return query.Where(c =>
            c.ServiceAssignments.Any(a => serviceIds.Contains(a.ServiceId) && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today))
            || (reachesNamed && c.WorkerAssignments.Any(w => w.UserId == userId && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today)))
            || (reachesNamed && db.Delegations.Any(d => d.ToUserId == userId && d.RevokedAt == null && d.StartsAt <= now && d.EndsAt > now
                && (d.ChildId == null || d.ChildId == c.Id)
                && c.WorkerAssignments.Any(w => w.UserId == d.FromUserId && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today))
                && db.Users.Any(u => u.Id == d.FromUserId && u.IsActive)))
            || (breakGlass && db.BreakGlassAccesses.Any(b => b.UserId == userId && b.ChildId == c.Id && b.StartsAt <= now && b.EndsAt > now)));
    }
}
