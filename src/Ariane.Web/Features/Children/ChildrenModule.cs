using Ariane.Web.Features.Access;
using Ariane.Web.Features.Audit;

namespace Ariane.Web.Features.Children;

/// <summary>Registers the handlers of the child record, access and audit modules.</summary>
public static class ChildrenModule
{
    public static IServiceCollection AddChildrenModule(this IServiceCollection services)
    {
        services.AddScoped<SearchChildren>();
        services.AddScoped<GetChild>();
        services.AddScoped<FindDuplicates>();
        services.AddScoped<CreateChild>();
        services.AddScoped<UpdateChild>();
        services.AddScoped<SaveLinkedPerson>();
        services.AddScoped<RemoveLinkedPerson>();
        services.AddScoped<AddAddress>();
        services.AddScoped<RemoveAddress>();
        services.AddScoped<ManageAssignments>();
        services.AddScoped<OpenBreakGlass>();
        services.AddScoped<Delegations>();
        services.AddScoped<ChildAccessLog>();
        services.AddScoped<SearchAudit>();
        services.AddScoped<AccessAlerts>();
        services.AddScoped<ListAssignableTargets>();
        services.AddScoped<DescribeExceptionalAccess>();
        return services;
    }
}
