using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

public sealed record DuplicateCandidate(ChildSummary Child, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Likely duplicates of a child about to be created: children the user may read that share a name
/// token (in any field, any order, accents ignored) and whose birth date does not contradict.
/// Scored in memory on a bounded candidate set (at most 200 rows).
/// </summary>
public sealed class FindDuplicates(AppDbContext db, ChildAccess access)
{
    private const int CandidateLimit = 200;
    private const int MinimumScore = 4;

    public async Task<IReadOnlyList<DuplicateCandidate>> HandleAsync(ChildInput input, PartialDate birthDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lastTokens = TextNormalizer.Tokens(input.BirthName).Concat(TextNormalizer.Tokens(input.UsageName)).Where(t => t.Length > 1).Distinct().ToList();
        var firstTokens = TextNormalizer.Tokens(input.FirstNames).Where(t => t.Length > 1).Distinct().ToList();
        var all = lastTokens.Concat(firstTokens).Distinct().Take(8).ToList();
        if (all.Count == 0)
        {
            return [];
        }

        var readable = await access.ReadableAsync(Section.Identity, cancellationToken);
        var patterns = all.Select(t => "%|" + t + "|%").ToList();
        var query = readable.Where(c => false);
        foreach (var pattern in patterns)
        {
            var p = pattern;
            query = query.Union(readable.Where(c => EF.Functions.Like(c.SearchKey, p)));
        }

        // Ordered so that the limit takes the same candidates every time (and EF does not warn of an unordered Take).
        var candidates = await query.OrderBy(c => c.Id).Take(CandidateLimit).ToListAsync(cancellationToken);
        var results = candidates
            .Select(c => Score(c, lastTokens, firstTokens, birthDate))
            .Where(d => d.Score >= MinimumScore)
            .OrderByDescending(d => d.Score)
            .Take(5)
            .ToList();

        db.Audit.RecordList(AuditEventType.DuplicateCheckPerformed, results.Select(d => d.Child.Id), Section.Identity,
            details: JsonSerializer.Serialize(new { tokens = all.Count, candidates = results.Count }));
        return results;
    }

    private static DuplicateCandidate Score(Child c, List<string> lastTokens, List<string> firstTokens, PartialDate birthDate)
    {
        var key = c.SearchKey;
        var reasons = new List<string>();
        var score = 0;
        var lastHits = lastTokens.Count(t => key.Contains('|' + t + '|', StringComparison.Ordinal));
        var firstHits = firstTokens.Count(t => key.Contains('|' + t + '|', StringComparison.Ordinal));
        if (lastHits > 0)
        {
            score += 2 * lastHits;
            reasons.Add("même nom");
        }

        if (firstHits > 0)
        {
            score += 2 * firstHits;
            reasons.Add("même prénom");
        }

        var d = c.BirthDate;
        if (birthDate.Year is { } y && d.Year is { } cy)
        {
            if (y != cy || (birthDate.Month is { } m && d.Month is { } cm && m != cm) || (birthDate.Day is { } dd && d.Day is { } cd && dd != cd))
            {
                score -= 3;
            }
            else
            {
                score += birthDate.Day is not null && d.Day is not null ? 3 : 1;
                reasons.Add("date de naissance compatible");
            }
        }

        return new DuplicateCandidate(ChildMapping.ToSummary(c), score, reasons);
    }
}
