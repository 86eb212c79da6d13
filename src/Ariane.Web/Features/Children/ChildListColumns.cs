using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Features.Admin;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>
/// The columns that tell the children of a list apart, read for the listed children only, one query per
/// column whatever the page size: the town of the current address, the services assigned today, the
/// référent(s) named today, and the brothers and sisters found by the same search. All of it is identity
/// section, which the list already requires; an assignment's motive, which has its own section, is not read.
/// </summary>
public sealed class ChildListColumns(AppDbContext db, AccessQueries queries, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>A common parent key (a matching error, not a fratrie) must not flood a page: it stops there.</summary>
    private const int MaxSiblingRows = 1000;

    /// <summary>
    /// The lines of <paramref name="children"/>, in their order. <paramref name="siblingScope"/> is the whole
    /// result set (all pages), in which brothers and sisters are looked for; null to leave them out.
    /// </summary>
    public async Task<IReadOnlyList<ChildListItem>> BuildAsync(
        IReadOnlyList<(Child Child, bool MatchedBySound)> children, IQueryable<Child>? siblingScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (children.Count == 0)
        {
            return [];
        }

        var ids = children.Select(c => c.Child.Id).ToList();
        var today = Format.Today(time);
        var cities = await CitiesAsync(ids, today, cancellationToken);
        var services = (await queries.ActiveServiceAssignments
                .Where(a => ids.Contains(a.ChildId))
                .Select(a => new { a.ChildId, a.Service!.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ChildId, a => a.Name);
        // The référent's role tells nothing beyond identity (WorkerRoles.SectionOf): the name may be listed.
        var referents = (await queries.ActiveWorkerAssignments
                .Where(w => ids.Contains(w.ChildId) && w.Role == WorkerRole.CaseWorker)
                .Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new { w.ChildId, u.DisplayName })
                .ToListAsync(cancellationToken))
            .ToLookup(w => w.ChildId, w => w.DisplayName);
        var siblings = siblingScope is null ? null : await SiblingsAsync(ids, siblingScope, cancellationToken);
        var transferredAway = await TransferredAwayAsync(children, cancellationToken);

        return children.Select(row =>
        {
            var c = row.Child;
            if (transferredAway.Contains(c.Id))
            {
                // Listed only because the user's département transferred the child out: today's town,
                // services and référent are the receiving département's, not what the sender recorded.
                return new ChildListItem(
                    c.Id, c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames, c.Sex,
                    c.BirthDate.ToString(), c.BirthDate.Year, c.BirthDate.Month, c.BirthDate.Day,
                    Format.Age(c.BirthDate.Year, c.BirthDate.Month, c.BirthDate.Day, today), null, [], [], [], row.MatchedBySound);
            }

            return new ChildListItem(
                c.Id, c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames, c.Sex,
                c.BirthDate.ToString(), c.BirthDate.Year, c.BirthDate.Month, c.BirthDate.Day,
                Format.Age(c.BirthDate.Year, c.BirthDate.Month, c.BirthDate.Day, today),
                cities.GetValueOrDefault(c.Id),
                [.. services[c.Id].Distinct().Order(FrenchOrder.Comparer)],
                [.. referents[c.Id].Distinct().Order(FrenchOrder.Comparer)],
                siblings?.GetValueOrDefault(c.Id) ?? [],
                row.MatchedBySound);
        }).ToList();
    }

    /// <summary>
    /// The listed children of another département that the user's département transferred out and still
    /// reads (docs/decisions/0007-tenancy.md): one query, only when some child is of another département.
    /// </summary>
    private async Task<HashSet<Guid>> TransferredAwayAsync(IReadOnlyList<(Child Child, bool MatchedBySound)> children, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var codes = subject.Grants.DepartementCodes();
        var others = children.Where(c => !codes.Contains(c.Child.ResponsibleDepartementCode)).Select(c => c.Child.Id).ToList();
        if (others.Count == 0 || codes.Count == 0)
        {
            return [];
        }

        var serviceIds = subject.Grants.Select(g => g.ServiceId).Distinct().ToList();
        var userId = subject.UserId;
        var stillFollowed = queries.ActiveServiceAssignments.Where(a => serviceIds.Contains(a.ServiceId)).Select(a => a.ChildId)
            .Concat(queries.ActiveWorkerAssignments.Where(w => w.UserId == userId).Select(w => w.ChildId));
        return [.. await queries.TransfersStillReadableBySender
            .Where(t => others.Contains(t.ChildId) && codes.Contains(t.FromDepartementCode) && !stillFollowed.Contains(t.ChildId))
            .Select(t => t.ChildId).Distinct().ToListAsync(cancellationToken)];
    }

    /// <summary>The town of each child's current address: the latest begun and not ended today.</summary>
    private async Task<Dictionary<Guid, string>> CitiesAsync(List<Guid> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var addresses = await db.ChildAddresses.AsNoTracking()
            .Where(a => ids.Contains(a.ChildId) && (a.From == null || a.From <= today) && (a.To == null || a.To >= today))
            .Select(a => new { a.ChildId, a.City, a.From, a.Id })
            .ToListAsync(cancellationToken);
        return addresses
            .GroupBy(a => a.ChildId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.From ?? DateOnly.MinValue).ThenByDescending(a => a.Id).First().City);
    }

    /// <summary>
    /// For each listed child, the other children of <paramref name="scope"/> who share a parent with it
    /// (<see cref="LinkedPerson.ParentKeyOf"/>), in one query.
    /// <para>
    /// Why each line names its brothers and sisters rather than the list being regrouped by family: a
    /// worker looks for a name in an alphabetical list, and a family moved together would break that
    /// order and the pages; siblings who share a name are next to each other anyway, and the mention
    /// tells them apart and points to the half-brother or the sister who carries another name, with a
    /// link to each. Only children of the same results are named, which the user may all read.
    /// </para>
    /// </summary>
    private async Task<Dictionary<Guid, IReadOnlyList<SiblingDto>>> SiblingsAsync(List<Guid> ids, IQueryable<Child> scope, CancellationToken cancellationToken)
    {
        var persons = db.LinkedPersons.AsNoTracking();
        // Joins, not Contains: a Contains on the nullable key is translated with a null-safe comparison
        // that no index serves (a scan of every linked person); the join's equality seeks the ParentKey index.
        var pageKeys = persons.Where(p => ids.Contains(p.ChildId) && p.ParentKey != null).Select(p => p.ParentKey).Distinct();
        var rows = await (
                from key in pageKeys
                join p in persons on key equals p.ParentKey
                join c in scope on p.ChildId equals c.Id
                select new
                {
                    p.ParentKey,
                    c.Id,
                    c.DossierNumber,
                    c.BirthName,
                    c.UsageName,
                    c.FirstNames,
                    c.BirthDate.Year,
                    c.BirthDate.Month,
                    c.BirthDate.Day,
                })
            .OrderBy(r => r.Id)
            .Take(MaxSiblingRows)
            .ToListAsync(cancellationToken);
        var byKey = rows.ToLookup(r => r.ParentKey);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<SiblingDto>)[.. rows
            .Where(r => r.Id == id)
            .SelectMany(r => byKey[r.ParentKey])
            .Where(r => r.Id != id)
            .DistinctBy(r => r.Id)
            // Eldest first, as a family is told.
            .OrderBy(r => r.Year ?? int.MaxValue).ThenBy(r => r.Month ?? 13).ThenBy(r => r.Day ?? 32).ThenBy(r => r.Id)
            .Select(r => new SiblingDto(r.Id, r.DossierNumber, Ariane.Core.Children.Child.NameOf(r.BirthName, r.UsageName, r.FirstNames)))]);
    }
}
