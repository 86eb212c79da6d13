using Ariane.Core.Children;
using Ariane.Persistence;

namespace Ariane.Web.Features.Transfers;

/// <summary>
/// The transfers of one child, for its record page (already opened and audited by the page): the
/// history of its responsible département and any pending proposal.
/// </summary>
public sealed class ChildTransfers(AppDbContext db)
{
    public Task<List<TransferDto>> ForChildAsync(Guid childId, CancellationToken cancellationToken) =>
        TransferDto.ListAsync(db, db.DepartementTransfers.Where(t => t.ChildId == childId && t.State != TransferState.Cancelled), cancellationToken);
}
