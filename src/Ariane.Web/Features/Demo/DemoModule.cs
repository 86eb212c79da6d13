using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Demo;

/// <summary>
/// Demo mode's seeder. It owns no data of its own: each module contributes its part of the dataset as a
/// <see cref="DemoSeedStep"/> in its module file, and the seeder runs them in order.
/// </summary>
public sealed class DemoModule : IArianeModule
{
    public int Order => 900;

    public void AddServices(IServiceCollection services) => services.AddScoped<DemoSeeder>();

    /// <summary>Measures, stays and places come after the children and the IPs; they span three modules, so the step is here.</summary>
    public IEnumerable<DemoSeedStep> DemoSeedSteps => [new(400, "mesures, accueils et places", DemoJourneyStep.RunAsync)];
}
