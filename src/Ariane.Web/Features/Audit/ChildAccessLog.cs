using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Audit;

/// <summary>
/// "Who accessed this record": every audited read, write and refusal on one child, and every list view in
/// which the child appeared (who, when, which search; never the other children shown), newest first.
/// For the cadre (who must also be able to read the child) and the DPO. Viewing it is itself audited.
/// </summary>
public sealed class ChildAccessLog(AppDbContext db, CurrentUser currentUser, ChildAccess access, AuditScope scope)
{
    public async Task<Result<AuditPage>> HandleAsync(Guid childId, long? before, int pageSize, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var isDpo = subject.Has(Permission.SearchAudit);
        if (!subject.Has(Permission.ViewChildAudit))
        {
            return Result<AuditPage>.NotFound();
        }

        var children = db.Children.AsNoTracking();
        if (!isDpo)
        {
            // A former département reads what it recorded, not who opened the record after it left
            // (docs/decisions/0007-tenancy.md).
            var decision = await access.OpenAsync(childId, AccessOperation.Read, Section.Identity, cancellationToken);
            if (!decision.Allowed || decision.Basis == AccessBasis.FormerDepartement)
            {
                return Result<AuditPage>.NotFound();
            }
        }
        else
        {
            // The DPO of the child's département, not another's (AuditReach).
            children = (await scope.ForAsync(Permission.SearchAudit, cancellationToken))!.Children(children);
        }

        // The DPO reads the log without reading the record: the child's name and number only, to identify it.
        var child = AuditChild.Of(await children.SingleOrDefaultAsync(c => c.Id == childId, cancellationToken));
        if (child is null)
        {
            return Result<AuditPage>.NotFound();
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        var direct = db.AuditRecords.Where(r => r.ChildId == childId);
        var listed = db.AuditListedChildren.Where(l => l.ChildId == childId);
        if (before is { } b)
        {
            direct = direct.Where(r => r.Sequence < b);
            listed = listed.Where(l => l.AuditSequence < b);
        }

        // Each side walks its own (child, sequence) index newest first and stops after one page: the page is
        // the newest of at most two pages of candidates, in the same query as the rows.
        var sequences = direct.OrderByDescending(r => r.Sequence).Select(r => r.Sequence).Take(pageSize + 1)
            .Concat(listed.OrderByDescending(l => l.AuditSequence).Select(l => l.AuditSequence).Take(pageSize + 1));
        var rows = await AuditEntries.PageAsync(db, db.AuditRecords.AsNoTracking().Where(r => sequences.Contains(r.Sequence)), pageSize + 1, cancellationToken);
        db.Audit.Record(AuditEventType.ChildAccessLogViewed, childId);
        await db.SaveChangesAsync(cancellationToken);
        var items = rows.Take(pageSize).Select(r => r with { InList = r.ChildId != childId }).ToList();
        return Result<AuditPage>.Ok(new AuditPage(items, rows.Count > pageSize ? rows[pageSize - 1].Sequence : null) { Child = child });
    }
}
