using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Concerns;

public sealed record ChildConcernRow(Guid Id, string Number, DateTime ReceivedAt, ConcernState State, ConcernQualification? Qualification, DateOnly DueOn);

/// <summary>The IPs that concern a child, with their state, for their record (social section).</summary>
public sealed class ChildConcerns(AppDbContext db, ChildAccess access)
{
    public async Task<Result<IReadOnlyList<ChildConcernRow>>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<IReadOnlyList<ChildConcernRow>>.NotFound();
        }

        var cutoff = opening.RecordedBefore;
        var rows = await db.ConcernChildren.AsNoTracking()
            .Where(cc => cc.ChildId == childId)
            .Join(db.Concerns, cc => cc.ConcernId, c => c.Id, (cc, c) => c)
            .OrderByDescending(c => c.ReceivedAt)
            .Take(100)
            .Select(c => new ChildConcernRow(c.Id, c.Number, c.ReceivedAt, c.State, c.Qualification, c.DueOn))
            .ToListAsync(cancellationToken);
        if (cutoff is { } c)
        {
            rows = [.. rows.Where(r => Core.Common.EntityIds.CreatedBefore(r.Id, c))];
        }

        db.Audit.Record(AuditEventType.ConcernsListed, childId, Section.Social, opening.Basis, details: $$"""{"shown":{{rows.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<ChildConcernRow>>.Ok(rows);
    }
}
