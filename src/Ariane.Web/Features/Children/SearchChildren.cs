using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

public sealed class SearchChildrenRequest
{
    /// <summary>Names in any order, with or without accents; and optionally a (partial) birth date.</summary>
    [StringLength(200, ErrorMessage = "La recherche ne peut dépasser 200 caractères.")]
    public string? Q { get; set; }

    /// <summary>"12/03/2015", "03/2015" or "2015".</summary>
    [StringLength(10, ErrorMessage = "Date de naissance illisible.")]
    public string? BirthDate { get; set; }

    /// <summary>Opaque cursor of the next page (keyset pagination).</summary>
    [StringLength(200)]
    public string? After { get; set; }

    [Range(1, 100, ErrorMessage = "Entre 1 et 100 résultats par page.")]
    public int PageSize { get; set; } = 25;
}

public sealed record ChildPage(IReadOnlyList<ChildSummary> Items, string? NextCursor);

/// <summary>
/// Searches the children the user may read (filter in SQL), tolerant to accents, case, hyphens,
/// compound names, swapped first and last names and partial birth dates. Every search is audited.
/// </summary>
public sealed class SearchChildren(AppDbContext db, ChildAccess access, TimeProvider time)
{
    public async Task<Result<ChildPage>> HandleAsync(SearchChildrenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validation.Check(request);
        var (names, dateText) = SplitDate(request.Q, request.BirthDate);
        var date = PartialDate.TryParse(dateText);
        if (date is null || !date.IsValid(DateOnly.FromDateTime(time.GetLocalNow().DateTime)))
        {
            Validation.Add(errors, "birthDate", "Date de naissance illisible : JJ/MM/AAAA, MM/AAAA ou AAAA.");
        }

        var cursor = Cursor.Parse(request.After);
        if (request.After is not null && cursor is null)
        {
            Validation.Add(errors, "after", "Curseur de page invalide.");
        }

        if (errors.Count > 0)
        {
            return Result<ChildPage>.Invalid(errors);
        }

        var query = await access.ReadableAsync(Section.Identity, cancellationToken);
        foreach (var token in TextNormalizer.Tokens(names).Take(6))
        {
            var pattern = "%|" + token + "%";
            query = query.Where(c => EF.Functions.Like(c.SearchKey, pattern));
        }

        // A date typed in the search box works too ("dupont 2015").
        if (date!.Year is { } year)
        {
            query = query.Where(c => c.BirthDate.Year == year);
            if (date.Month is { } month)
            {
                query = query.Where(c => c.BirthDate.Month == month);
            }

            if (date.Day is { } day)
            {
                query = query.Where(c => c.BirthDate.Day == day);
            }
        }

        if (cursor is { } after)
        {
#pragma warning disable CA1309 // Translated to SQL: the database's own ordering applies, the same one ORDER BY uses.
            // The first condition alone is a range on the (SearchKey, Id) index; the second breaks ties.
            query = query.Where(c => string.Compare(c.SearchKey, after.Key) >= 0)
                .Where(c => string.Compare(c.SearchKey, after.Key) > 0 || c.Id.CompareTo(after.Id) > 0);
#pragma warning restore CA1309
        }

        var rows = await query
            .OrderBy(c => c.SearchKey).ThenBy(c => c.Id)
            .Take(request.PageSize + 1)
            .Select(c => new { Child = c, c.SearchKey })
            .ToListAsync(cancellationToken);
        var items = rows.Take(request.PageSize).Select(r => ChildMapping.ToSummary(r.Child)).ToList();
        var next = rows.Count > request.PageSize ? Cursor.Format(rows[request.PageSize - 1].SearchKey, rows[request.PageSize - 1].Child.Id) : null;

        db.Audit.Record(AuditEventType.ChildSearched, section: Section.Identity, details: JsonSerializer.Serialize(new
        {
            q = request.Q,
            birthDate = request.BirthDate,
            firstPage = request.After is null,
            results = items.Count,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<ChildPage>.Ok(new ChildPage(items, next));
    }

    /// <summary>
    /// "dupont 2015" or "léa martin 12/03/2015": one date typed among the names is the birth date,
    /// unless the birth date is given on its own.
    /// </summary>
    internal static (string? Names, string? Date) SplitDate(string? q, string? birthDate)
    {
        if (string.IsNullOrWhiteSpace(q) || !string.IsNullOrWhiteSpace(birthDate))
        {
            return (q, birthDate);
        }

        var parts = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var dates = parts.Where(p => p.Any(char.IsAsciiDigit) && PartialDate.TryParse(p) is { Year: not null }).ToList();
        return dates.Count == 1 ? (string.Join(' ', parts.Where(p => p != dates[0])), dates[0]) : (q, birthDate);
    }

    /// <summary>Keyset cursor: the sort key and id of the last row shown, base64url-encoded.</summary>
    private static class Cursor
    {
        public static string Format(string key, Guid id) =>
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{id:N}{key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static (string Key, Guid Id)? Parse(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            try
            {
                var b64 = value.Replace('-', '+').Replace('_', '/');
                b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
                var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64));
                return text.Length >= 32 && Guid.TryParseExact(text[..32], "N", out var id) ? (text[32..], id) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
