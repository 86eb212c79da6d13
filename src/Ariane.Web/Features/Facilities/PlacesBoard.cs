using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Facilities;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

public sealed class PlacesQuery
{
    public CareType? CareType { get; set; }
    public bool? Emergency { get; set; }
    public int? Age { get; set; }
    public Sex? Sex { get; set; }
    /// <summary>A département code, or « tous » for every département that publishes; default the reader's own.</summary>
    public string? Departement { get; set; }
    public string? PostalCode { get; set; }
    public Guid? After { get; set; }
}

public sealed record PlaceRow(
    Guid CapacityId, Guid FacilityId, string FacilityName, PlaceKind PlaceKind, string? City, string DepartementCode,
    CareType CareType, int AgeMinYears, int AgeMaxYears, AcceptedSex AcceptedSex, int Available,
    string? ContactName, string? ContactPhone, DateTime UpdatedAt, string UpdatedByName, bool Stale);

public sealed record PlacesPage(IReadOnlyList<PlaceRow> Items, Guid? Next);

/// <summary>
/// The live places board (FindPlaces): published lines with at least one place available, filtered in SQL
/// and paged on the line's id. One query per page whatever the number of facilities, on the
/// (Published, CareType, DepartementCode, Available, Id) and (Published, Available, Id) indexes
/// (docs/decisions/0011-places-board.md). Not child data: no audit row.
/// </summary>
public sealed class PlacesBoard(AppDbContext db, CurrentUser currentUser, TimeProvider time)
{
    public const int PageSize = 25;
    public const string AllDepartements = "tous";
    public const int MaxPostalCode = 10;
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(7);

    public async Task<Result<PlacesPage>> HandleAsync(PlacesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Has(Permission.FindPlaces))
        {
            return Result<PlacesPage>.Forbidden();
        }

        if (query.Age is < 0 or > 25)
        {
            return Result<PlacesPage>.Invalid(nameof(query.Age), "L'âge va de 0 à 25 ans.");
        }

        // A postal code is at most 10 characters (as a facility's): a longer prefix matches nothing, and SQLite
        // refuses a LIKE pattern over 50 000 bytes with an error, so it is refused here as bad input.
        if (query.PostalCode is { Length: > MaxPostalCode } && query.PostalCode.Trim().Length > MaxPostalCode)
        {
            return Result<PlacesPage>.Invalid(nameof(query.PostalCode), "Le code postal fait au plus 10 caractères.");
        }

        var lines = db.FacilityCapacities.AsNoTracking().Where(c => c.Published && c.Available > 0);
        var careType = query.Emergency == true ? CareType.Emergency : query.CareType;
        if (careType is { } t)
        {
            lines = lines.Where(c => c.CareType == t);
        }

        if (!string.Equals(query.Departement, AllDepartements, StringComparison.OrdinalIgnoreCase))
        {
            var codes = string.IsNullOrWhiteSpace(query.Departement) ? subject.Grants.Where(g => g.Role.Has(Permission.FindPlaces)).DepartementCodes() : [query.Departement.Trim()];
            lines = lines.Where(c => codes.Contains(c.DepartementCode));
        }

        if (query.Age is { } age)
        {
            lines = lines.Where(c => c.AgeMinYears <= age && c.AgeMaxYears >= age);
        }

        if (query.Sex == Sex.Male)
        {
            lines = lines.Where(c => c.AcceptedSex != AcceptedSex.Girls);
        }
        else if (query.Sex == Sex.Female)
        {
            lines = lines.Where(c => c.AcceptedSex != AcceptedSex.Boys);
        }

        if (!string.IsNullOrWhiteSpace(query.PostalCode))
        {
            var prefix = query.PostalCode.Trim();
            lines = lines.Where(c => c.Facility!.PostalCode != null && c.Facility.PostalCode.StartsWith(prefix));
        }

        if (query.After is { } after)
        {
            lines = lines.Where(c => c.Id.CompareTo(after) > 0);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var staleBefore = now - StaleAfter;
        var rows = await lines.OrderBy(c => c.Id).Take(PageSize + 1)
            .Select(c => new PlaceRow(c.Id, c.FacilityId, c.Facility!.Name, c.Facility.PlaceKind, c.Facility.City, c.DepartementCode,
                c.CareType, c.AgeMinYears, c.AgeMaxYears, c.AcceptedSex, c.Available, c.Facility.ContactName, c.Facility.ContactPhone,
                c.UpdatedAt, c.UpdatedByName, c.UpdatedAt < staleBefore))
            .ToListAsync(cancellationToken);
        var next = rows.Count > PageSize ? rows[PageSize - 1].CapacityId : (Guid?)null;
        return Result<PlacesPage>.Ok(new PlacesPage([.. rows.Take(PageSize)], next));
    }
}
