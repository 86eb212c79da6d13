using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// A facility with its capacity and availability. Not child data: no audit row per view; a reader
/// without the right gets 404 like everywhere else.
/// </summary>
public sealed class GetFacility(AppDbContext db, CurrentUser currentUser)
{
    public async Task<Result<FacilityView>> HandleAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var f = await db.Facilities.AsNoTracking().Include(x => x.Capacities).SingleOrDefaultAsync(x => x.Id == facilityId, cancellationToken);
        if (f is null || !FacilityRules.MayRead(subject, f))
        {
            return Result<FacilityView>.NotFound();
        }

        return Result<FacilityView>.Ok(new FacilityView(
            f.Id, f.Name, f.DepartementCode, f.PlaceKind, f.ServiceId, f.FosterCarerUserId, f.Finess, f.FinessCategory, f.PostalCode, f.City,
            f.ContactName, f.ContactPhone, f.AgreementNumber, f.AgreementValidUntil, f.PublishesPlaces, f.IsActive, f.Version,
            [.. f.Capacities.OrderBy(c => c.CareType).ThenBy(c => c.AgeMinYears).ThenBy(c => c.Id).Select(CapacityView.From)],
            new FacilityRights(FacilityRules.MayManage(subject, f.DepartementCode), FacilityRules.MayUpdatePlaces(subject, f))));
    }
}
