using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

public sealed class UpdateChildRequest
{
    public ChildInput Child { get; set; } = new();

    /// <summary>The version the user started from: a save over a newer version is a conflict.</summary>
    public int Version { get; set; }
}

/// <summary>What is stored now, returned with a conflict so the user can compare.</summary>
/// <summary>What is stored now, and who saved it when (for the conflict screen and the API's 409).</summary>
public sealed record ChildConflict(int Version, ChildInput Child, SavedBy? SavedBy);

/// <summary>Edits a child's identity with optimistic concurrency: a stale version returns the current values.</summary>
public sealed class UpdateChild(AppDbContext db, ChildAccess access, TimeProvider time)
{
    public async Task<Result<ChildSummary>> HandleAsync(Guid childId, UpdateChildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Child is null)
        {
            return Result<ChildSummary>.Invalid("child", "L'identité de l'enfant est obligatoire.");
        }

        var decision = await access.OpenAsync(childId, AccessOperation.Write, Section.Identity, cancellationToken);
        if (!decision.Allowed)
        {
            return Result<ChildSummary>.NotFound();
        }

        var errors = request.Child.Validate(Format.Today(time), out var birthDate);
        if (errors.Count > 0)
        {
            return Result<ChildSummary>.Invalid(errors);
        }

        var child = await db.Children.SingleAsync(c => c.Id == childId, cancellationToken);
        if (child.Version != request.Version)
        {
            // The conflict shows the stored values: that is a read, and it is audited as one.
            db.Audit.Record(AuditEventType.ChildViewed, childId, Section.Identity, decision.Basis, entityType: nameof(Child), entityId: childId);
            await db.SaveChangesAsync(cancellationToken);
            return Result<ChildSummary>.Conflict(new ChildConflict(child.Version, ChildInput.From(child), await SavedByAsync(childId, cancellationToken)));
        }

        // The version the user read is the one the UPDATE must still find, even if it changed since our SELECT.
        db.Entry(child).Property(c => c.Version).OriginalValue = request.Version;
        request.Child.ApplyTo(child, birthDate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken);
            db.Audit.Record(AuditEventType.ChildViewed, childId, Section.Identity, decision.Basis, entityType: nameof(Child), entityId: childId);
            await db.SaveChangesAsync(cancellationToken);
            return Result<ChildSummary>.Conflict(new ChildConflict(fresh.Version, ChildInput.From(fresh), await SavedByAsync(childId, cancellationToken)));
        }

        return Result<ChildSummary>.Ok(ChildMapping.ToSummary(child));
    }

    private Task<SavedBy?> SavedByAsync(Guid childId, CancellationToken cancellationToken) =>
        Conflicts.LastSavedByAsync<Child>(db, childId, childId, cancellationToken);
}
