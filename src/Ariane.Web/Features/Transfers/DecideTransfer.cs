using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Transfers;

public enum TransferDecision
{
    Accept = 1,
    Refuse = 2,
    Withdraw = 3,
}

public sealed class DecideTransferRequest
{
    [Required(ErrorMessage = "Choisissez la décision.")]
    public TransferDecision? Decision { get; set; }

    [StringLength(DepartementTransfer.ReasonMaxLength, ErrorMessage = "Le motif ne peut dépasser 1000 caractères.")]
    [MultiLine]
    public string? Reason { get; set; }

    /// <summary>The version the user read: a transfer decided meanwhile is not decided twice.</summary>
    [Required(ErrorMessage = "La version est obligatoire.")]
    public int? Version { get; set; }
}

/// <summary>
/// The receiving département's cadre or CRIP accepts or refuses a proposed transfer (with a reason for a
/// refusal); its proposer's département may withdraw it. On acceptance, in one transaction: the child's
/// responsible département changes, the sending département's services and professionals stop following
/// the child, and the sender reads what it recorded until the end of the configured period
/// (docs/decisions/0007-tenancy.md, Transfers).
/// </summary>
public sealed class DecideTransfer(AppDbContext db, CurrentUser currentUser, ChildAccess access, TimeProvider time, IOptions<AccessOptions> options)
{
    public async Task<Result<TransferDto>> HandleAsync(Guid transferId, DecideTransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var transfer = await db.DepartementTransfers.SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        // Only the two départements know the transfer exists, and only those who may act on it are told
        // anything about it: to anyone else it is not found, whatever they posted.
        var mayWithdraw = transfer is not null
            && subject.Grants.Any(g => g.Role.Has(Permission.ProposeTransfer) && g.DepartementCode == transfer.FromDepartementCode);
        var mayDecide = transfer is not null
            && subject.Grants.Any(g => g.Role.Has(Permission.DecideTransfer) && g.DepartementCode == transfer.ToDepartementCode);
        if (transfer is null || !(mayWithdraw || mayDecide))
        {
            return Result<TransferDto>.NotFound();
        }

        var errors = Validation.Check(request);
        if (request.Decision is { } asked && !Enum.IsDefined(asked) && !errors.ContainsKey("decision"))
        {
            Validation.Add(errors, "decision", "Choisissez la décision : accepter, refuser ou retirer la proposition.");
        }

        if (request.Decision is TransferDecision.Refuse or TransferDecision.Withdraw && string.IsNullOrWhiteSpace(request.Reason) && !errors.ContainsKey("reason"))
        {
            Validation.Add(errors, "reason", request.Decision == TransferDecision.Refuse
                ? "Dites au département qui propose pourquoi vous refusez."
                : "Dites au département sollicité pourquoi vous retirez la proposition.");
        }

        if (errors.Count > 0)
        {
            return Result<TransferDto>.Invalid(errors);
        }

        if (request.Decision == TransferDecision.Withdraw ? !mayWithdraw : !mayDecide)
        {
            return Result<TransferDto>.Forbidden();
        }

        if (transfer.State != TransferState.Proposed || transfer.Version != request.Version)
        {
            return Result<TransferDto>.Conflict(await TransferDto.LoadAsync(db, transfer.Id, cancellationToken));
        }

        var now = time.GetUtcNow().UtcDateTime;
        transfer.DecidedAt = now;
        transfer.DecidedByUserId = subject.UserId;
        transfer.DecidedByName = await currentUser.DisplayNameAsync(cancellationToken);
        transfer.DecisionReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        transfer.State = request.Decision switch
        {
            TransferDecision.Accept => TransferState.Accepted,
            TransferDecision.Refuse => TransferState.Refused,
            TransferDecision.Withdraw => TransferState.Cancelled,
            _ => throw new InvalidOperationException("Décision non validée."),
        };
        if (transfer.State == TransferState.Accepted && !await HandOverAsync(transfer, cancellationToken))
        {
            return Result<TransferDto>.Conflict(await TransferDto.LoadAsync(db, transfer.Id, cancellationToken));
        }

        db.Audit.Record(
            transfer.State switch
            {
                TransferState.Accepted => AuditEventType.TransferAccepted,
                TransferState.Refused => AuditEventType.TransferRefused,
                _ => AuditEventType.TransferCancelled,
            },
            transfer.ChildId, Section.Identity, details: $"{{\"from\":\"{transfer.FromDepartementCode}\",\"to\":\"{transfer.ToDepartementCode}\"}}",
            reason: transfer.DecisionReason, entityType: nameof(DepartementTransfer), entityId: transfer.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<TransferDto>.Conflict(await TransferDto.LoadAsync(db, transfer.Id, cancellationToken));
        }

        access.Forget(transfer.ChildId);
        return Result<TransferDto>.Ok(await TransferDto.LoadAsync(db, transfer.Id, cancellationToken));
    }

    /// <summary>
    /// The record follows, whole: the child changes département (its dossier number stays, it is the
    /// child's identifier), and the sending département's assignments end yesterday, so that from today
    /// only the transfer's read period lets the sender in; those that begin today or later never take
    /// effect and are removed (their creation stays in the audit trail). Services of organisations with no
    /// département (an association's MECS) keep following the child.
    /// </summary>
    private async Task<bool> HandOverAsync(DepartementTransfer transfer, CancellationToken cancellationToken)
    {
        var child = await db.Children.SingleAsync(c => c.Id == transfer.ChildId, cancellationToken);
        if (child.ResponsibleDepartementCode != transfer.FromDepartementCode)
        {
            // Transferred meanwhile by another way: this proposal no longer stands.
            return false;
        }

        child.ResponsibleDepartementCode = transfer.ToDepartementCode;
        db.Audit.NoteChildDepartement(child.Id, transfer.ToDepartementCode);
        var today = Shared.Format.Today(time);
        transfer.SendingReadUntil = today.AddMonths(options.Value.TransferReadMonths);
        var from = transfer.FromDepartementCode;
        var yesterday = today.AddDays(-1);
        var services = await db.ServiceAssignments
            .Where(a => a.ChildId == child.Id && (a.EndsOn == null || a.EndsOn >= today) && a.Service!.Organisation!.DepartementCode == from)
            .ToListAsync(cancellationToken);
        var senders = db.Memberships.Where(m => m.Service!.Organisation!.DepartementCode == from).Select(m => m.UserId);
        var workers = await db.WorkerAssignments
            .Where(w => w.ChildId == child.Id && (w.EndsOn == null || w.EndsOn >= today) && senders.Contains(w.UserId))
            .ToListAsync(cancellationToken);
        foreach (var assignment in services)
        {
            if (assignment.StartsOn > yesterday)
            {
                db.ServiceAssignments.Remove(assignment);
            }
            else
            {
                assignment.EndsOn = yesterday;
            }
        }

        foreach (var worker in workers)
        {
            if (worker.StartsOn > yesterday)
            {
                db.WorkerAssignments.Remove(worker);
            }
            else
            {
                worker.EndsOn = yesterday;
            }
        }

        return true;
    }
}
