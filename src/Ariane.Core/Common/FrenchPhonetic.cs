using System.Text;

namespace Ariane.Core.Common;

/// <summary>
/// A phonetic key for French names, so that the search finds a name typed as it sounds: « roland »
/// finds Rolland, « lefebre » Lefèvre, « dupond » Dupont, « philippe » Filipe. In the spirit of the
/// French adaptations of Soundex (Soundex2, Phonex, by F. Brouard), written for this project: no
/// library for French names is maintained on NuGet. Unlike Soundex2 it keeps the vowel sounds and
/// does not cut the key to four characters, so that names that sound different stay apart (Martin
/// and Morin, Moreau and Moret, Dupont and Dumont).
/// <para>
/// The key is a transcription, not a pronunciation dictionary: what matters is that two spellings of
/// the same sound give the same key, and that it ignores accents and case like the rest of the search.
/// Symbols: letters for the consonants and for the plain vowels (A, E for every e/é/è/ai/eu sound, I, O
/// for o/au/eau, U for « ou », Y for the French u); digits for the sounds written with two letters:
/// 1 « an/en », 2 « in/ain/un », 3 « on », 4 « oi »; X for « ch ».
/// </para>
/// </summary>
public static class FrenchPhonetic
{
    /// <summary>
    /// The keys of every name token, each wrapped in '|' like <see cref="TextNormalizer.SearchKey"/>, so
    /// that a SQL LIKE '%|KEY|%' finds a token that sounds like the one typed. Compound names are also
    /// keyed joined (« Le Goff » → LEGOF), as they are in the search key. Keys shorter than two symbols
    /// say too little to match on and are left out.
    /// </summary>
    public static string Key(params string?[] names)
    {
        var keys = names
            .Select(Words)
            .SelectMany(words => words.Count > 1 ? words.Append(string.Concat(words)) : words)
            .Select(Encode)
            .Where(k => k.Length >= 2)
            .Distinct(StringComparer.Ordinal);
        return "|" + string.Join('|', keys) + "|";
    }

    /// <summary>
    /// The words of a name as the key reads them: upper case, no accents, split where
    /// <see cref="TextNormalizer.Tokens"/> splits, so that the n-th word is the n-th search token.
    /// </summary>
    public static IReadOnlyList<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        // Before the accents go: « ç » sounds « s » (Françoise), « œ » and « æ » sound « e ».
        var prepared = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            prepared.Append(c switch
            {
                'ç' or 'Ç' => "S",
                'œ' or 'Œ' or 'æ' or 'Æ' => "E",
                _ => c.ToString(),
            });
        }

        return TextNormalizer.Tokens(prepared.ToString());
    }

    /// <summary>The key of one word (as <see cref="Words"/> gives it: digits are ignored); empty for no letters.</summary>
    public static string Encode(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var letters = new string([.. word.Where(char.IsAsciiLetterUpper)]);
        if (letters.Length == 0)
        {
            return string.Empty;
        }

        letters = StripSilentEnding(letters.Replace('Y', 'I').Replace('W', 'V'));
        var key = new StringBuilder(letters.Length + 2);
        var i = 0;
        while (i < letters.Length)
        {
            i += Vowel(letters, i, key) ?? Consonant(letters, i, key);
        }

        // Doubled letters sound once (Rolland, Philippe, Matthieu), and so do doubled sounds.
        var collapsed = new StringBuilder(key.Length);
        foreach (var c in key.ToString())
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }

    /// <summary>Lower-case 'e': a final « er / et / ez » that is said « é », so it is not dropped as a mute e.</summary>
    private const char SaidE = 'e';

    /// <summary>
    /// French names end in letters that are not said: a plural s or x (Desjardins, Rousseaux), a final d,
    /// t or z (Dupond, Dupont, Petit), « ault » (Renault sounds Renaud); a final « er / et / ez » is « é »
    /// (Gautier, Moret); « ée » is « é ». Never shortens a word below two letters.
    /// </summary>
    private static string StripSilentEnding(string w)
    {
        if (w.Length > 3 && w[^1] is 'S' or 'X')
        {
            w = w[..^1];
        }

        // « ée » ends like « é » once accents are gone: Renée and René, Dorothée and Dorothé.
        if (w.Length > 3 && w.EndsWith("EE", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.Length > 4 && (w.EndsWith("AULT", StringComparison.Ordinal) || w.EndsWith("AULD", StringComparison.Ordinal)))
        {
            return w[..^2];
        }

        if (w.Length > 3 && (w.EndsWith("ER", StringComparison.Ordinal) || w.EndsWith("ET", StringComparison.Ordinal) || w.EndsWith("EZ", StringComparison.Ordinal)))
        {
            return w[..^2] + SaidE;
        }

        return w.Length > 2 && w[^1] is 'D' or 'T' or 'Z' ? w[..^1] : w;
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or SaidE;

    private static char At(string w, int i) => i >= 0 && i < w.Length ? w[i] : '\0';

    private static bool Starts(string w, int i, string part) => string.CompareOrdinal(w, i, part, 0, part.Length) == 0;

    /// <summary>
    /// An n or m at <paramref name="i"/> makes the vowel before it nasal (« an », « on », « in ») when no
    /// vowel follows and it is not doubled: Roland, Dupont, Martin, but not Martine, Anne or Simone.
    /// </summary>
    private static bool NasalAt(string w, int i)
    {
        var next = At(w, i + 1);
        return At(w, i) is 'N' or 'M' && (next == '\0' || !(IsVowel(next) || next is 'N' or 'M' or 'H'));
    }

    /// <summary>
    /// Vowels written with several letters, the longest first: the sound of the group, and its sound when
    /// an n or m makes it nasal (« ain », « oin », Jean, Julien). An empty sound means the letters are read
    /// one by one unless nasal (Léa, Marie).
    /// </summary>
    private static readonly (string Letters, string Sound, string? Nasal)[] VowelGroups =
    [
        ("EAU", "O", null), ("OEU", "E", null),
        ("AI", "E", "2"), ("EI", "E", "2"), ("OI", "4", "42"), ("EA", string.Empty, "1"), ("IE", string.Empty, "I2"),
        ("AU", "O", null), ("OU", "U", null), ("EU", "E", null),
    ];

    /// <summary>Writes the vowel sound at <paramref name="i"/> and returns how many letters it took, or null for a consonant.</summary>
    private static int? Vowel(string w, int i, StringBuilder key)
    {
        var c = w[i];
        if (!IsVowel(c))
        {
            return null;
        }

        foreach (var (letters, sound, nasal) in VowelGroups)
        {
            if (!Starts(w, i, letters))
            {
                continue;
            }

            if (nasal is not null && NasalAt(w, i + letters.Length))
            {
                key.Append(nasal);
                return letters.Length + 1;
            }

            if (sound.Length > 0)
            {
                key.Append(sound);
                return letters.Length;
            }
        }

        if (NasalAt(w, i + 1))
        {
            key.Append(c switch { 'A' or 'E' => '1', 'O' => '3', _ => '2' });
            return 2;
        }

        // A final e is mute (Martine, Philippe), unless it is the é of a final « er / et / ez ».
        if (c == 'E' && i == w.Length - 1 && i > 0)
        {
            return 1;
        }

        key.Append(c switch { 'U' => 'Y', SaidE => 'E', _ => c });
        return 1;
    }

    /// <summary>Writes the consonant sound at <paramref name="i"/> and returns how many letters it took.</summary>
    private static int Consonant(string w, int i, StringBuilder key)
    {
        var next = At(w, i + 1);
        var frontVowel = next is 'E' or 'I' or SaidE;
        switch (w[i])
        {
            case 'C' when next == 'H':
                // « ch » is said « k » before r or l (Christophe, Chloé), « ch » elsewhere (Michel).
                key.Append(At(w, i + 2) is 'R' or 'L' ? 'K' : 'X');
                return 2;
            case 'C' when next == 'K':
                key.Append('K');
                return 2;
            case 'C' when next == 'C':
                key.Append(At(w, i + 2) is 'E' or 'I' ? "KS" : "K");
                return 2;
            case 'C':
                key.Append(frontVowel ? 'S' : 'K');
                return 1;
            case 'G' when next == 'U' && At(w, i + 2) is 'E' or 'I':
                // The u of « gue / gui » is not said (Guillaume, Guy).
                key.Append('G');
                return 2;
            case 'G' when next == 'E' && At(w, i + 2) is 'A' or 'O' or 'U':
                // The e of « gea / geo » only softens the g (Georges).
                key.Append('J');
                return 2;
            case 'G' when next == 'N':
                key.Append("NI");
                return 2;
            case 'G' when next == 'H':
                key.Append('G');
                return 2;
            case 'G':
                key.Append(frontVowel ? 'J' : 'G');
                return 1;
            case 'Q':
                key.Append('K');
                return next == 'U' ? 2 : 1;
            case 'P' when next == 'H':
                key.Append('F');
                return 2;
            case 'P' when next == 'T' && At(w, i - 1) == 'A':
                // Baptiste is said « batiste ».
                return 1;
            case 'T' when next == 'H':
                key.Append('T');
                return 2;
            case 'S' when Starts(w, i, "SCH"):
                key.Append('X');
                return 3;
            case 'S' when next == 'H':
                key.Append('X');
                return 2;
            case 'S' when next == 'C' && At(w, i + 2) is 'E' or 'I':
                key.Append('S');
                return 2;
            case 'S' when next == 'S':
                key.Append('S');
                return 2;
            case 'S':
                // A single s between two vowels is said « z » (Rosa, Lisa).
                key.Append(IsVowel(At(w, i - 1)) && IsVowel(next) ? 'Z' : 'S');
                return 1;
            case 'B' when next == 'V':
                // Lefebvre: the b is not said.
                return 1;
            case 'B' when next == 'R' && IsVowel(At(w, i - 1)):
                // Lefebre and Lefèvre, Fabre and Favre: after a vowel, « br » and « vr » are spelled for each other.
                key.Append('V');
                return 1;
            case 'H':
                // Never said on its own (Hélène, Mathilde once « th » is read).
                return 1;
            case 'X':
                key.Append("KS");
                return 1;
            default:
                key.Append(w[i]);
                return 1;
        }
    }
}
