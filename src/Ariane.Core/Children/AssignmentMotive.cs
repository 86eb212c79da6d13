using Ariane.Core.Access;

namespace Ariane.Core.Children;

/// <summary>
/// Why a service follows a child (« Placement », « AEMO », « Suivi PMI »...): data, so a département can
/// adjust the list, and each motive classified by the section of the record it reveals. A motive tells
/// a judicial or health fact as surely as a court decision or a report does, so a user who cannot read
/// its section sees the service, never the motive (docs/domain.md, sections).
/// </summary>
public sealed class AssignmentMotive : Common.IAudited
{
    public required string Code { get; set; }

    /// <summary>The French label shown on the record and offered on the assignment form.</summary>
    public required string Label { get; set; }

    public Section Section { get; set; }

    /// <summary>A withdrawn motive is no longer offered; the assignments that carry it keep it.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Order of the assignment form's list.</summary>
    public int Order { get; set; }
}

/// <summary>The motives every département starts with; they seed the AssignmentMotives table.</summary>
public static class AssignmentMotiveCatalogue
{
    /// <summary>The motive of the assignment made when a professional creates a record.</summary>
    public const string RecordOpened = "ouverture";
    public const string AseFollowUp = "suivi_ase";
    public const string Evaluation = "evaluation";
    public const string Placement = "placement";
    public const string FosterCare = "accueil_familial";
    public const string AdministrativeSupport = "aed";
    public const string JudicialSupport = "aemo";
    public const string UnaccompaniedMinor = "mna";
    public const string Pmi = "pmi";
    public const string Mdph = "mdph";
    public const string School = "scolaire";
    public const string Other = "autre";

    public static IReadOnlyList<AssignmentMotive> Defaults { get; } =
    [
        // The child's follow-up by the ASE is why the record exists: every reader of the record knows it.
        Make(RecordOpened, "Ouverture du dossier", Section.Identity, 1),
        Make(AseFollowUp, "Suivi ASE (référent)", Section.Identity, 2),
        Make(Evaluation, "Évaluation", Section.Social, 3),
        Make(Placement, "Placement", Section.Social, 4),
        Make(FosterCare, "Accueil familial", Section.Social, 5),
        Make(AdministrativeSupport, "AED (mesure administrative)", Section.Social, 6),
        // A judge's measure: judicial, whatever service carries it out.
        Make(JudicialSupport, "AEMO / mesure judiciaire", Section.Judicial, 7),
        Make(UnaccompaniedMinor, "Accueil d'un mineur non accompagné", Section.Social, 8),
        Make(Pmi, "Suivi PMI", Section.Health, 9),
        // A notification of the MDPH states a disability: health.
        Make(Mdph, "Suivi MDPH", Section.Health, 10),
        Make(School, "Suivi scolaire", Section.Social, 11),
        Make(Other, "Autre", Section.Identity, 99),
    ];

    private static AssignmentMotive Make(string code, string label, Section section, int order) =>
        new() { Code = code, Label = label, Section = section, Order = order };
}
