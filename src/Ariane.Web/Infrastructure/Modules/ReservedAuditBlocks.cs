namespace Ariane.Web.Infrastructure.Modules;

/// <summary>
/// Audit event numbers kept for the modules not built yet (docs/security.md, Core/Audit/AuditEventType.cs).
/// A module that arrives declares its block in its module file and deletes its line here: the module tests
/// refuse a block that overlaps another module's or a reservation.
/// </summary>
public static class ReservedAuditBlocks
{
    public static IReadOnlyList<(string Module, int First, int Last)> All { get; } =
    [
        ("Tenancy / Départements", 400, 499),
        ("Observatory", 2000, 2099),
    ];
}
