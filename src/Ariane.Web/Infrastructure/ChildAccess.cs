using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// What the policy answered for one child: the decision for the operation asked, and the facts and
/// subject behind it, so that the caller can ask for the level of any other section without a second
/// query. A refused opening has already been audited.
/// </summary>
public sealed record ChildOpening(Guid ChildId, AccessSubject Subject, ChildAccessFacts? Facts, AccessDecision Decision)
{
    /// <summary>
    /// The record this one was merged into (<see cref="Child.MergedIntoId"/>): it was opened as that record
    /// (its links decided), for reading only; the caller shows the survivor instead. Null for a live record.
    /// </summary>
    public Guid? MergedIntoId { get; init; }

    public bool Allowed => Decision.Allowed;

    public AccessBasis Basis => Decision.Basis;

    /// <summary>
    /// For a former département: only what was recorded before its own hand-over is shown
    /// (<see cref="AccessPolicy.FormerCutoff"/>); null for every other reader.
    /// </summary>
    public DateTime? RecordedBefore => Allowed && Basis == AccessBasis.FormerDepartement && Facts is not null
        ? AccessPolicy.FormerCutoff(Subject, Facts)
        : null;

    /// <summary>The highest level the policy grants in <paramref name="section"/>: what a screen may show or offer.</summary>
    public AccessLevel LevelFor(Section section)
    {
        if (Facts is null || !Allowed)
        {
            return AccessLevel.None;
        }

        foreach (var (level, operation) in Levels)
        {
            if (AccessPolicy.Decide(Subject, operation, Facts, section).Allowed)
            {
                return level;
            }
        }

        return AccessLevel.None;
    }

    public bool May(AccessOperation operation, Section section) =>
        Facts is not null && Allowed && AccessPolicy.Decide(Subject, operation, Facts, section).Allowed;

    /// <summary>
    /// What the policy would answer for another operation, whatever this opening decided: how a refused
    /// change tells a reader (403) from a stranger to the child (404). Not a way to show anything.
    /// </summary>
    public bool Permits(AccessOperation operation, Section section) =>
        Facts is not null && AccessPolicy.Decide(Subject, operation, Facts, section).Allowed;

    private static readonly (AccessLevel, AccessOperation)[] Levels =
        [(AccessLevel.Write, AccessOperation.Write), (AccessLevel.Read, AccessOperation.Read), (AccessLevel.Existence, AccessOperation.SeeExistence)];
}

/// <summary>
/// The one way in to a child's data (docs/architecture.md, Access). A handler calls
/// <see cref="OpenAsync"/> with the operation and the section it is about to touch, before it reads
/// anything; lists filter with <see cref="ReadableAsync"/>, which mirrors the policy in SQL. No handler
/// calls <see cref="AccessPolicy"/> itself.
/// </summary>
public sealed class ChildAccess(AppDbContext db, CurrentUser currentUser, AccessQueries queries)
{
    /// <summary>
    /// The facts read in this request, per child: <see cref="ChildGate"/> opens the child, then the handler
    /// opens it again for its own section without a second query. A request that changes a link to the
    /// child and must decide again afterwards calls <see cref="Forget"/>.
    /// </summary>
    private readonly Dictionary<Guid, ChildAccessFacts?> factsRead = [];

    /// <summary>The merged records met in this request, and the record each was merged into.</summary>
    private readonly Dictionary<Guid, Guid> mergedIntoRead = [];

    public void Forget(Guid childId)
    {
        factsRead.Remove(childId);
        mergedIntoRead.Remove(childId);
    }

    /// <summary>
    /// Decides, and on refusal writes the "access denied" audit row at once, with the section asked:
    /// the caller then answers "not found", and the attempt is on record all the same.
    /// </summary>
    public async Task<ChildOpening> OpenAsync(Guid childId, AccessOperation operation, Section section, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!factsRead.TryGetValue(childId, out var facts))
        {
            factsRead[childId] = facts = await FactsAsync(subject.UserId, childId, cancellationToken);
        }

        Guid? mergedInto = mergedIntoRead.TryGetValue(childId, out var survivorId) ? survivorId : null;
        // A merged record is opened as its survivor, to read only: nothing is written on it any more.
        var decision = facts is null || (mergedInto is not null && operation == AccessOperation.Write)
            ? AccessDecision.Deny
            : AccessPolicy.Decide(subject, operation, facts, section);
        if (!decision.Allowed)
        {
            await AuditDeniedAsync(childId, operation, section, cancellationToken);
        }

        return new ChildOpening(childId, subject, facts, decision) { MergedIntoId = mergedInto };
    }

    /// <summary>Writes an "access denied" audit row on its own (used when the request stops there).</summary>
    private async Task AuditDeniedAsync(Guid childId, AccessOperation operation, Section section, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.Audit.Record(AuditEventType.AccessDenied, childId, section, AccessBasis.Denied,
            details: $"{{\"operation\":\"{operation}\"}}", outcome: AuditOutcome.Denied);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Everything that links the user to the child, in one round trip; null when the child does not exist.</summary>
    private async Task<ChildAccessFacts?> FactsAsync(Guid userId, Guid childId, CancellationToken cancellationToken)
    {
        var services = queries.ActiveServiceAssignments;
        var workers = queries.ActiveWorkerAssignments;
        var delegated = queries.DelegatedAssignments(userId);
        var breakGlass = queries.BreakGlassInForce(userId);
        var transfers = queries.TransfersStillReadableBySender;
        var everNamed = db.WorkerAssignments;
        var row = await db.Children.AsNoTracking()
            .Where(c => c.Id == childId)
            .Select(c => new
            {
                Services = services.Where(a => a.ChildId == c.Id).Select(a => a.ServiceId).ToList(),
                Named = workers.Any(w => w.ChildId == c.Id && w.UserId == userId),
                Delegated = delegated.Any(w => w.ChildId == c.Id),
                BreakGlass = breakGlass.Any(b => b.ChildId == c.Id),
                c.ResponsibleDepartementCode,
                Former = transfers.Where(t => t.ChildId == c.Id && t.FromDepartementCode != c.ResponsibleDepartementCode)
                    .Select(t => new { t.FromDepartementCode, t.DecidedAt }).ToList(),
                EverNamed = everNamed.Any(w => w.ChildId == c.Id && w.UserId == userId),
                c.MergedIntoId,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            // The chain this child's audit rows join, known without asking again.
            db.Audit.NoteChildDepartement(childId, row.ResponsibleDepartementCode);
        }

        if (row?.MergedIntoId is { } survivorId)
        {
            // Merged: its rows are the survivor's now, and so are the links that decide (a merge re-points
            // the records merged into this one too, so the survivor is never itself merged).
            mergedIntoRead[childId] = survivorId;
            var survivor = await FactsAsync(userId, survivorId, cancellationToken);
            return survivor is null ? null : survivor with { ChildId = childId };
        }

        return row is null
            ? null
            : new ChildAccessFacts(childId, row.Services.ToHashSet(), row.Named, row.Delegated, row.BreakGlass, row.ResponsibleDepartementCode,
                // The latest transfer out of each département: what existed when it was accepted is what it recorded.
                row.Former.Count == 0 ? null : row.Former.GroupBy(f => f.FromDepartementCode).ToDictionary(g => g.Key, g => g.Max(f => f.DecidedAt ?? DateTime.MinValue)),
                row.EverNamed);
    }

    /// <summary>
    /// The children whose <paramref name="section"/> the user may read, as a SQL filter mirroring
    /// <see cref="AccessPolicy"/> (tested against it). Break-the-glass children are included while active.
    /// </summary>
    public async Task<IQueryable<Child>> ReadableAsync(Section section, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var grants = subject.Grants.Where(g => g.Role.LevelFor(section) >= AccessLevel.Read).ToList();
        // A merged record shows in no list or search: its survivor does (docs/domain.md, Merging two records).
        var query = db.Children.AsNoTracking().Where(c => c.MergedIntoId == null);
        if (grants.Count == 0 || grants.All(g => g.Role.Scope == AccessScope.None))
        {
            return query.Where(_ => false);
        }

        // Tenancy: a département-wide role reaches the children of its own département only.
        var deptCodes = grants.Where(g => g.Role.Scope == AccessScope.Departement).DepartementCodes();
        // A département that transferred a child out reads it for a while: its département-wide roles,
        // and its professionals who were named on the child (AccessPolicy.FormerReach).
        var transfers = queries.TransfersStillReadableBySender;
        var formerNamedCodes = grants.Where(g => g.Role.Scope is AccessScope.Service or AccessScope.Personal).DepartementCodes();
        var everNamed = db.WorkerAssignments;
        var userId = subject.UserId;
        if (grants.All(g => g.Role.Scope is AccessScope.Departement or AccessScope.None))
        {
            // The children transferred out are read first (few, and usually none), so that the filter is
            // "département = X", or "... OR Id = ANY(few ids)": PostgreSQL combines that with the name's
            // trigram index and the département's index (a bitmap AND), where a correlated EXISTS made it
            // visit every child of the country with that name (docs/performance.md, National-size datasets).
            // A child transferred back is in the département anyway: the two forms read the same children.
            var transferredOut = await transfers.Where(t => deptCodes.Contains(t.FromDepartementCode))
                .Select(t => t.ChildId).Distinct().ToListAsync(cancellationToken);
            return transferredOut.Count == 0
                ? query.Where(c => deptCodes.Contains(c.ResponsibleDepartementCode))
                : query.Where(c => deptCodes.Contains(c.ResponsibleDepartementCode) || transferredOut.Contains(c.Id));
        }

        var serviceIds = grants.Where(g => g.Role.Scope == AccessScope.Service).Select(g => g.ServiceId).Distinct().ToList();
        var reachesNamed = grants.Any(g => g.Role.Scope is AccessScope.Service or AccessScope.Personal);
        // Break-the-glass by a service or personal role: on a child of the grant's département, or any child
        // for a grant with no département. (A département role never needs it in its own département.)
        var glassGrants = grants.Where(g => g.Role.Scope is AccessScope.Service or AccessScope.Personal && g.Role.Has(Permission.BreakGlass)).ToList();
        var mayBreakGlassAnywhere = glassGrants.Any(g => string.IsNullOrEmpty(g.DepartementCode));
        var glassCodes = glassGrants.DepartementCodes();
        var mayBreakGlass = glassGrants.Count > 0;
        var services = queries.ActiveServiceAssignments;
        var workers = queries.ActiveWorkerAssignments;
        var delegated = queries.DelegatedAssignments(userId);
        var breakGlass = queries.BreakGlassInForce(userId);
        // The children reached otherwise than as their département: a union of small sets of ids (services,
        // named, delegated, break-the-glass, former département), so that "Id IN (that union)" lets
        // PostgreSQL start from those few thousand ids, or hash them once, instead of testing each child of
        // the country against correlated EXISTS (docs/performance.md, National-size datasets).
        var reachable = services.Where(a => serviceIds.Contains(a.ServiceId)).Select(a => a.ChildId);
        if (reachesNamed)
        {
            reachable = reachable
                .Concat(workers.Where(w => w.UserId == userId).Select(w => w.ChildId))
                .Concat(delegated.Select(w => w.ChildId));
        }

        if (mayBreakGlass)
        {
            reachable = reachable.Concat(breakGlass
                .Where(b => mayBreakGlassAnywhere || db.Children.Any(g => g.Id == b.ChildId && glassCodes.Contains(g.ResponsibleDepartementCode)))
                .Select(b => b.ChildId));
        }

        reachable = reachable.Concat(transfers
            .Where(t => (deptCodes.Contains(t.FromDepartementCode)
                    || (formerNamedCodes.Contains(t.FromDepartementCode) && everNamed.Any(w => w.ChildId == t.ChildId && w.UserId == userId)))
                && db.Children.Any(g => g.Id == t.ChildId && g.ResponsibleDepartementCode != t.FromDepartementCode))
            .Select(t => t.ChildId));
        return deptCodes.Count == 0
            ? query.Where(c => reachable.Contains(c.Id))
            : query.Where(c => deptCodes.Contains(c.ResponsibleDepartementCode) || reachable.Contains(c.Id));
    }
}
