using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Audit;

public sealed record AccessAlertDto(Guid Id, DateTime RaisedAt, Guid UserId, string UserName, Guid ChildId, string Reason, DateTime? AcknowledgedAt);

/// <summary>Break-the-glass alerts for the cadres and the DPO: list, and acknowledge once looked at.</summary>
public sealed class AccessAlerts(AppDbContext db, CurrentUser currentUser, AuditScope scope, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<AccessAlertDto>>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var reach = await scope.ForAsync(Permission.ReceiveAccessAlerts, cancellationToken);
        if (reach is null)
        {
            return Result<IReadOnlyList<AccessAlertDto>>.NotFound();
        }

        var query = Overseen(reach).AsNoTracking();
        if (openOnly)
        {
            query = query.Where(a => a.AcknowledgedAt == null);
        }

        var alerts = await query.OrderByDescending(a => a.RaisedAt).Take(200)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new AccessAlertDto(a.Id, a.RaisedAt, a.UserId, u.DisplayName, a.ChildId, a.Reason, a.AcknowledgedAt))
            .ToListAsync(cancellationToken);
        // The reasons are free text about children: reading them is audited like any access.
        db.Audit.Record(AuditEventType.AccessAlertsViewed, details: $"{{\"count\":{alerts.Count}}}");
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<AccessAlertDto>>.Ok(alerts.OrderByDescending(a => a.RaisedAt).ToList());
    }

    public async Task<int> OpenCountAsync(CancellationToken cancellationToken) =>
        await scope.ForAsync(Permission.ReceiveAccessAlerts, cancellationToken) is { } reach
            ? await Overseen(reach).CountAsync(a => a.AcknowledgedAt == null, cancellationToken)
            : 0;

    /// <summary>The alerts on the children of the reader's départements (AuditReach): not another's.</summary>
    private IQueryable<AccessAlert> Overseen(AuditReach reach)
    {
        var children = reach.Children(db.Children).Select(c => c.Id);
        return db.AccessAlerts.Where(a => children.Contains(a.ChildId));
    }

    public async Task<Result<bool>> AcknowledgeAsync(Guid alertId, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var reach = await scope.ForAsync(Permission.ReceiveAccessAlerts, cancellationToken);
        if (reach is null)
        {
            return Result<bool>.NotFound();
        }

        var alert = await Overseen(reach).SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return Result<bool>.NotFound();
        }

        // Nobody reviews their own emergency access.
        if (alert.UserId == subject.UserId)
        {
            return Result<bool>.Forbidden();
        }

        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedAt = time.GetUtcNow().UtcDateTime;
            alert.AcknowledgedBy = subject.UserId;
            db.Audit.Record(AuditEventType.AlertAcknowledged, alert.ChildId, entityType: nameof(AccessAlert), entityId: alert.Id);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result<bool>.Ok(true);
    }
}
