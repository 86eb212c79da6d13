namespace Ariane.Core.Audit;

/// <summary>
/// Which chain an audit row joins (docs/decisions/0008-audit-chains.md): the responsible département of
/// the child it concerns; for a row about no child, the acting user's département; platform-level events
/// (sign-in, and whatever has no département) join the platform chain. Each chain has its own lock, so
/// départements append concurrently.
/// </summary>
public static class AuditChains
{
    public const string Platform = "platform";

    public static string For(AuditEventType type, string? childDepartement, string? actorDepartement)
    {
        if (!string.IsNullOrEmpty(childDepartement))
        {
            return childDepartement;
        }

        if (AuditEventKinds.Of(type) == AuditEventKind.Authentication)
        {
            return Platform;
        }

        return string.IsNullOrEmpty(actorDepartement) ? Platform : actorDepartement;
    }
}
