namespace Ariane.Core.Access;

/// <summary>
/// One membership of the user as the policy sees it: the service, the role held there, and the
/// département of the service's organisation (null for an organisation that serves several
/// départements, such as an association, or has no code).
/// </summary>
public sealed record RoleGrant(Guid ServiceId, Role Role, string? DepartementCode = null);

public static class RoleGrants
{
    /// <summary>The départements of these grants, each once (grants of an organisation with none add nothing).</summary>
    public static List<string> DepartementCodes(this IEnumerable<RoleGrant> grants) =>
        [.. grants.Where(g => !string.IsNullOrEmpty(g.DepartementCode)).Select(g => g.DepartementCode!).Distinct()];
}

/// <summary>The user asking: who they are and every role they hold, per service.</summary>
public sealed record AccessSubject(Guid UserId, IReadOnlyList<RoleGrant> Grants)
{
    public bool Has(Permission permission) => Grants.Any(g => g.Role.Has(permission));

    public IEnumerable<Guid> ServiceIdsWith(Permission permission) =>
        Grants.Where(g => g.Role.Has(permission)).Select(g => g.ServiceId);
}

/// <summary>
/// What links this user to this child right now, read from the database by one query:
/// the services assigned to the child, whether the user is named on it, an active delegation from a
/// colleague who is, or an active break-the-glass access; the département responsible for the child;
/// the départements that transferred it out and still read what they recorded (code → the instant the
/// transfer was accepted: what they recorded is what existed then), and whether the user was ever named on it.
/// </summary>
public sealed record ChildAccessFacts(
    Guid ChildId,
    IReadOnlySet<Guid> AssignedServiceIds,
    bool UserNamedOnChild,
    bool ActiveDelegation,
    bool ActiveBreakGlass,
    string ResponsibleDepartementCode,
    IReadOnlyDictionary<string, DateTime>? FormerDepartements = null,
    bool UserEverNamed = false);
