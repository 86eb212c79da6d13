using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Audit;

/// <summary>
/// "Who accessed this record": every audited read, write and refusal on one child, newest first.
/// For the cadre (who must also be able to read the child) and the DPO. Viewing it is itself audited.
/// </summary>
public sealed class ChildAccessLog(AppDbContext db, CurrentUser currentUser, ChildAccess access)
{
    public async Task<Result<AuditPage>> HandleAsync(Guid childId, long? before, int pageSize, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var isDpo = subject.Has(Permission.SearchAudit);
        if (!subject.Has(Permission.ViewChildAudit))
        {
            return Result<AuditPage>.NotFound();
        }

        if (!isDpo)
        {
            var decision = await access.OpenAsync(childId, AccessOperation.Read, Section.Identity, cancellationToken);
            if (!decision.Allowed)
            {
                return Result<AuditPage>.NotFound();
            }
        }
        else if (!await db.Children.AnyAsync(c => c.Id == childId, cancellationToken))
        {
            return Result<AuditPage>.NotFound();
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.AuditRecords.AsNoTracking().Where(r => r.ChildId == childId);
        if (before is { } b)
        {
            query = query.Where(r => r.Sequence < b);
        }

        var rows = await query.OrderByDescending(r => r.Sequence).Take(pageSize + 1).Select(AuditProjection.ToDto).ToListAsync(cancellationToken);
        db.Audit.Record(AuditEventType.ChildAccessLogViewed, childId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<AuditPage>.Ok(new AuditPage(rows.Take(pageSize).ToList(), rows.Count > pageSize ? rows[pageSize - 1].Sequence : null));
    }
}

internal static class AuditProjection
{
    public static readonly System.Linq.Expressions.Expression<Func<AuditRecord, AuditEntryDto>> ToDto = r => new AuditEntryDto(
        r.Sequence, r.OccurredAt, r.EventType, r.Outcome, r.UserId, r.UserName, r.ChildId, r.Section, r.AccessBasis, r.EntityType, r.Reason, r.IpAddress);
}
