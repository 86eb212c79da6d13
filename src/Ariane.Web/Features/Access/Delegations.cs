using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Access;

public sealed class DelegationRequest
{
    [Required(ErrorMessage = "Choisissez le collègue qui vous remplace.")]
    public Guid? ToUserId { get; set; }

    /// <summary>One child, or none for every child you are named on.</summary>
    public Guid? ChildId { get; set; }

    [Required(ErrorMessage = "La date de fin est obligatoire.")]
    public DateTime? EndsAt { get; set; }

    [Required(ErrorMessage = "Le motif est obligatoire.")]
    [StringLength(1000, ErrorMessage = "Le motif ne peut dépasser 1000 caractères.")]
    [MultiLine]
    public string? Reason { get; set; }
}

/// <summary>
/// A delegation given or received. <see cref="DossierNumber"/> names its one child when the user may read
/// that record today (null otherwise, for instance once a received delegation has ended).
/// </summary>
public sealed record DelegationDto(Guid Id, Guid FromUserId, string FromName, Guid ToUserId, string ToName, Guid? ChildId, string? DossierNumber, DateTime StartsAt, DateTime EndsAt, string Reason, DateTime? RevokedAt);

/// <summary>
/// Temporary cover during an absence: a professional lets a named colleague reach the children they
/// are named on, until a date, instead of sharing a password.
/// </summary>
public sealed class Delegations(AppDbContext db, CurrentUser currentUser, TimeProvider time, AccessQueries queries, ChildAccess access, IOptions<AccessOptions> options)
{
    public async Task<Result<Guid>> GrantAsync(DelegationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Has(Permission.Delegate))
        {
            return Result<Guid>.Forbidden();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = Validation.Check(request);
        if (request.EndsAt is { } end && (end.ToUniversalTime() <= now || end.ToUniversalTime() - now > options.Value.MaxDelegationDuration))
        {
            Validation.Add(errors, "endsAt", $"La délégation doit finir dans le futur et durer au plus {options.Value.MaxDelegationDuration.TotalDays:0} jours.");
        }

        if (request.ToUserId == subject.UserId)
        {
            Validation.Add(errors, "toUserId", "Vous ne pouvez pas vous déléguer à vous-même.");
        }
        else if (request.ToUserId is { } to && !await db.Users.AnyAsync(u => u.Id == to && u.IsActive, cancellationToken))
        {
            Validation.Add(errors, "toUserId", "Collègue inconnu ou désactivé.");
        }

        if (request.ChildId is { } childId && !await queries.ActiveWorkerAssignments.AnyAsync(
                w => w.ChildId == childId && w.UserId == subject.UserId, cancellationToken))
        {
            Validation.Add(errors, "childId", "Vous ne pouvez déléguer que les enfants sur lesquels vous êtes nommé.");
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid(errors);
        }

        var delegation = new Delegation
        {
            FromUserId = subject.UserId,
            ToUserId = request.ToUserId!.Value,
            ChildId = request.ChildId,
            StartsAt = now,
            EndsAt = request.EndsAt!.Value.ToUniversalTime(),
            Reason = request.Reason!.Trim(),
        };
        db.Delegations.Add(delegation);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(delegation.Id);
    }

    public async Task<Result<bool>> RevokeAsync(Guid delegationId, CancellationToken cancellationToken)
    {
        var userId = (await currentUser.SubjectAsync(cancellationToken)).UserId;
        var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == delegationId && d.FromUserId == userId, cancellationToken);
        if (delegation is null)
        {
            return Result<bool>.NotFound();
        }

        delegation.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        db.Audit.Record(AuditEventType.DelegationRevoked, delegation.ChildId, entityType: nameof(Delegation), entityId: delegation.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }

    /// <summary>Delegations given or received by the current user, newest first.</summary>
    public async Task<IReadOnlyList<DelegationDto>> MineAsync(CancellationToken cancellationToken)
    {
        var userId = (await currentUser.SubjectAsync(cancellationToken)).UserId;
        var readable = await access.ReadableAsync(Section.Identity, cancellationToken);
        return await db.Delegations.AsNoTracking()
            .Where(d => d.FromUserId == userId || d.ToUserId == userId)
            .OrderByDescending(d => d.StartsAt)
            .Take(100)
            .Join(db.Users, d => d.FromUserId, u => u.Id, (d, from) => new { d, from.DisplayName })
            .Join(db.Users, x => x.d.ToUserId, u => u.Id, (x, to) => new DelegationDto(
                x.d.Id, x.d.FromUserId, x.DisplayName, x.d.ToUserId, to.DisplayName, x.d.ChildId,
                readable.Where(c => c.Id == x.d.ChildId).Select(c => c.DossierNumber).FirstOrDefault(),
                x.d.StartsAt, x.d.EndsAt, x.d.Reason, x.d.RevokedAt))
            .ToListAsync(cancellationToken);
    }
}
