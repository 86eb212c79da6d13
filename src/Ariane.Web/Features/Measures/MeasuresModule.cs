using Ariane.Core.Audit;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// Administrative and judicial measures (docs/domain.md, Measures): open, renew, end, the waiting list of
/// measures decided but not carried out, the échéances on dashboards and as notifications.
/// </summary>
public sealed class MeasuresModule : IArianeModule
{
    public int Order => 230;

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Mesures", 1300, 1399, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.MeasureOpened] = "Mesure ouverte",
            [AuditEventType.MeasureUpdated] = "Mesure modifiée",
            [AuditEventType.MeasureViewed] = "Consultation d'une mesure",
            [AuditEventType.MeasuresListed] = "Consultation d'une liste de mesures",
            [AuditEventType.MeasureDecisionRecorded] = "Décision enregistrée",
            [AuditEventType.MeasureDecisionUpdated] = "Décision modifiée",
            [AuditEventType.MeasureRenewed] = "Mesure renouvelée",
            [AuditEventType.MeasureEnded] = "Fin de mesure",
        }),
    ];
}
