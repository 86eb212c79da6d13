using Ariane.Core.Access;
using Ariane.Core.Audit;

namespace Ariane.Web.Infrastructure.Modules;

/// <summary>
/// A functional module of Ariane (children, access, audit, administration...), declared in one file of its
/// own folder: its handlers, its API, its navigation entries, its block of audit event numbers with their
/// French labels, its part of the demo dataset. Modules are found by reflection (<see cref="ModuleCatalogue"/>):
/// adding one touches no central list. Members a module does not need keep their empty default.
/// </summary>
public interface IArianeModule
{
    /// <summary>Where the module comes among the others (registration, API mapping, navigation ties).</summary>
    int Order { get; }

    /// <summary>Registers the module's handlers and services.</summary>
    void AddServices(IServiceCollection services)
    {
    }

    /// <summary>Maps the module's endpoints under /api/v1 (authenticated, antiforgery off for bearer tokens).</summary>
    void MapApi(RouteGroupBuilder api)
    {
    }

    /// <summary>The module's entries in the main navigation, each with who sees it.</summary>
    IEnumerable<NavigationEntry> Navigation => [];

    /// <summary>The audit event numbers the module owns, and their French labels.</summary>
    IEnumerable<AuditEventBlock> AuditBlocks => [];

    /// <summary>The module's part of the demo dataset.</summary>
    IEnumerable<DemoSeedStep> DemoSeedSteps => [];
}

/// <summary>
/// A link of the main navigation. <paramref name="Order"/> places it among all modules' entries;
/// <paramref name="IsShown"/> says who sees it (the page itself still checks its rights).
/// </summary>
public sealed record NavigationEntry(int Order, string Label, string Href, Func<AccessSubject, bool> IsShown)
{
    /// <summary>An entry shown to whoever holds <paramref name="permission"/>.</summary>
    public static NavigationEntry For(int order, string label, string href, Permission permission) =>
        new(order, label, href, s => s.Has(permission));
}

/// <summary>
/// A range of audit event numbers owned by one module (numbers are stored: a block never moves), with the
/// French label of each event of the range. The DPO reads these labels; a code name is never shown.
/// </summary>
public sealed record AuditEventBlock(string Name, int First, int Last, IReadOnlyDictionary<AuditEventType, string> Labels)
{
    public bool Contains(int number) => number >= First && number <= Last;

    public bool Overlaps(int first, int last) => First <= last && first <= Last;
}
