using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Audit;

/// <summary>The audit trail read back: a child's access log, the DPO's search, break-the-glass alerts.</summary>
public sealed class AuditModule : IArianeModule
{
    public int Order => 300;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ChildAccessLog>();
        services.AddScoped<AuditScope>();
        services.AddScoped<SearchAudit>();
        services.AddScoped<LookupChildByName>();
        services.AddScoped<AccessAlerts>();
    }

    public IEnumerable<NavigationEntry> Navigation =>
    [
        NavigationEntry.For(200, "Alertes d'accès", "/Audit/Alerts", Permission.ReceiveAccessAlerts),
        NavigationEntry.For(210, "Journal d'audit", "/Audit", Permission.SearchAudit),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Journal d'audit", 1900, 1999, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.ChildAccessLogViewed] = "Consultation des accès au dossier",
            [AuditEventType.AuditSearched] = "Recherche dans le journal d'audit",
            [AuditEventType.AuditVerified] = "Vérification du journal d'audit",
            [AuditEventType.ExportProduced] = "Export produit",
            [AuditEventType.ChildLookupByDpo] = "Recherche d'enfant par nom dans le journal d'audit",
        }),
        // Written by the persistence layer for any entity without an event of its own: they belong to no feature.
        new("Changements génériques", 9000, 9099, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.DataCreated] = "Donnée créée",
            [AuditEventType.DataUpdated] = "Donnée modifiée",
            [AuditEventType.DataDeleted] = "Donnée supprimée",
        }),
    ];
}
