using Ariane.Core.Measures;
using Ariane.Core.Placements;

namespace Ariane.Web.Features.Measures;

/// <summary>The French words of the measures' screens (docs/domain.md, Measures): authorities, end reasons (MOTFININT, MOTIFML), contact rights.</summary>
public static class MeasureLabels
{
    public static string Authority(DecidingAuthority authority) => authority switch
    {
        DecidingAuthority.DepartementPresident => "Président du conseil départemental",
        DecidingAuthority.JuvenileJudge => "Juge des enfants",
        _ => "Autre juridiction",
    };

    public static string EndReason(MeasureEndReason reason) => reason switch
    {
        MeasureEndReason.Term => "Arrivée à échéance",
        MeasureEndReason.Lifted => "Mainlevée",
        _ => "Transfert (autre département ou autre mesure)",
    };

    public static string LiftReason(MeasureLiftReason reason) => reason switch
    {
        MeasureLiftReason.NoDanger => "Danger écarté",
        MeasureLiftReason.CannotBeCarriedOut => "Mesure impossible à exercer",
        MeasureLiftReason.MovedOutOfDepartement => "Déménagement hors du département",
        MeasureLiftReason.LeftWithoutAddress => "Famille partie sans laisser d'adresse",
        MeasureLiftReason.Adoption => "Adoption",
        MeasureLiftReason.Majority => "Majorité",
        MeasureLiftReason.Emancipation => "Émancipation",
        MeasureLiftReason.Death => "Décès",
        _ => "Autre motif",
    };

    public static string DecisionKind(MeasureDecisionKind kind) => kind == MeasureDecisionKind.Initial ? "Décision initiale" : "Renouvellement";

    public static string State(MeasureState state) => Placements.ChildJourney.StateLabel(state);

    public static string Framework(MeasureFramework framework) => Placements.ChildJourney.FrameworkLabel(framework);

    public static string ContactRight(ContactRightKind kind) => Core.Placements.ContactRight.Label(kind);
}
