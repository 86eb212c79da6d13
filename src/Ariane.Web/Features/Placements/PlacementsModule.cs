using Ariane.Core.Audit;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Where the child lives (docs/domain.md, Placements): stays in places of care and their changes, the
/// rights of visit and contact, and the protected flag that hides the place.
/// </summary>
public sealed class PlacementsModule : IArianeModule
{
    public int Order => 240;

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Placements", 1400, 1499, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.PlacementOpened] = "Accueil enregistré",
            [AuditEventType.PlacementUpdated] = "Accueil modifié ou terminé",
            [AuditEventType.PlacementRemoved] = "Accueil supprimé",
            [AuditEventType.PlacementsViewed] = "Consultation du parcours de placement",
            [AuditEventType.ContactRightRecorded] = "Droit de visite enregistré",
            [AuditEventType.ContactRightUpdated] = "Droit de visite modifié",
            [AuditEventType.ContactRightRemoved] = "Droit de visite supprimé",
            [AuditEventType.ContactRightsViewed] = "Consultation des droits de visite",
            [AuditEventType.ChildProtectionSet] = "Dossier protégé (sans trace)",
            [AuditEventType.ChildProtectionLifted] = "Protection du dossier levée",
        }),
    ];
}
