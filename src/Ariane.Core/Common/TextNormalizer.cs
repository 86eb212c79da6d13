using System.Globalization;
using System.Text;

namespace Ariane.Core.Common;

/// <summary>
/// Normalises names for search and for pseudonymisation: upper case, no diacritics, hyphens,
/// apostrophes and other punctuation turned into spaces. "Élodie-Marie d'Arc" → "ELODIE MARIE D ARC".
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c switch
                {
                    'æ' or 'Æ' => "AE",
                    'œ' or 'Œ' => "OE",
                    'ß' => "SS",
                    _ => char.ToUpperInvariant(c).ToString(),
                });
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    public static IReadOnlyList<string> Tokens(string? value) =>
        Normalize(value).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The search key stored with a child: every name token, each wrapped in '|' so that a SQL
    /// LIKE '%|TOKEN%' finds a token prefix in any name field, whatever the order typed.
    /// </summary>
    public static string SearchKey(params string?[] names)
    {
        // A compound name is also kept joined ("D'Arc-Dupont" → D, ARC, DUPONT and DARCDUPONT), so that
        // "darc" or "legoff" typed without the apostrophe or space still finds it.
        var tokens = names
            .Select(Tokens)
            .SelectMany(t => t.Count > 1 ? t.Append(string.Concat(t)) : t)
            .Distinct(StringComparer.Ordinal);
        return "|" + string.Join('|', tokens) + "|";
    }
}
