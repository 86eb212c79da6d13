using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

/// <summary>What a reader is told of a stay's place: its name and details, or the hidden label.</summary>
public sealed record PlaceShown(string Name, string? Detail, bool Hidden);

/// <summary>
/// Names the places of a child's stays for the reader (docs/security.md, Protected flag): for a protected
/// child, only who may know (<see cref="ProtectedPlace.MayKnow"/>) reads the facility, its city and contact,
/// the host person or the place label; everyone else reads <see cref="ProtectedPlace.HiddenLabel"/>.
/// Every screen or answer that shows a stay's place goes through here. Two queries for any number of stays.
/// </summary>
public sealed class PlaceNames(AppDbContext db)
{
    public async Task<Dictionary<Guid, PlaceShown>> ForAsync(
        ChildOpening opening, bool isProtected, IReadOnlyCollection<Placement> stays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(stays);
        var facilityIds = stays.Where(s => s.FacilityId != null).Select(s => s.FacilityId!.Value).Distinct().ToList();
        var personIds = stays.Where(s => s.HostPersonId != null).Select(s => s.HostPersonId!.Value).Distinct().ToList();
        var facilities = facilityIds.Count == 0 ? [] : await db.Facilities.AsNoTracking()
            .Where(f => facilityIds.Contains(f.Id))
            .Select(f => new { f.Id, f.Name, f.City, f.PostalCode, f.ContactName, f.ContactPhone, f.ServiceId, f.FosterCarerUserId })
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        var persons = personIds.Count == 0 ? [] : await db.LinkedPersons.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstNames })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var departement = opening.Facts?.ResponsibleDepartementCode ?? string.Empty;
        var named = isProtected && await IsNamedReferentAsync(opening, cancellationToken);

        var shown = new Dictionary<Guid, PlaceShown>();
        foreach (var stay in stays)
        {
            var facility = stay.FacilityId is { } fid ? facilities.GetValueOrDefault(fid) : null;
            if (isProtected && !ProtectedPlace.MayKnow(opening.Subject, departement, named, facility?.ServiceId, facility?.FosterCarerUserId))
            {
                shown[stay.Id] = new PlaceShown(ProtectedPlace.HiddenLabel, null, true);
                continue;
            }

            if (facility is not null)
            {
                var where = string.Join(" ", new[] { facility.PostalCode, facility.City }.Where(x => !string.IsNullOrEmpty(x)));
                var contact = string.Join(" – ", new[] { facility.ContactName, facility.ContactPhone }.Where(x => !string.IsNullOrEmpty(x)));
                var detail = string.Join(" · ", new[] { where, contact }.Where(x => x.Length > 0));
                shown[stay.Id] = new PlaceShown(facility.Name, detail.Length > 0 ? detail : null, false);
            }
            else if (stay.HostPersonId is { } pid && persons.GetValueOrDefault(pid) is { } person)
            {
                shown[stay.Id] = new PlaceShown($"{person.LastName} {person.FirstNames}".Trim(), stay.PlaceLabel, false);
            }
            else
            {
                shown[stay.Id] = new PlaceShown(stay.PlaceLabel ?? PlaceKinds.Label(stay.PlaceKind), null, false);
            }
        }

        return shown;
    }

    /// <summary>
    /// The child's named référent: the case worker assigned to the child, or the référent of one of their
    /// measures. Being named on the child in another role (an evaluator, a health professional) is not enough.
    /// </summary>
    private async Task<bool> IsNamedReferentAsync(ChildOpening opening, CancellationToken cancellationToken)
    {
        var user = opening.Subject.UserId;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await db.WorkerAssignments.AsNoTracking().AnyAsync(
                w => w.ChildId == opening.ChildId && w.UserId == user && w.Role == Core.Children.WorkerRole.CaseWorker
                    && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today), cancellationToken)
            || await db.Measures.AsNoTracking().AnyAsync(
                m => m.ChildId == opening.ChildId && m.ReferentUserId == user && m.State != Core.Measures.MeasureState.Ended, cancellationToken);
    }
}
