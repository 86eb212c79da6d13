namespace Ariane.Core.Access;

/// <summary>Why access was granted, kept in the audit record of the access.</summary>
public enum AccessBasis
{
    Denied = 0,
    DepartementScope = 1,
    ServiceAssignment = 2,
    PersonalAssignment = 3,
    Delegation = 4,
    BreakGlass = 5,
    /// <summary>
    /// The département that transferred the child out, reading what it recorded for a limited time
    /// (docs/decisions/0007-tenancy.md, Transfers): never writing.
    /// </summary>
    FormerDepartement = 6,
    /// <summary>A court's judge or clerk opening a document transmitted to their jurisdiction (no access to the record).</summary>
    Transmission = 7,
}

public readonly record struct AccessDecision(bool Allowed, AccessBasis Basis)
{
    public static readonly AccessDecision Deny = new(false, AccessBasis.Denied);
}

/// <summary>
/// The single place that decides (user, operation, child, section) → allow/deny (docs/architecture.md, Access).
/// Pure: no database, no clock; callers pass the facts. The SQL list filter mirrors these rules and is
/// tested against them.
/// </summary>
public static class AccessPolicy
{
    public static AccessDecision Decide(AccessSubject subject, AccessOperation operation, ChildAccessFacts child, Section section)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(child);

        var best = AccessDecision.Deny;
        foreach (var grant in subject.Grants)
        {
            var basis = RelationThrough(grant, child);
            if (basis == AccessBasis.Denied)
            {
                continue;
            }

            var level = grant.Role.LevelFor(section);
            // Break-the-glass is for reading in an emergency, never for changing the record; a département
            // that transferred the child out reads what it recorded, and changes nothing.
            if (basis is AccessBasis.BreakGlass or AccessBasis.FormerDepartement && level > AccessLevel.Read)
            {
                level = AccessLevel.Read;
            }

            if (Satisfies(level, operation) && (best.Basis == AccessBasis.Denied || basis < best.Basis))
            {
                best = new AccessDecision(true, basis);
            }
        }

        return best;
    }

    /// <summary>The strongest reason this grant reaches the child, regardless of section.</summary>
    public static AccessBasis RelationThrough(RoleGrant grant, ChildAccessFacts child)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(child);
        var scope = grant.Role.Scope;
        if (scope == AccessScope.None)
        {
            return AccessBasis.Denied;
        }

        // Tenancy: a département-wide role reaches the children of its own département, and no other child
        // by any path (docs/decisions/0007-tenancy.md).
        var sameDepartement = grant.DepartementCode is { Length: > 0 } code
            && string.Equals(code, child.ResponsibleDepartementCode, StringComparison.Ordinal);
        if (scope == AccessScope.Departement)
        {
            return sameDepartement ? AccessBasis.DepartementScope : FormerReach(grant, child, departementWide: true);
        }

        // Service scope follows the assignment, whichever département is responsible (a MECS of one
        // département hosting a child of another).
        if (scope == AccessScope.Service && child.AssignedServiceIds.Contains(grant.ServiceId))
        {
            return AccessBasis.ServiceAssignment;
        }

        if (child.UserNamedOnChild)
        {
            return AccessBasis.PersonalAssignment;
        }

        if (child.ActiveDelegation)
        {
            return AccessBasis.Delegation;
        }

        // Break-the-glass only on a child of the grant's own département; a grant with no département
        // (an association serving several) is not limited by it.
        if (child.ActiveBreakGlass && grant.Role.Has(Permission.BreakGlass)
            && (grant.DepartementCode is null or "" || sameDepartement))
        {
            return AccessBasis.BreakGlass;
        }

        return FormerReach(grant, child, departementWide: false);
    }

    /// <summary>
    /// For a reader who reaches the child only as a former département: the instant up to which they read
    /// what was recorded, that is the earliest acceptance among the former départements their grants
    /// reach it through (a child sent A → B → C: A reads up to its own hand-over, never what B recorded).
    /// Null when no grant reaches the child that way.
    /// </summary>
    public static DateTime? FormerCutoff(AccessSubject subject, ChildAccessFacts child)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(child);
        DateTime? cutoff = null;
        foreach (var grant in subject.Grants)
        {
            if (RelationThrough(grant, child) == AccessBasis.FormerDepartement
                && child.FormerDepartements![grant.DepartementCode!] is var at && (cutoff is null || at < cutoff))
            {
                cutoff = at;
            }
        }

        return cutoff;
    }

    /// <summary>
    /// After a transfer, for the configured period: the sending département's département-wide roles, and
    /// its professionals who were named on the child, keep reading (docs/decisions/0007-tenancy.md).
    /// </summary>
    private static AccessBasis FormerReach(RoleGrant grant, ChildAccessFacts child, bool departementWide) =>
        grant.DepartementCode is { Length: > 0 } code
        && !string.Equals(code, child.ResponsibleDepartementCode, StringComparison.Ordinal)
        && child.FormerDepartements is { } former && former.ContainsKey(code)
        && (departementWide || child.UserEverNamed)
            ? AccessBasis.FormerDepartement
            : AccessBasis.Denied;

    private static bool Satisfies(AccessLevel level, AccessOperation operation) => operation switch
    {
        AccessOperation.SeeExistence => level >= AccessLevel.Existence,
        AccessOperation.Read => level >= AccessLevel.Read,
        AccessOperation.Write => level >= AccessLevel.Write,
        _ => false,
    };
}
