using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>The directory of the reader's départements, by name then id (keyset, 50 a page).</summary>
public sealed class ListFacilities(AppDbContext db, CurrentUser currentUser)
{
    public const int PageSize = 50;

    public async Task<Result<FacilityPage>> HandleAsync(string? departement, string? after, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Has(Permission.ManageFacilities) && !subject.Has(Permission.FindPlaces) && !subject.Has(Permission.ReadAvailability))
        {
            return Result<FacilityPage>.Forbidden();
        }

        var query = db.Facilities.AsNoTracking();
        var codes = subject.Grants.DepartementCodes();
        if (!string.IsNullOrWhiteSpace(departement))
        {
            query = query.Where(f => f.DepartementCode == departement);
        }
        else if (codes.Count > 0)
        {
            query = query.Where(f => codes.Contains(f.DepartementCode));
        }

        if (!string.IsNullOrEmpty(after))
        {
            var parts = after.Split('|', 2);
            if (parts.Length != 2 || !Guid.TryParse(parts[1], out var afterId))
            {
                return Result<FacilityPage>.Invalid("after", "Le curseur de page n'est pas valide.");
            }

            var name = parts[0];
#pragma warning disable CA1309 // Translated to SQL: the database's ordering, the same one ORDER BY uses.
            query = query.Where(f => string.Compare(f.Name, name) > 0 || (f.Name == name && f.Id.CompareTo(afterId) > 0));
#pragma warning restore CA1309
        }

        var rows = await query.OrderBy(f => f.Name).ThenBy(f => f.Id).Take(PageSize + 1)
            .Select(f => new FacilityRow(f.Id, f.Name, f.DepartementCode, f.PlaceKind, f.City, f.PublishesPlaces, f.IsActive,
                f.Capacities.Sum(c => c.Available)))
            .ToListAsync(cancellationToken);
        var next = rows.Count > PageSize ? $"{rows[PageSize - 1].Name}|{rows[PageSize - 1].Id}" : null;
        return Result<FacilityPage>.Ok(new FacilityPage([.. rows.Take(PageSize)], next));
    }
}
