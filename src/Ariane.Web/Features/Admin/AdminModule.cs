namespace Ariane.Web.Features.Admin;

/// <summary>Registers the administration handlers (accounts, memberships, organisations).</summary>
public static partial class AdminModule
{
    public static IServiceCollection AddAdminModule(this IServiceCollection services)
    {
        AddHandlers(services);
        return services;
    }

    static partial void AddHandlers(IServiceCollection services);
}
