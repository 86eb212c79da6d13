using Ariane.Core.Children;
using Ariane.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>What the search box says, once read: names, a birth date, dossier numbers.</summary>
internal sealed record ChildSearchTerms(string? Names, string? BirthDate, IReadOnlyList<string> ExactNumbers, IReadOnlyList<string> NumberEndings)
{
    /// <summary>
    /// « 98-2026-000004 », « 2026-000004 » or « 000004 » is a dossier number; then « dupont 2015 » or
    /// « léa martin 12/03/2015 »: one date typed among the names is the birth date, unless the birth date
    /// is given on its own.
    /// </summary>
    public static ChildSearchTerms Read(string? q, string? birthDate)
    {
        var parts = (q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var exact = new List<string>();
        var endings = new List<string>();
        var words = new List<string>();
        foreach (var part in parts)
        {
            if (DossierNumbers.TryParseSearch(part, out var whole, out var ending))
            {
                (whole is null ? endings : exact).Add(whole ?? ending!);
            }
            else
            {
                words.Add(part);
            }
        }

        if (!string.IsNullOrWhiteSpace(birthDate))
        {
            return new(string.Join(' ', words), birthDate, exact, endings);
        }

        var dates = words.Where(p => p.Any(char.IsAsciiDigit) && PartialDate.TryParse(p) is { Year: not null }).ToList();
        return dates.Count == 1
            ? new(string.Join(' ', words.Where(p => p != dates[0])), dates[0], exact, endings)
            : new(string.Join(' ', words), birthDate, exact, endings);
    }
}

/// <summary>
/// The filters of the search, each translated to SQL on the children the user may read. Names match
/// by spelling (a prefix of any name token, accents and order ignored: <see cref="TextNormalizer.SearchKey"/>)
/// or, for words of three letters or more, by sound (<see cref="FrenchPhonetic"/>): « roland » finds
/// Rolland. The results come in two tiers, each in the order of the names: the children who match every
/// word by spelling, then those who match some word only by its sound.
/// <para>
/// Two queries rather than one ranked query: each tier reads the (SearchKey, Id) index in order and
/// stops at the page's end, where a rank computed per row made PostgreSQL sort every match, and its
/// estimated cost crossed the JIT thresholds (half a second of compilation on 20,000 children).
/// </para>
/// </summary>
internal static class ChildSearchQuery
{
    public const int MaxWords = 6;

    /// <summary>Shorter words sound like too many names: they match by spelling only.</summary>
    private const int MinPhoneticLength = 3;

    public static IQueryable<Child> Numbers(IQueryable<Child> children, ChildSearchTerms terms)
    {
        foreach (var number in terms.ExactNumbers)
        {
            children = children.Where(c => c.DossierNumber == number);
        }

        foreach (var ending in terms.NumberEndings)
        {
            // Digits and hyphens only: nothing in the pattern is a LIKE wildcard.
            var pattern = "%" + ending;
            children = children.Where(c => EF.Functions.Like(c.DossierNumber, pattern));
        }

        return children;
    }

    public static IQueryable<Child> BirthDate(IQueryable<Child> children, PartialDate date)
    {
        if (date.Year is { } year)
        {
            children = children.Where(c => c.BirthDate.Year == year);
            if (date.Month is { } month)
            {
                children = children.Where(c => c.BirthDate.Month == month);
            }

            if (date.Day is { } day)
            {
                children = children.Where(c => c.BirthDate.Day == day);
            }
        }

        return children;
    }

    /// <summary>The words of the names, each with its spelling pattern and, when long enough, its sound pattern.</summary>
    public static IReadOnlyList<(string Prefix, string? Sound)> Words(string? names)
    {
        var tokens = TextNormalizer.Tokens(names);
        // The same words, read for their sound (« ç » is kept as « s »): the n-th word is the n-th token.
        var words = FrenchPhonetic.Words(names);
        return [.. tokens.Take(MaxWords).Select((token, i) =>
        {
            // Letters and digits only (TextNormalizer, FrenchPhonetic): no LIKE wildcard can be typed.
            var sound = token.Length >= MinPhoneticLength && i < words.Count ? FrenchPhonetic.Encode(words[i]) : string.Empty;
            return ("%|" + token + "%", sound.Length >= 2 ? "%|" + sound + "|%" : null);
        })];
    }

    /// <summary>Below three letters a word has no trigram: the index cannot serve it, and the ordered walk is better.</summary>
    private const int MinTrigramLength = 3;

    /// <summary>
    /// On PostgreSQL, the children matching the names are found first, through the trigram indexes, and only
    /// then ordered and cut to a page (docs/performance.md, National-size datasets). Without this fence
    /// (a subquery with OFFSET 0, which the planner does not flatten) the planner walks the (SearchKey, Id)
    /// index in order and filters until the page is full, expecting matches everywhere; but the children
    /// called Martin all sit together in that order, so at a million children it read 626,000 rows for
    /// « martin » (1.3 s). Words shorter than three letters keep the ordered walk.
    /// </summary>
    public static IQueryable<Child> MatchesFirst(IQueryable<Child> children, IReadOnlyList<(string Prefix, string? Sound)> words, bool postgres) =>
        postgres && words.Count > 0 && words.All(w => w.Prefix.Length - 3 >= MinTrigramLength) ? children.Skip(0) : children;

    /// <summary>First tier: every word matches a name token by spelling.</summary>
    public static IQueryable<Child> Spelled(IQueryable<Child> children, IReadOnlyList<(string Prefix, string? Sound)> words)
    {
        foreach (var (prefix, _) in words)
        {
            children = children.Where(c => EF.Functions.Like(c.SearchKey, prefix));
        }

        return children;
    }

    /// <summary>Both tiers: every word matches by spelling or by sound (the whole result set, all pages).</summary>
    public static IQueryable<Child> SpelledOrSounded(IQueryable<Child> children, IReadOnlyList<(string Prefix, string? Sound)> words)
    {
        foreach (var (prefix, sound) in words)
        {
            children = sound is null
                ? children.Where(c => EF.Functions.Like(c.SearchKey, prefix))
                : children.Where(c => EF.Functions.Like(c.SearchKey, prefix) || EF.Functions.Like(c.PhoneticKey, sound));
        }

        return children;
    }

    /// <summary>
    /// Second tier: the children of <see cref="SpelledOrSounded"/> that are not in the first; null when no
    /// word is long enough to match by sound. <paramref name="all"/> is the children table, for the check.
    /// </summary>
    public static IQueryable<Child>? SoundedOnly(IQueryable<Child> children, IQueryable<Child> all, IReadOnlyList<(string Prefix, string? Sound)> words)
    {
        if (words.All(w => w.Sound is null))
        {
            return null;
        }

        var spelled = Spelled(all, words);
        return SpelledOrSounded(children, words).Where(c => !spelled.Any(e => e.Id == c.Id));
    }

    /// <summary>The rows after (<paramref name="key"/>, <paramref name="id"/>) in the order (SearchKey, Id).</summary>
    public static IQueryable<Child> After(IQueryable<Child> children, string key, Guid id)
    {
#pragma warning disable CA1309 // Translated to SQL: the database's own ordering applies, the same one ORDER BY uses.
        // The first condition alone is a range on the (SearchKey, Id) index; the second breaks ties.
        return children.Where(c => string.Compare(c.SearchKey, key) >= 0)
            .Where(c => string.Compare(c.SearchKey, key) > 0 || c.Id.CompareTo(id) > 0);
#pragma warning restore CA1309
    }
}
