using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

public sealed class SearchChildrenRequest
{
    /// <summary>Names in any order, with or without accents, spelled as they sound; a dossier number; optionally a (partial) birth date.</summary>
    [StringLength(200, ErrorMessage = "La recherche ne peut dépasser 200 caractères.")]
    public string? Q { get; set; }

    /// <summary>"12/03/2015", "03/2015" or "2015".</summary>
    [StringLength(10, ErrorMessage = "Date de naissance illisible.")]
    public string? BirthDate { get; set; }

    /// <summary>Only the children the user is named on, or that a colleague delegated to them.</summary>
    public bool Mine { get; set; }

    /// <summary>Opaque cursor of the next page (keyset pagination).</summary>
    [StringLength(200)]
    public string? After { get; set; }

    [Range(1, 100, ErrorMessage = "Entre 1 et 100 résultats par page.")]
    public int PageSize { get; set; } = 25;
}

public sealed record ChildPage(IReadOnlyList<ChildListItem> Items, string? NextCursor);

/// <summary>
/// Searches the children the user may read (filter in SQL), tolerant to accents, case, hyphens,
/// compound names, swapped first and last names, spelling by sound and partial birth dates; finds a
/// dossier number. Exact and prefix matches come before matches by sound. Every search is audited.
/// </summary>
public sealed class SearchChildren(AppDbContext db, ChildAccess access, AccessQueries queries, CurrentUser currentUser, ChildListColumns columns, TimeProvider time)
{
    public async Task<Result<ChildPage>> HandleAsync(SearchChildrenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validation.Check(request);
        var terms = ChildSearchTerms.Read(request.Q, request.BirthDate);
        var date = PartialDate.TryParse(terms.BirthDate);
        if (date is null || !date.IsValid(Format.Today(time)))
        {
            Validation.Add(errors, "birthDate", "Date de naissance illisible : JJ/MM/AAAA, MM/AAAA ou AAAA.");
        }

        var cursor = ChildSearchCursor.Parse(request.After);
        if (request.After is not null && cursor is null)
        {
            Validation.Add(errors, "after", "Curseur de page invalide.");
        }

        if (errors.Count > 0)
        {
            return Result<ChildPage>.Invalid(errors);
        }

        var children = await access.ReadableAsync(Section.Identity, cancellationToken);
        if (request.Mine)
        {
            children = await MineAsync(children, cancellationToken);
        }

        children = ChildSearchQuery.BirthDate(ChildSearchQuery.Numbers(children, terms), date!);
        var words = ChildSearchQuery.Words(terms.Names);
        var postgres = db.Database.IsNpgsql();
        var spelled = ChildSearchQuery.MatchesFirst(ChildSearchQuery.Spelled(children, words), words, postgres);
        var sounded = ChildSearchQuery.SoundedOnly(children, db.Children, words) is { } soundedOnly
            ? ChildSearchQuery.MatchesFirst(soundedOnly, words, postgres)
            : null;

        // Tier 0 then tier 1, each read in (SearchKey, Id) order from the cursor on, until the page is full.
        var wanted = request.PageSize + 1;
        var rows = new List<(Child Child, int Tier)>();
        if (cursor is not { Tier: > 0 })
        {
            var from = cursor is { } c0 ? ChildSearchQuery.After(spelled, c0.Key, c0.Id) : spelled;
            rows.AddRange((await PageAsync(from, wanted, cancellationToken)).Select(c => (c, 0)));
        }

        if (rows.Count < wanted && sounded is not null)
        {
            var from = cursor is { Tier: > 0 } c1 ? ChildSearchQuery.After(sounded, c1.Key, c1.Id) : sounded;
            rows.AddRange((await PageAsync(from, wanted - rows.Count, cancellationToken)).Select(c => (c, 1)));
        }

        var shown = rows.Take(request.PageSize).ToList();
        var scope = sounded is null ? spelled : ChildSearchQuery.SpelledOrSounded(children, words);
        var items = await columns.BuildAsync([.. shown.Select(r => (r.Child, r.Tier > 0))], scope, cancellationToken);
        var next = rows.Count > request.PageSize ? new ChildSearchCursor(shown[^1].Tier, shown[^1].Child.SearchKey, shown[^1].Child.Id).Format() : null;

        db.Audit.RecordList(AuditEventType.ChildSearched, items.Select(c => c.Id), Section.Identity, JsonSerializer.Serialize(new
        {
            q = request.Q,
            birthDate = request.BirthDate,
            mine = request.Mine,
            firstPage = request.After is null,
            results = items.Count,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<ChildPage>.Ok(new ChildPage(items, next));
    }

    private static Task<List<Child>> PageAsync(IQueryable<Child> children, int count, CancellationToken cancellationToken) =>
        children.OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>« Mes enfants »: named on the child today, or covering a colleague who is (AccessQueries, as the policy reads them).</summary>
    private async Task<IQueryable<Child>> MineAsync(IQueryable<Child> children, CancellationToken cancellationToken)
    {
        var userId = (await currentUser.SubjectAsync(cancellationToken)).UserId;
        var named = queries.ActiveWorkerAssignments;
        var delegated = queries.DelegatedAssignments(userId);
        return children.Where(c => named.Any(w => w.ChildId == c.Id && w.UserId == userId) || delegated.Any(w => w.ChildId == c.Id));
    }
}
