namespace Ariane.Core.Organisations;

/// <summary>FINESS categories of child-protection structures (ROR value set, docs/domain.md §7).</summary>
public static class FinessCategories
{
    public static readonly IReadOnlyDictionary<int, string> Labels = new Dictionary<int, string>
    {
        [166] = "Centre parents-enfants",
        [172] = "Pouponnière à caractère social",
        [175] = "Foyer de l'enfance",
        [176] = "Village d'enfants",
        [177] = "Maison d'enfants à caractère social (MECS)",
        [236] = "Service de placement familial",
        [238] = "Centre d'accueil familial spécialisé",
        [241] = "Établissement de placement",
        [242] = "Service d'activité de jour",
        [286] = "Prévention spécialisée",
        [295] = "Service AEMO et AED",
        [344] = "Service délégué aux prestations familiales",
        [378] = "Établissement expérimental enfance protégée",
        [440] = "Service d'investigation éducative",
        [441] = "Service d'intervention éducative en milieu ouvert",
        [444] = "Centre de crise et d'accueil permanent",
        [462] = "Lieu de vie et d'accueil",
        [643] = "Service d'évaluation de la minorité",
        [644] = "Mise à l'abri MNA",
        [701] = "Maison des adolescents",
        [182] = "SESSAD",
        [183] = "IME",
        [186] = "ITEP",
    };

    public static bool IsValidFiness(string? finess) =>
        finess is { Length: 9 } && finess.All(c => char.IsAsciiDigit(c) || c is 'A' or 'B');
}
