using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Audit;

/// <summary>
/// The DPO finds a child by name to answer a request (« qui a consulté le dossier de mon fils ? ») without
/// reading the record: names, birth date and dossier number only, at most <see cref="Limit"/>. The lookup is
/// itself audited (ChildLookupByDpo), with the children it showed (docs/domain.md, audit).
/// </summary>
public sealed class LookupChildByName(AppDbContext db, AuditScope scope)
{
    public const int Limit = 20;

    public async Task<Result<IReadOnlyList<AuditChildMatch>>> HandleAsync(string name, CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.SearchAudit, cancellationToken);
        if (reach is null)
        {
            return Result<IReadOnlyList<AuditChildMatch>>.Forbidden();
        }

        var words = Children.ChildSearchQuery.Words(name);
        if (words.Count == 0 || TextNormalizer.Tokens(name).Sum(t => t.Length) < 2)
        {
            return Result<IReadOnlyList<AuditChildMatch>>.Invalid("childName", "Saisissez au moins deux lettres du nom de l'enfant.");
        }

        // The search's own name filter (spelling, then sound), over the children of the DPO's département:
        // the DPO reads no record.
        var query = Children.ChildSearchQuery.SpelledOrSounded(reach.Children(db.Children.AsNoTracking()), words);
        var found = (await query.OrderBy(c => c.BirthName).ThenBy(c => c.FirstNames).ThenBy(c => c.Id).Take(Limit).ToListAsync(cancellationToken))
            .Select(c => new AuditChildMatch(AuditChild.Of(c)!, c.BirthDate.ToString()))
            .ToList();
        db.Audit.RecordList(AuditEventType.ChildLookupByDpo, found.Select(m => m.Child.Id), Section.Identity,
            System.Text.Json.JsonSerializer.Serialize(new { query = name, results = found.Count }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<AuditChildMatch>>.Ok(found);
    }
}
