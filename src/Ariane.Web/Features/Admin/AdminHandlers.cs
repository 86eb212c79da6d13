using Ariane.Web.Features.Admin.Organisations;
using Ariane.Web.Features.Admin.Roles;
using Ariane.Web.Features.Admin.Users;

namespace Ariane.Web.Features.Admin;

public sealed partial class AdminModule
{
    static partial void AddHandlers(IServiceCollection services)
    {
        services.AddScoped<AdminScope>();
        services.AddScoped<SearchUsers>();
        services.AddScoped<GetUser>();
        services.AddScoped<GetMembershipOptions>();
        services.AddScoped<CreateUser>();
        services.AddScoped<UpdateUserProfile>();
        services.AddScoped<AddMembership>();
        services.AddScoped<RemoveMembership>();
        services.AddScoped<DeactivateUser>();
        services.AddScoped<ReactivateUser>();
        services.AddScoped<ResetTwoFactor>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ListOrganisations>();
        services.AddScoped<CreateOrganisation>();
        services.AddScoped<CreateService>();
        services.AddScoped<SetServiceActive>();
        services.AddScoped<ListRoles>();
    }
}
