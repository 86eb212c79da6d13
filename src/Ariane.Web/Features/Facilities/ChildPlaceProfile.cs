using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>What the places screens show of the child a place is sought for: the name heads the page, age and sex fill the filters.</summary>
public sealed record ChildPlaceProfileView(Guid ChildId, string DisplayName, string DossierNumber, int AgeYears, Sex Sex, bool MayRequest);

/// <summary>
/// « Une place pour cet enfant »: the child's name, age and sex, read through the gate (identity section)
/// and audited with the child's id like any opening of the record. <see cref="ChildPlaceProfileView.MayRequest"/>
/// says whether the reader may also send a request for them (social write and FindPlaces, as
/// <see cref="SendPlacementRequest"/> checks again). A merged record answers « not found »: the survivor is the one to seek for.
/// </summary>
public sealed class ChildPlaceProfile(AppDbContext db, ChildAccess access, TimeProvider time)
{
    public async Task<Result<ChildPlaceProfileView>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Identity, cancellationToken);
        if (!opening.Allowed || opening.MergedIntoId is not null)
        {
            return Result<ChildPlaceProfileView>.NotFound();
        }

        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.BirthName, c.UsageName, c.FirstNames, c.DossierNumber, c.BirthDate, c.Sex })
            .SingleAsync(cancellationToken);
        db.Audit.Record(AuditEventType.ChildViewed, childId, Section.Identity, opening.Basis, entityType: "Child", entityId: childId,
            details: """{"for":"places"}""");
        await db.SaveChangesAsync(cancellationToken);
        var name = $"{(string.IsNullOrWhiteSpace(child.UsageName) ? child.BirthName : child.UsageName)} {child.FirstNames}";
        var age = FacilityRules.AgeYears(child.BirthDate.Year, child.BirthDate.Month, child.BirthDate.Day, Shared.Format.Today(time));
        var mayRequest = opening.Subject.Has(Permission.FindPlaces) && opening.May(AccessOperation.Write, Section.Social);
        return Result<ChildPlaceProfileView>.Ok(new ChildPlaceProfileView(childId, name, child.DossierNumber, age, child.Sex, mayRequest));
    }
}
