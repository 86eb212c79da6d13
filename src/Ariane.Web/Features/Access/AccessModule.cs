using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Access;

/// <summary>Exceptional access to a child's record: delegations, break-the-glass, refusals.</summary>
public sealed class AccessModule : IArianeModule
{
    public int Order => 200;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<OpenBreakGlass>();
        services.AddScoped<Delegations>();
        services.AddScoped<DescribeExceptionalAccess>();
    }

    public IEnumerable<NavigationEntry> Navigation =>
    [
        // Delegating or being a delegate concerns whoever reaches children, even without the Delegate permission.
        new(110, "Délégations", "/Access/Delegations", s => s.Grants.Any(g => g.Role.Scope != AccessScope.None)),
        NavigationEntry.For(130, "Accès d'urgence", "/Access/BreakGlass", Permission.BreakGlass),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Accès exceptionnels", 300, 399, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.AccessDenied] = "Accès refusé",
            [AuditEventType.BreakGlassOpened] = "Accès d'urgence (bris de glace)",
            [AuditEventType.DelegationGranted] = "Délégation accordée",
            [AuditEventType.DelegationRevoked] = "Délégation retirée",
            [AuditEventType.AlertRaised] = "Alerte levée",
            [AuditEventType.AlertAcknowledged] = "Alerte prise en compte",
            [AuditEventType.AccessAlertsViewed] = "Consultation des alertes d'accès",
        }),
    ];
}
