using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Measures;

public sealed record ChoiceService(Guid Id, string Name, string OrganisationName);

public sealed record ChoiceUser(Guid Id, string DisplayName, string ServiceName);

public sealed record ChoiceFacility(Guid Id, string Name, PlaceKind PlaceKind, string? City);

/// <summary>What the measure and stay forms offer for a child's département: no child data, four bounded queries.</summary>
public sealed record MeasureChoices(IReadOnlyList<ChoiceService> Services, IReadOnlyList<ChoiceUser> Referents, IReadOnlyList<ChoiceFacility> Facilities);

/// <summary>
/// The services that may carry out a measure (active, of the département's organisations or of an
/// association, as <see cref="OpenMeasure"/> checks), the professionals who may be its référent (members of
/// those services holding <see cref="Permission.RecordMeasure"/>), and the département's active facilities.
/// </summary>
public sealed class ListMeasureChoices(AppDbContext db)
{
    public const int MaxChoices = 500;

    public async Task<MeasureChoices> HandleAsync(string departementCode, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking()
            .Where(s => s.IsActive && s.Kind != ServiceKind.Administration && s.Kind != ServiceKind.Observatory
                && (s.Organisation!.DepartementCode == departementCode || s.Organisation.Kind == OrganisationKind.AssociationGestionnaire))
            .OrderBy(s => s.Organisation!.Name).ThenBy(s => s.Name).Take(MaxChoices)
            .Select(s => new ChoiceService(s.Id, s.Name, s.Organisation!.Name))
            .ToListAsync(cancellationToken);
        // The roles are a short catalogue: read them, then filter the memberships in SQL by id.
        var roleCodes = (await db.AccessRoles.AsNoTracking().ToListAsync(cancellationToken))
            .Where(r => r.Has(Permission.RecordMeasure)).Select(r => r.Code).ToList();
        var referents = await db.Memberships.AsNoTracking()
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.IsActive) && m.Service!.IsActive && m.Service.Organisation!.DepartementCode == departementCode
                && roleCodes.Contains(m.RoleCode))
            .OrderBy(m => m.ServiceId).Take(MaxChoices)
            .Select(m => new ChoiceUser(m.UserId, db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).First(), m.Service!.Name))
            .ToListAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking()
            .Where(f => f.IsActive && f.DepartementCode == departementCode)
            .OrderBy(f => f.Name).Take(MaxChoices)
            .Select(f => new ChoiceFacility(f.Id, f.Name, f.PlaceKind, f.City))
            .ToListAsync(cancellationToken);
        return new MeasureChoices(services, referents.DistinctBy(u => u.Id).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList(), facilities);
    }
}
