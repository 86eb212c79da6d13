using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

/// <summary>A child a facility or foster carer hosts today, as the facility's page lists them.</summary>
public sealed record HostedChild(
    Guid ChildId, string DossierNumber, string DisplayName, int AgeYears, CareType CareType, string CareTypeLabel, DateOnly Since, DateOnly? Until);

/// <summary>
/// The children a facility or a foster carer hosts today (docs/domain.md, Places and facilities): the MECS's team
/// sees who lives there, a foster carer her current children next to her agreement. Filtered in SQL to the children
/// whose social section the reader may read (where a child lives is social, like the stay). A protected child is
/// listed only to whoever may know her place (<see cref="ProtectedPlace.MayKnow"/>; her named référent finds her on
/// her own record). One audited list row naming the children shown; a facility hosts at most a few dozen.
/// </summary>
public sealed class HostedChildren(AppDbContext db, ChildAccess access, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>More than any facility hosts; the list says when it is cut.</summary>
    public const int Limit = 200;

    public async Task<Result<IReadOnlyList<HostedChild>>> HandleAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == facilityId, cancellationToken);
        if (facility is null || !FacilityRules.MayRead(subject, facility))
        {
            return Result<IReadOnlyList<HostedChild>>.NotFound();
        }

        // The place's own people see who they host. Anyone else sees a child of their own départements only: a
        // département that handed the child over reads what it recorded before, not where the child lives since
        // (docs/decisions/0007), and a place of another département tells nothing that département's staff need.
        var hosts = (facility.ServiceId is { } hostService && subject.Grants.Any(g => g.ServiceId == hostService))
            || (facility.FosterCarerUserId is { } carer && carer == subject.UserId);
        var departements = subject.Grants.DepartementCodes();
        var today = Format.Today(time);
        var readable = await access.ReadableAsync(Section.Social, cancellationToken);
        var rows = await db.Placements.AsNoTracking()
            .Where(p => p.FacilityId == facilityId && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today))
            .Join(readable.Where(c => hosts || departements.Contains(c.ResponsibleDepartementCode)), p => p.ChildId, c => c.Id, (p, c) => new
            {
                c.Id,
                c.DossierNumber,
                c.BirthName,
                c.UsageName,
                c.FirstNames,
                c.BirthDate,
                c.IsProtected,
                c.ResponsibleDepartementCode,
                p.CareType,
                p.StartsOn,
                p.EndsOn,
            })
            .OrderBy(r => r.StartsOn).ThenBy(r => r.Id)
            .Take(Limit)
            .ToListAsync(cancellationToken);
        var shown = rows
            .Where(r => !r.IsProtected || ProtectedPlace.MayKnow(subject, r.ResponsibleDepartementCode, false, facility.ServiceId, facility.FosterCarerUserId))
            .Select(r => new HostedChild(
                r.Id, r.DossierNumber, Ariane.Core.Children.Child.NameOf(r.BirthName, r.UsageName, r.FirstNames),
                FacilityRules.AgeYears(r.BirthDate.Year, r.BirthDate.Month, r.BirthDate.Day, today),
                r.CareType, PlaceKinds.CareTypeLabel(r.CareType), r.StartsOn, r.EndsOn))
            .ToList();
        // No child shown, nothing read: the directory page of a facility is not child data by itself.
        if (shown.Count > 0)
        {
            db.Audit.RecordList(AuditEventType.HostedChildrenListed, shown.Select(c => c.ChildId).Distinct(), Section.Social,
                details: $$"""{"facility":"{{facilityId}}","shown":{{shown.Count}}}""");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result<IReadOnlyList<HostedChild>>.Ok(shown);
    }
}
