using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Persistence;

namespace Ariane.Web.Features.Transfers;

/// <summary>
/// The transfers of one child, for its record page (already opened and audited by the page): the
/// history of its responsible département and any pending proposal. Only the two départements of a
/// transfer know it exists (docs/decisions/0007-tenancy.md): a reader sees the transfers from or to the
/// départements of their grants, and a former département (<paramref name="recordedBefore"/> set) only
/// its own hand-over, never what the child's later départements proposed or decided.
/// </summary>
public sealed class ChildTransfers(AppDbContext db)
{
    public Task<List<TransferDto>> ForChildAsync(Guid childId, AccessSubject subject, DateTime? recordedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var codes = subject.Grants.DepartementCodes();
        var query = db.DepartementTransfers.Where(t => t.ChildId == childId && t.State != TransferState.Cancelled);
        query = recordedBefore is { } cutoff
            ? query.Where(t => codes.Contains(t.FromDepartementCode) && t.State == TransferState.Accepted && t.DecidedAt <= cutoff)
            : query.Where(t => codes.Contains(t.FromDepartementCode) || codes.Contains(t.ToDepartementCode));
        return TransferDto.ListAsync(db, query, cancellationToken);
    }
}
