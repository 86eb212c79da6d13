using System.Linq.Expressions;
using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Organisations;

public sealed record ServiceRow(
    Guid Id, Guid OrganisationId, string OrganisationName, string Name, ServiceKind Kind, string? Finess, int? FinessCategory, bool IsActive, int MemberCount);

public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, string? DepartementCode, IReadOnlyList<ServiceRow> Services);

/// <summary>The organisations and their services, as the administrator manages them: three queries.</summary>
public sealed class ListOrganisations(AppDbContext db, AdminScope scope)
{
    public async Task<Result<IReadOnlyList<OrganisationRow>>> HandleAsync(CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.ManageOrganisations, cancellationToken);
        if (reach is null)
        {
            return Result<IReadOnlyList<OrganisationRow>>.Forbidden();
        }

        var organisations = await reach.Organisations(db.Organisations).AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.Kind, o.DepartementCode })
            .ToListAsync(cancellationToken);
        var ids = organisations.Select(o => o.Id).ToList();
        var services = (await Services(s => ids.Contains(s.OrganisationId)).ToListAsync(cancellationToken)).ToLookup(s => s.OrganisationId);
        return Result<IReadOnlyList<OrganisationRow>>.Ok(organisations
            .OrderBy(o => o.Name, FrenchOrder.Comparer)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.DepartementCode, [.. services[o.Id].OrderBy(s => s.Name, FrenchOrder.Comparer)]))
            .ToList());
    }

    /// <summary>One service, for the confirmation of its deactivation or reactivation.</summary>
    public async Task<Result<ServiceRow>> FindServiceAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.ManageOrganisations, cancellationToken);
        if (reach is null)
        {
            return Result<ServiceRow>.Forbidden();
        }

        var organisations = reach.Organisations(db.Organisations).Select(o => o.Id);
        var service = await Services(s => s.Id == serviceId && organisations.Contains(s.OrganisationId)).SingleOrDefaultAsync(cancellationToken);
        return service is null ? Result<ServiceRow>.NotFound() : Result<ServiceRow>.Ok(service);
    }

    private IQueryable<ServiceRow> Services(Expression<Func<Service, bool>> filter) =>
        from s in db.Services.AsNoTracking().Where(filter)
        select new ServiceRow(
            s.Id, s.OrganisationId, s.Organisation!.Name, s.Name, s.Kind, s.Finess, s.FinessCategory, s.IsActive,
            db.Memberships.Count(m => m.ServiceId == s.Id));
}
