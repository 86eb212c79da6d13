namespace Ariane.Core.Concerns;

/// <summary>The danger and maltreatment codes of OLINPE (docs/domain.md §8), each answered « oui » when set.</summary>
[Flags]
public enum ConcernDangers
{
    None = 0,
    Health = 1 << 0,          // SANTE
    Safety = 1 << 1,          // SECURITE
    Morality = 1 << 2,        // MORALITE
    Education = 1 << 3,       // CONDEDUC
    Development = 1 << 4,     // CONDEDEV
    SexualViolence = 1 << 5,  // VIOLSEX
    PhysicalViolence = 1 << 6, // VIOLPHYS
    Neglect = 1 << 7,         // NEGLIG
    PsychologicalViolence = 1 << 8, // VIOLPSY
}

/// <summary>The family difficulties of OLINPE (CONDADD, DEFINTEL, CONFL, VIOLFAM, VIOLCONJ, SOUTSOC).</summary>
[Flags]
public enum FamilyDifficulties
{
    None = 0,
    Addictions = 1 << 0,      // CONDADD
    IntellectualDisability = 1 << 1, // DEFINTEL
    Conflict = 1 << 2,        // CONFL
    FamilyViolence = 1 << 3,  // VIOLFAM
    DomesticViolence = 1 << 4, // VIOLCONJ
    SocialIsolation = 1 << 5, // SOUTSOC
}

/// <summary>One value of a nomenclature: its OLINPE code and its French label.</summary>
public sealed record CodeLabel(int Code, string Label);

/// <summary>One flag of a multiple choice, its OLINPE variable and label.</summary>
public sealed record FlagLabel<T>(T Flag, string Variable, string Label)
    where T : struct, Enum;

/// <summary>
/// The lists of the IP form, with the OLINPE codes they feed (docs/domain.md §8) and, for each
/// statistical field, the sentence the form shows next to it: what the field is used for (the field
/// study found that fields whose purpose is unclear are skipped or filled loosely, seed 003).
/// </summary>
public static class ConcernNomenclature
{
    public static IReadOnlyList<CodeLabel> Origins { get; } =
    [
        new(10, "Le mineur lui-même"), new(20, "Les parents"), new(31, "Personnel social"), new(32, "Personnel de santé"),
        new(33, "Élu"), new(34, "Autre institutionnel"), new(40, "Autre particulier"), new(99, "Ne sait pas"),
    ];

    public static IReadOnlyList<CodeLabel> Transmitters { get; } =
    [
        new(100, "Le mineur"), new(200, "Les parents"), new(300, "La famille"), new(400, "Un particulier"),
        new(510, "SNATED (119)"), new(520, "Conseil départemental"), new(530, "Service de milieu ouvert ou de placement"),
        new(541, "Éducation nationale, public"), new(542, "Éducation nationale, privé"), new(543, "Éducation nationale, sans précision"),
        new(550, "Hôpital"), new(560, "Médecine libérale"), new(570, "Autre service sanitaire et social"),
        new(580, "Accueil extrascolaire"), new(590, "Autre service social ou association"), new(600, "Police ou gendarmerie"),
        new(611, "Procureur de la République"), new(612, "Juge des enfants"), new(613, "Autre autorité judiciaire"),
        new(620, "Mairie"), new(630, "Autre"), new(640, "Voie institutionnelle"), new(999, "Ne sait pas"),
    ];

    public static IReadOnlyList<FlagLabel<ConcernDangers>> Dangers { get; } =
    [
        new(ConcernDangers.Health, "SANTE", "Santé"),
        new(ConcernDangers.Safety, "SECURITE", "Sécurité"),
        new(ConcernDangers.Morality, "MORALITE", "Moralité"),
        new(ConcernDangers.Education, "CONDEDUC", "Conditions d'éducation"),
        new(ConcernDangers.Development, "CONDEDEV", "Conditions de développement"),
        new(ConcernDangers.SexualViolence, "VIOLSEX", "Violences sexuelles"),
        new(ConcernDangers.PhysicalViolence, "VIOLPHYS", "Violences physiques"),
        new(ConcernDangers.Neglect, "NEGLIG", "Négligences lourdes"),
        new(ConcernDangers.PsychologicalViolence, "VIOLPSY", "Violences psychologiques"),
    ];

    public static IReadOnlyList<FlagLabel<FamilyDifficulties>> Difficulties { get; } =
    [
        new(FamilyDifficulties.Addictions, "CONDADD", "Conduites addictives"),
        new(FamilyDifficulties.IntellectualDisability, "DEFINTEL", "Déficience intellectuelle ou mentale"),
        new(FamilyDifficulties.Conflict, "CONFL", "Conflit familial ou de couple"),
        new(FamilyDifficulties.FamilyViolence, "VIOLFAM", "Violences dans la famille"),
        new(FamilyDifficulties.DomesticViolence, "VIOLCONJ", "Violences conjugales"),
        new(FamilyDifficulties.SocialIsolation, "SOUTSOC", "Isolement, absence de soutien social"),
    ];

    public const string OriginPurpose =
        "Sert à l'observatoire (variable ORIGIP) : d'où viennent les informations, pour savoir qui repère les situations et où informer.";

    public const string TransmitterPurpose =
        "Sert à l'observatoire (TRANSIP) et à l'accusé de réception : à qui la CRIP répond, et quels partenaires transmettent.";

    public const string DangerPurpose =
        "Sert à orienter l'évaluation et à l'observatoire (SANTE, SECURITE... VIOLPSY) : cochez ce que l'information décrit, pas ce qui est prouvé.";

    public const string DifficultyPurpose =
        "Sert à l'observatoire (CONDADD... SOUTSOC) et à préparer l'évaluation : ce qui est dit de la famille, à vérifier.";

    public const string GraveDangerPurpose =
        "Raccourcit le délai d'évaluation selon les règles du département, et rappelle que le procureur doit être saisi sans délai.";

    public static string OriginLabel(int code) => Origins.FirstOrDefault(o => o.Code == code)?.Label ?? "Inconnue";

    public static string TransmitterLabel(int code) => Transmitters.FirstOrDefault(o => o.Code == code)?.Label ?? "Inconnu";

    public static bool IsOrigin(int code) => Origins.Any(o => o.Code == code);

    public static bool IsTransmitter(int code) => Transmitters.Any(o => o.Code == code);

    public static IEnumerable<string> DangerLabels(ConcernDangers dangers) =>
        Dangers.Where(d => dangers.HasFlag(d.Flag)).Select(d => d.Label);

    public static IEnumerable<string> DifficultyLabels(FamilyDifficulties difficulties) =>
        Difficulties.Where(d => difficulties.HasFlag(d.Flag)).Select(d => d.Label);
}
