using Ariane.Core.Audit;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// The directory of places of care (docs/domain.md, Places): facilities and foster carers with their
/// capacity, the live places board, and placement requests between référents and establishments.
/// </summary>
public sealed class FacilitiesModule : IArianeModule
{
    public int Order => 260;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<CapacityCounter>();
    }

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Lieux d'accueil et places", 500, 599, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.FacilityCreated] = "Lieu d'accueil déclaré",
            [AuditEventType.FacilityUpdated] = "Lieu d'accueil modifié",
            [AuditEventType.CapacityDeclared] = "Capacité déclarée",
            [AuditEventType.CapacityUpdated] = "Places mises à jour",
            [AuditEventType.CapacityRemoved] = "Ligne de capacité supprimée",
            [AuditEventType.PlacementRequestSent] = "Demande de place envoyée",
            [AuditEventType.PlacementRequestUpdated] = "Demande de place modifiée",
            [AuditEventType.PlacementRequestAnswered] = "Réponse à une demande de place",
            [AuditEventType.PlacementRequestViewed] = "Consultation d'une demande de place",
            [AuditEventType.PlacementRequestsListed] = "Consultation d'une liste de demandes de place",
        }),
    ];
}
