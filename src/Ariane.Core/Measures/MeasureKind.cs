namespace Ariane.Core.Measures;

/// <summary>Who decides a measure (docs/domain.md, Measures).</summary>
public enum MeasureFramework
{
    /// <summary>Decided by the président du conseil départemental, with the parents' agreement.</summary>
    Administrative = 1,
    /// <summary>Ordered by the juge des enfants (Code civil 375 and following).</summary>
    Judicial = 2,
}

/// <summary>
/// One kind of measure as the product offers it, with the OLINPE variable and code it is transmitted under
/// (docs/domain.md, OLINPE nomenclatures): NATPDECADM or TYPINTERDOM for administrative ones, NATDECASSED,
/// TYPDECJUD or NATDECPLAC for judicial ones. <see cref="MaxMonths"/> is the longest one decision may last.
/// </summary>
public sealed record MeasureKind(
    string Code,
    string Label,
    MeasureFramework Framework,
    string OlinpeVariable,
    int OlinpeCode,
    string LegalBasis,
    int? MaxMonths = null,
    bool IsPlacement = false,
    bool IsYoungAdult = false,
    bool IsEmergencyWithoutConsent = false,
    /// <summary>For accueil parent-enfant: the child must be under this age (months).</summary>
    int? MaxChildAgeMonths = null);

/// <summary>The kinds of measures every département starts with, mapped to their OLINPE codes.</summary>
public static class MeasureKinds
{
    /// <summary>The longest a judicial decision may last before it must be renewed (Code civil 375).</summary>
    public const int JudicialMaxMonths = 24;

    public static IReadOnlyList<MeasureKind> All { get; } =
    [
        // Administrative: NATPDECADM, aide à domicile detailed by TYPINTERDOM.
        new("tisf", "Aide à domicile — TISF", MeasureFramework.Administrative, "TYPINTERDOM", 1, "CASF L222-3"),
        new("aed", "Aide éducative à domicile (AED)", MeasureFramework.Administrative, "TYPINTERDOM", 2, "CASF L222-3"),
        new("aed_renforcee", "AED renforcée", MeasureFramework.Administrative, "TYPINTERDOM", 3, "CASF L222-3"),
        new("aed_heb_periodique", "AED avec hébergement périodique", MeasureFramework.Administrative, "TYPINTERDOM", 4, "CASF L222-3", IsPlacement: true),
        new("aed_heb_exceptionnel", "AED avec hébergement exceptionnel", MeasureFramework.Administrative, "TYPINTERDOM", 5, "CASF L222-3", IsPlacement: true),
        new("aesf", "Accompagnement en économie sociale et familiale (AESF)", MeasureFramework.Administrative, "TYPINTERDOM", 6, "CASF L222-3"),
        new("accueil_jour", "Accueil de jour", MeasureFramework.Administrative, "NATPDECADM", 11, "CASF L222-4-2", IsPlacement: true),
        new("accueil_72h", "Accueil 72 heures (mineur en fugue)", MeasureFramework.Administrative, "NATPDECADM", 12, "CASF L223-2", IsPlacement: true),
        new("accueil_5j", "Accueil d'urgence 5 jours", MeasureFramework.Administrative, "NATPDECADM", 13, "CASF L223-2", IsPlacement: true, IsEmergencyWithoutConsent: true),
        new("accueil_provisoire", "Accueil provisoire du mineur", MeasureFramework.Administrative, "NATPDECADM", 14, "CASF L222-5", IsPlacement: true),
        new("pupille", "Pupille de l'État", MeasureFramework.Administrative, "NATPDECADM", 15, "CASF L224-4", IsPlacement: true),
        new("accueil_parent_enfant", "Accueil parent-enfant (moins de 3 ans)", MeasureFramework.Administrative, "NATPDECADM", 16, "CASF L222-5 4°", IsPlacement: true, MaxChildAgeMonths: 36),
        new("apjm", "Accompagnement jeune majeur (APJM)", MeasureFramework.Administrative, "NATPDECADM", 19, "CASF L222-5-1", IsYoungAdult: true),
        new("autre_admin", "Autre mesure administrative", MeasureFramework.Administrative, "NATPDECADM", 18, "CASF L222-5"),
        // Judicial: NATDECASSED, detailed by TYPDECJUD; placements by NATDECPLAC.
        new("mjie", "Mesure judiciaire d'investigation éducative (MJIE)", MeasureFramework.Judicial, "TYPDECJUD", 3, "C. civ. 375-1", MaxMonths: 6),
        new("expertise", "Expertise", MeasureFramework.Judicial, "TYPDECJUD", 4, "C. civ. 375-1"),
        new("aemo", "Action éducative en milieu ouvert (AEMO)", MeasureFramework.Judicial, "TYPDECJUD", 5, "C. civ. 375-2", MaxMonths: JudicialMaxMonths),
        new("aemo_renforcee", "AEMO renforcée", MeasureFramework.Judicial, "TYPDECJUD", 6, "C. civ. 375-2", MaxMonths: 12),
        new("aemo_heb_periodique", "AEMO avec hébergement périodique", MeasureFramework.Judicial, "TYPDECJUD", 7, "C. civ. 375-2", MaxMonths: JudicialMaxMonths, IsPlacement: true),
        new("aemo_heb_exceptionnel", "AEMO avec hébergement exceptionnel", MeasureFramework.Judicial, "TYPDECJUD", 8, "C. civ. 375-2", MaxMonths: JudicialMaxMonths, IsPlacement: true),
        new("mjagbf", "Mesure judiciaire d'aide à la gestion du budget familial (MJAGBF)", MeasureFramework.Judicial, "TYPDECJUD", 9, "C. civ. 375-9-1", MaxMonths: JudicialMaxMonths),
        new("opp", "Ordonnance de placement provisoire (OPP)", MeasureFramework.Judicial, "NATDECPLAC", 1, "C. civ. 375-5", MaxMonths: 6, IsPlacement: true),
        new("placement_ase", "Placement judiciaire à l'ASE", MeasureFramework.Judicial, "NATDECPLAC", 2, "C. civ. 375-3", MaxMonths: JudicialMaxMonths, IsPlacement: true),
        new("placement_direct", "Placement direct (tiers, établissement)", MeasureFramework.Judicial, "NATDECASSED", 18, "C. civ. 375-3", MaxMonths: JudicialMaxMonths, IsPlacement: true),
        new("dap", "Délégation d'autorité parentale", MeasureFramework.Judicial, "NATDECASSED", 21, "C. civ. 377"),
        new("tutelle", "Tutelle", MeasureFramework.Judicial, "NATDECASSED", 21, "C. civ. 411"),
        new("delaissement", "Déclaration judiciaire de délaissement parental", MeasureFramework.Judicial, "NATDECASSED", 21, "C. civ. 381-1"),
        new("autre_judiciaire", "Autre mesure judiciaire", MeasureFramework.Judicial, "TYPDECJUD", 10, "C. civ. 375", MaxMonths: JudicialMaxMonths),
    ];

    private static readonly Dictionary<string, MeasureKind> ByCode = All.ToDictionary(k => k.Code, StringComparer.Ordinal);

    public static MeasureKind? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var kind) ? kind : null;
}

/// <summary>MOTFININT: why a measure ended.</summary>
public enum MeasureEndReason
{
    /// <summary>1: the measure reached its term.</summary>
    Term = 1,
    /// <summary>2: mainlevée (lifted before its term), detailed by <see cref="MeasureLiftReason"/>.</summary>
    Lifted = 2,
    /// <summary>3: transferred (another département, another measure).</summary>
    Transfer = 3,
}

/// <summary>MOTIFML: why a measure was lifted (codes of OLINPE).</summary>
public enum MeasureLiftReason
{
    NoDanger = 10,
    CannotBeCarriedOut = 11,
    MovedOutOfDepartement = 12,
    LeftWithoutAddress = 13,
    Adoption = 14,
    Majority = 15,
    Emancipation = 16,
    Death = 18,
    Other = 19,
}
