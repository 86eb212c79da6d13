using Ariane.Core.Children;
using Ariane.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>A child found by the search, with its rank: how many typed words it matched only by their sound.</summary>
internal sealed class RankedChild
{
    public required Child Child { get; init; }

    public int Rank { get; init; }
}

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
/// Rolland. A child's rank counts the words it matched by sound only, so exact and prefix matches come first.
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

    /// <summary>Every word must match, by spelling or by sound; <see cref="RankedChild.Rank"/> counts those matched by sound.</summary>
    public static IQueryable<RankedChild> Names(IQueryable<Child> children, string? names, out bool ranked)
    {
        var query = children.Select(c => new RankedChild { Child = c, Rank = 0 });
        var tokens = TextNormalizer.Tokens(names);
        // The same words, read for their sound (« ç » is kept as « s »): the n-th word is the n-th token.
        var words = FrenchPhonetic.Words(names);
        ranked = false;
        for (var i = 0; i < Math.Min(tokens.Count, MaxWords); i++)
        {
            // Letters and digits only (TextNormalizer): no LIKE wildcard can be typed.
            var prefix = "%|" + tokens[i] + "%";
            var sound = tokens[i].Length >= MinPhoneticLength && i < words.Count ? FrenchPhonetic.Encode(words[i]) : string.Empty;
            if (sound.Length < 2)
            {
                query = query.Where(x => EF.Functions.Like(x.Child.SearchKey, prefix));
                continue;
            }

            ranked = true;
            var soundPattern = "%|" + sound + "|%";
            query = query
                .Where(x => EF.Functions.Like(x.Child.SearchKey, prefix) || EF.Functions.Like(x.Child.PhoneticKey, soundPattern))
                .Select(x => new RankedChild { Child = x.Child, Rank = x.Rank + (EF.Functions.Like(x.Child.SearchKey, prefix) ? 0 : 1) });
        }

        return query;
    }

    /// <summary>The rows after <paramref name="after"/> in the order (rank, search key, id).</summary>
    public static IQueryable<RankedChild> After(IQueryable<RankedChild> query, ChildSearchCursor after, bool ranked)
    {
        var (rank, key, id) = (after.Rank, after.Key, after.Id);
#pragma warning disable CA1309 // Translated to SQL: the database's own ordering applies, the same one ORDER BY uses.
        if (!ranked)
        {
            // Every rank is 0. The first condition alone is a range on the (SearchKey, Id) index; the second breaks ties.
            return query.Where(x => string.Compare(x.Child.SearchKey, key) >= 0)
                .Where(x => string.Compare(x.Child.SearchKey, key) > 0 || x.Child.Id.CompareTo(id) > 0);
        }

        return query.Where(x => x.Rank > rank
            || (x.Rank == rank && (string.Compare(x.Child.SearchKey, key) > 0 || (x.Child.SearchKey == key && x.Child.Id.CompareTo(id) > 0))));
#pragma warning restore CA1309
    }
}
