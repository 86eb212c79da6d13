using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Concerns;

/// <summary>An IP opened for its reader: the IP and the opening of each child it concerns.</summary>
public sealed record ConcernOpening(Concern Concern, IReadOnlyList<ChildOpening> Children)
{
    /// <summary>Allowed for every child of the IP: a value about the household is shown only then.</summary>
    public bool May(AccessOperation operation, Section section) => Children.All(c => c.May(operation, section));

    public AccessSubject Subject => Children[0].Subject;

    /// <summary>The weakest reason among the children: what the reader's access to the IP rests on.</summary>
    public AccessBasis Basis => Children.Max(c => c.Basis);
}

/// <summary>
/// Opens an IP through <see cref="ChildAccess"/>: an IP is about a household, so it is opened only when
/// the policy allows the operation on the section for <b>every</b> child it concerns (docs/architecture.md,
/// Concerns). A refusal for one child has written its « accès refusé » row; the caller answers « not found ».
/// </summary>
public sealed class ConcernAccess(AppDbContext db, ChildAccess access)
{
    public async Task<ConcernOpening?> OpenAsync(Guid concernId, AccessOperation operation, Section section, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Concerns.Include(c => c.Children).Include(c => c.Adults).AsSplitQuery();
        var concern = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == concernId, cancellationToken);
        if (concern is null || concern.Children.Count == 0)
        {
            return null;
        }

        var openings = new List<ChildOpening>(concern.Children.Count);
        foreach (var child in concern.Children.OrderBy(c => c.Id))
        {
            var opening = await access.OpenAsync(child.ChildId, operation, section, cancellationToken);
            // A former département reads what existed at its hand-over, and an IP received later is not that.
            if (!opening.Allowed || (opening.RecordedBefore is { } cutoff && !EntityIds.CreatedBefore(concern.Id, cutoff)))
            {
                return null;
            }

            openings.Add(opening);
        }

        return new ConcernOpening(concern, openings);
    }

    /// <summary>
    /// The IPs the user may read, in SQL: every child concerned is readable in the social section.
    /// </summary>
    public async Task<IQueryable<Concern>> ReadableAsync(CancellationToken cancellationToken)
    {
        var readable = await access.ReadableAsync(Section.Social, cancellationToken);
        return db.Concerns.AsNoTracking().Where(c => !db.ConcernChildren.Any(cc => cc.ConcernId == c.Id && !readable.Any(r => r.Id == cc.ChildId)));
    }
}
