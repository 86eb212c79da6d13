using System.Collections.Frozen;
using Ariane.Core.Access;
using Ariane.Core.Audit;

namespace Ariane.Web.Infrastructure.Modules;

/// <summary>
/// Every <see cref="IArianeModule"/> of this assembly, found by reflection and ordered by their declared
/// <see cref="IArianeModule.Order"/>, and what they contribute gathered once: navigation, audit labels,
/// demo seed steps. Modules are stateless declarations, so the catalogue is built once per process.
/// </summary>
public static class ModuleCatalogue
{
    private static readonly Lazy<Catalogue> Built = new(Build);

    public static IReadOnlyList<IArianeModule> Modules => Built.Value.Modules;

    /// <summary>All navigation entries, in display order.</summary>
    public static IReadOnlyList<NavigationEntry> Navigation => Built.Value.Navigation;

    /// <summary>All audit event blocks, by first number.</summary>
    public static IReadOnlyList<(IArianeModule Module, AuditEventBlock Block)> AuditBlocks => Built.Value.Blocks;

    /// <summary>All demo seed steps, in the order they run.</summary>
    public static IReadOnlyList<DemoSeedStep> DemoSeedSteps => Built.Value.SeedSteps;

    /// <summary>The entries <paramref name="subject"/> sees.</summary>
    public static IEnumerable<NavigationEntry> NavigationFor(AccessSubject subject) => Navigation.Where(e => e.IsShown(subject));

    /// <summary>
    /// The French label of an audit event, from the block of the module that owns it; the bare number for an
    /// event no module labels (a row written by a newer version, say), never a code name.
    /// </summary>
    public static string EventLabel(AuditEventType type) =>
        Built.Value.EventLabels.TryGetValue(type, out var label) ? label : ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether a module labels this event (the label test uses it).</summary>
    public static bool HasLabel(AuditEventType type) => Built.Value.EventLabels.ContainsKey(type);

    private static Catalogue Build()
    {
        var modules = typeof(ModuleCatalogue).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IArianeModule).IsAssignableFrom(t))
            .Select(t => (IArianeModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Order)
            .ThenBy(m => m.GetType().FullName, StringComparer.Ordinal)
            .ToList();
        var blocks = modules.SelectMany(m => m.AuditBlocks.Select(b => (m, b))).OrderBy(x => x.b.First).ToList();
        var labels = new Dictionary<AuditEventType, string>();
        foreach (var (_, block) in blocks)
        {
            foreach (var (type, label) in block.Labels)
            {
                // A label outside its block, or claimed twice, is a declaration error: refuse to start.
                if (!block.Contains((int)type) || !labels.TryAdd(type, label))
                {
                    throw new InvalidOperationException($"Audit event {type} ({(int)type}) is labelled outside its block or twice (block {block.Name}).");
                }
            }
        }

        return new Catalogue(
            modules,
            [.. modules.SelectMany(m => m.Navigation).OrderBy(e => e.Order)],
            blocks,
            labels.ToFrozenDictionary(),
            [.. modules.SelectMany(m => m.DemoSeedSteps).OrderBy(s => s.Order)]);
    }

    private sealed record Catalogue(
        IReadOnlyList<IArianeModule> Modules,
        IReadOnlyList<NavigationEntry> Navigation,
        IReadOnlyList<(IArianeModule, AuditEventBlock)> Blocks,
        FrozenDictionary<AuditEventType, string> EventLabels,
        IReadOnlyList<DemoSeedStep> SeedSteps);
}

public static class ModuleRegistration
{
    /// <summary>Registers the services of every module.</summary>
    public static IServiceCollection AddArianeModules(this IServiceCollection services)
    {
        foreach (var module in ModuleCatalogue.Modules)
        {
            module.AddServices(services);
        }

        return services;
    }

    /// <summary>Maps the API of every module under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapArianeModules(this RouteGroupBuilder api)
    {
        foreach (var module in ModuleCatalogue.Modules)
        {
            module.MapApi(api);
        }

        return api;
    }
}
