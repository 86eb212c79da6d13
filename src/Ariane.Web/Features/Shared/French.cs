using System.Globalization;

namespace Ariane.Web.Features.Shared;

/// <summary>
/// French grammar for names put into sentences. « de » before a name elides before a vowel or a mute h
/// (« d'Olivier », « d'Hélène », « de Martin »), and an institution's name that starts with a common noun takes
/// its article (« de l'Association Test », « du Service AEMO », « de la MECS Les Tilleuls »). One helper, used
/// for every name that follows « de », hidden screen-reader text included.
/// </summary>
public static class French
{
    private const string Vowels = "aeiouyàâäéèêëîïôöùûüÿæœ";

    /// <summary>First words of institution names that are common nouns, with the article « de » takes before them.</summary>
    private static readonly Dictionary<string, string> Articles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Service"] = "du ",
        ["Département"] = "du ",
        ["Conseil"] = "du ",
        ["Centre"] = "du ",
        ["Foyer"] = "du ",
        ["Village"] = "du ",
        ["Lieu"] = "du ",
        ["Tribunal"] = "du ",
        ["Pôle"] = "du ",
        ["SESSAD"] = "du ",
        ["Maison"] = "de la ",
        ["Direction"] = "de la ",
        ["Cellule"] = "de la ",
        ["Pouponnière"] = "de la ",
        ["MDPH"] = "de la ",
        ["PMI"] = "de la ",
        ["MECS"] = "de la ",
        ["CRIP"] = "de la ",
        ["PJJ"] = "de la ",
        ["Association"] = "de l'",
        ["Établissement"] = "de l'",
        ["Observatoire"] = "de l'",
        ["Institut"] = "de l'",
        ["Aide"] = "de l'",
        ["ASE"] = "de l'",
        ["ODPE"] = "de l'",
        ["IME"] = "de l'",
        ["ITEP"] = "de l'",
        ["Éducation"] = "de l'",
    };

    /// <summary>Names whose h is aspirated: « de Hugues », not « d'Hugues ».</summary>
    private static readonly HashSet<string> AspiratedH = new(StringComparer.OrdinalIgnoreCase)
    {
        "Hugues", "Hollande", "Hongrie", "Hainaut", "Havre", "Haut", "Haute", "Hauts", "Hautes", "Halle", "Hache", "Hardy",
    };

    /// <summary>« de » and the name: « d'Olivier Martin », « de Martin », « de l'Association Test », « du Service X ».</summary>
    public static string De(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        return DePrefix(trimmed) + trimmed;
    }

    /// <summary>
    /// Only the preposition (with its article) for <paramref name="name"/>: « d' », « de », « de l' », « du »…,
    /// for markup that wraps the name alone (« du dossier @French.DePrefix(n)&lt;strong&gt;@n&lt;/strong&gt; »).
    /// </summary>
    public static string DePrefix(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return "de ";
        }

        var firstWord = trimmed.Split([' ', '-', '\'', '’'], 2)[0];
        if (Articles.TryGetValue(firstWord, out var article))
        {
            return article;
        }

        return Elides(firstWord) ? "d'" : "de ";
    }

    /// <summary>« à » and the name, with the same articles: « à l'Association Test », « au Service X », « à Olivier ».</summary>
    public static string A(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        var prefix = DePrefix(trimmed) switch
        {
            "du " => "au ",
            "de la " => "à la ",
            "de l'" => "à l'",
            _ => "à ",
        };
        return prefix + trimmed;
    }

    private static bool Elides(string word)
    {
        var first = char.ToLower(word[0], CultureInfo.InvariantCulture);
        // A y before a vowel is heard as a consonant (« de Yanis », « de Yasmine »); before a consonant, as
        // a vowel (« d'Yves », « d'Yvonne »).
        if (first == 'y')
        {
            return word.Length > 1 && !Vowels.Contains(char.ToLower(word[1], CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (Vowels.Contains(first, StringComparison.Ordinal))
        {
            return true;
        }

        // A mute h before a vowel (« d'Hélène », « d'Hugo »), unless the name is known to have an aspirated h.
        return first == 'h' && word.Length > 1 && Vowels.Contains(char.ToLower(word[1], CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && !AspiratedH.Contains(word);
    }

    /// <summary>« a, b et c »: a list in a sentence.</summary>
    public static string List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        return all.Count switch
        {
            0 => string.Empty,
            1 => all[0],
            _ => string.Join(", ", all.Take(all.Count - 1)) + " et " + all[^1],
        };
    }

    /// <summary>A role's name inside a sentence: its first letter lowered, its acronyms kept (« référent ASE »).</summary>
    public static string LowerFirst(string name) =>
        string.IsNullOrEmpty(name) || (name.Length > 1 && char.IsUpper(name[1])) ? name : char.ToLower(name[0], CultureInfo.GetCultureInfo("fr-FR")) + name[1..];
}
