using System.Globalization;
using System.Text.RegularExpressions;

namespace Ariane.Core.Children;

/// <summary>
/// The human-readable number of a record (docs/domain.md, dossier number): the département's code, the
/// year the record was created and a sequence per département and year, « 99-2026-000123 ». Workers
/// quote it on the phone and in letters instead of the child's name; the GUID stays the key in URLs and
/// the API. The persistence layer gives it on the first save, from a counter per département and year.
/// </summary>
public static partial class DossierNumbers
{
    /// <summary>A three-character département code (971), a four-digit year and a sequence of up to seven digits.</summary>
    public const int MaxLength = 20;

    public static string Format(string departementCode, int year, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departementCode);
        return string.Create(CultureInfo.InvariantCulture, $"{departementCode}-{year:0000}-{sequence:000000}");
    }

    /// <summary>
    /// The year a record created at <paramref name="createdAtUtc"/> is numbered in: the French year. New
    /// Year falls in winter, when Paris is always UTC+1, so one hour is exact for this purpose.
    /// </summary>
    public static int YearOf(DateTime createdAtUtc) => createdAtUtc.AddHours(1).Year;

    /// <summary>
    /// What a word typed in the search box says about a dossier number: the whole number
    /// (« 99-2026-123 » is « 99-2026-000123 », <paramref name="exact"/>), or how it ends (« 2026-000123 »,
    /// « 000123 », « 123 »: <paramref name="suffix"/>). A four-digit word is a birth year, and
    /// « 2015-03 » a birth month, not a number: null.
    /// </summary>
    public static bool TryParseSearch(string word, out string? exact, out string? suffix)
    {
        ArgumentNullException.ThrowIfNull(word);
        (exact, suffix) = (null, null);
        var full = FullNumber().Match(word);
        if (full.Success)
        {
            exact = Format(full.Groups["d"].Value.ToUpperInvariant(), Number(full.Groups["y"].Value), Number(full.Groups["n"].Value));
            return true;
        }

        var yearAndSequence = YearAndSequence().Match(word);
        if (yearAndSequence.Success)
        {
            suffix = string.Create(CultureInfo.InvariantCulture, $"-{Number(yearAndSequence.Groups["y"].Value):0000}-{Number(yearAndSequence.Groups["n"].Value):000000}");
            return true;
        }

        if (Sequence().IsMatch(word) && !(word.Length == 4 && word[0] != '0'))
        {
            suffix = "-" + Number(word).ToString("000000", CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // Codes of metropolitan (01-95, Corsica 2A/2B) and overseas (971-976) départements, and 98/99 of the test and demo data.
    [GeneratedRegex(@"^(?<d>[0-9]{2,3}|2[ABab])-(?<y>[0-9]{4})-(?<n>[0-9]{1,7})$", RegexOptions.CultureInvariant)]
    private static partial Regex FullNumber();

    // At least three digits after the year: « 2015-03 » is a birth month.
    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<n>[0-9]{3,7})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearAndSequence();

    [GeneratedRegex(@"^[0-9]{1,7}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sequence();
}
