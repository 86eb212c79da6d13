using Ariane.Core.Assessments;
using Ariane.Core.Concerns;

namespace Ariane.Web.Features.Concerns;

/// <summary>The French words of the CRIP's lists, once (screens and documents).</summary>
public static class ConcernLabels
{
    public static string State(ConcernState state) => state switch
    {
        ConcernState.ToQualify => "À qualifier",
        ConcernState.InAssessment => "En évaluation",
        ConcernState.ToValidate => "À valider",
        ConcernState.Closed => "Clôturée",
        _ => "Inconnu",
    };

    public static string Channel(ConcernChannel channel) => channel switch
    {
        ConcernChannel.Phone => "Téléphone",
        ConcernChannel.Letter => "Courrier",
        ConcernChannel.Email => "Courriel",
        ConcernChannel.InPerson => "Reçu en personne",
        ConcernChannel.Snated => "Fiche du 119 (SNATED)",
        ConcernChannel.Platform => "Transmis par un service via Ariane",
        _ => "Autre",
    };

    public static string Qualification(ConcernQualification? q) => q switch
    {
        ConcernQualification.Evaluate => "À évaluer",
        ConcernQualification.ProsecutorReferral => "Signalement direct au procureur",
        ConcernQualification.JudgeAlreadySeized => "Juge des enfants déjà saisi, informé",
        ConcernQualification.NotAConcern => "Pas une information préoccupante",
        _ => "Non qualifiée",
    };

    public static string Assessment(AssessmentState state) => state switch
    {
        AssessmentState.InProgress => "En cours",
        AssessmentState.ToValidate => "Conclue, à valider",
        AssessmentState.Validated => "Validée",
        _ => "Inconnu",
    };

    public static string Conclusion(AssessmentConclusion? c) => c switch
    {
        AssessmentConclusion.NoFurtherAction => "Classement sans suite",
        AssessmentConclusion.AdministrativeSupport => "Proposition d'une prestation administrative",
        AssessmentConclusion.JudicialReferral => "Saisine de l'autorité judiciaire",
        _ => "Pas encore conclue",
    };

    public static string Answer(CriterionAnswer a) => a switch
    {
        CriterionAnswer.Concerning => "Préoccupant",
        CriterionAnswer.Satisfactory => "Satisfaisant",
        _ => "Sans réponse",
    };

    /// <summary>« en retard de 3 jours », « échéance aujourd'hui », « dans 1 jour », « dans 12 jours ».</summary>
    public static string DaysLeft(int days) => days switch
    {
        < -1 => $"en retard de {-days} jours",
        -1 => "en retard d'un jour",
        0 => "échéance aujourd'hui",
        1 => "dans 1 jour",
        _ => $"dans {days} jours",
    };
}
