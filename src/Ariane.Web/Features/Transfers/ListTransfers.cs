using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Transfers;

/// <summary>The transfers a département has to answer, those it proposed, and those decided lately.</summary>
public sealed record TransferBoard(IReadOnlyList<TransferDto> Incoming, IReadOnlyList<TransferDto> Outgoing, IReadOnlyList<TransferDto> Decided, bool MayDecide, bool MayPropose);

/// <summary>
/// Both sides see the pending transfers: the receiving département's cadres and CRIP (to decide), the
/// sending département's référents and cadres (to follow or withdraw). Those who decide transfers (cadres,
/// CRIP) see all of their département's; a référent sees those of the children they may read, and their
/// own proposals. The list shows each child's name, so it is an audited list view naming the children it
/// showed.
/// </summary>
public sealed class ListTransfers(AppDbContext db, CurrentUser currentUser, ChildAccess access, TimeProvider time)
{
    /// <summary>How long a decided transfer stays on the board.</summary>
    private const int DecidedDays = 30;

    public async Task<Result<TransferBoard>> HandleAsync(CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var deciding = CodesWith(subject, Permission.DecideTransfer);
        var proposing = CodesWith(subject, Permission.ProposeTransfer);
        if (deciding.Count == 0 && proposing.Count == 0)
        {
            return Result<TransferBoard>.Forbidden();
        }

        var codes = deciding.Concat(proposing).Distinct().ToList();
        var since = time.GetUtcNow().UtcDateTime.AddDays(-DecidedDays);
        var readableIds = (await access.ReadableAsync(Section.Social, cancellationToken)).Select(c => c.Id);
        var userId = subject.UserId;
        var all = await TransferDto.ListAsync(db, db.DepartementTransfers.Where(t =>
            (codes.Contains(t.ToDepartementCode) || codes.Contains(t.FromDepartementCode))
            && (deciding.Contains(t.ToDepartementCode) || deciding.Contains(t.FromDepartementCode)
                || t.ProposedByUserId == userId || readableIds.Contains(t.ChildId))
            && (t.State == TransferState.Proposed || t.DecidedAt >= since)), cancellationToken);
        var incoming = all.Where(t => t.State == TransferState.Proposed && codes.Contains(t.ToDepartementCode)).ToList();
        var outgoing = all.Where(t => t.State == TransferState.Proposed && codes.Contains(t.FromDepartementCode)).ToList();
        var decided = all.Where(t => t.State != TransferState.Proposed).ToList();

        db.Audit.RecordList(AuditEventType.TransfersViewed, all.Select(t => t.ChildId), Section.Social,
            details: $"{{\"incoming\":{incoming.Count},\"outgoing\":{outgoing.Count},\"decided\":{decided.Count}}}");
        await db.SaveChangesAsync(cancellationToken);
        return Result<TransferBoard>.Ok(new TransferBoard(incoming, outgoing, decided, deciding.Count > 0, proposing.Count > 0));
    }

    private static List<string> CodesWith(AccessSubject subject, Permission permission) =>
        subject.Grants.Where(g => g.Role.Has(permission)).DepartementCodes();
}
