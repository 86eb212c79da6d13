using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Organisations;

/// <summary>
/// Deactivates or reactivates a service. A deactivated service gives its members no right (the access
/// policy ignores its memberships) and receives no new membership; nothing is deleted.
/// </summary>
public sealed class SetServiceActive(AppDbContext db, AdminScope scope)
{
    public async Task<Result<Guid>> HandleAsync(Guid serviceId, bool active, CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.ManageOrganisations, cancellationToken);
        if (reach is null)
        {
            return Result<Guid>.Forbidden();
        }

        var organisations = reach.Organisations(db.Organisations).Select(o => o.Id);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId && organisations.Contains(s.OrganisationId), cancellationToken);
        if (service is null)
        {
            return Result<Guid>.NotFound();
        }

        if (service.IsActive == active)
        {
            return Result<Guid>.Ok(service.Id);
        }

        service.IsActive = active;
        db.Audit.Record(
            AuditEventType.ServiceUpdated,
            entityType: nameof(Service),
            entityId: service.Id,
            details: JsonSerializer.Serialize(new { name = service.Name, isActive = new[] { !active, active } }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(service.Id);
    }
}
