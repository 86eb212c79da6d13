using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Features.Demo;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Admin;

/// <summary>Administration: accounts and memberships, organisations and services, the roles table.</summary>
public sealed partial class AdminModule : IArianeModule
{
    public int Order => 400;

    public void AddServices(IServiceCollection services) => AddHandlers(services);

    static partial void AddHandlers(IServiceCollection services);

    public IEnumerable<NavigationEntry> Navigation =>
    [
        NavigationEntry.For(300, "Comptes", "/Admin/Users", Permission.ManageUsers),
        NavigationEntry.For(310, "Organisations", "/Admin/Organisations", Permission.ManageOrganisations),
        new(320, "Rôles", "/Admin/Roles", s => s.Has(Permission.ManageUsers) || s.Has(Permission.ManageOrganisations)),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Administration", 200, 299, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.UserCreated] = "Compte créé",
            [AuditEventType.UserUpdated] = "Compte modifié",
            [AuditEventType.UserDeactivated] = "Compte désactivé",
            [AuditEventType.UserReactivated] = "Compte réactivé",
            [AuditEventType.MembershipAdded] = "Habilitation ajoutée",
            [AuditEventType.MembershipRemoved] = "Habilitation retirée",
            [AuditEventType.OrganisationCreated] = "Organisation créée",
            [AuditEventType.OrganisationUpdated] = "Organisation modifiée",
            [AuditEventType.ServiceCreated] = "Service créé",
            [AuditEventType.ServiceUpdated] = "Service modifié",
            [AuditEventType.RoleUpdated] = "Rôle modifié",
        }),
    ];

    /// <summary>The fictional département's organisations, services and persona accounts come first.</summary>
    public IEnumerable<DemoSeedStep> DemoSeedSteps => [new(100, "organisations et comptes", DemoStructureStep.RunAsync)];
}
