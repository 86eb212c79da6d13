using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Records, changes or removes a person's right of visit and contact (docs/domain.md, Contact rights): the
/// person must be linked to the child, the measure (optional) one of the child's; version checked on change.
/// </summary>
public sealed class SaveContactRight(AppDbContext db, ChildAccess access, CurrentUser currentUser, ChildContactRights card)
{
    public async Task<Result<ContactRightsCard>> RecordAsync(Guid childId, ContactRightRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (opening, refusal) = await PlacementGate.OpenAsync(access, childId, AccessOperation.Write, Permission.RecordMeasure, cancellationToken);
        if (refusal is { } r)
        {
            return PlacementGate.Refuse<ContactRightsCard>(r);
        }

        var errors = await ValidateAsync(childId, request, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<ContactRightsCard>.Invalid(errors);
        }

        var right = new ContactRight
        {
            ChildId = childId,
            Source = string.Empty,
            RecordedByUserId = opening.Subject.UserId,
            RecordedByName = await currentUser.DisplayNameAsync(cancellationToken),
        };
        Apply(right, request);
        db.ContactRights.Add(right);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ContactRightsCard>.Ok(await card.BuildAsync(opening, cancellationToken));
    }

    public async Task<Result<ContactRightsCard>> UpdateAsync(Guid contactRightId, ContactRightRequest? request, bool remove, CancellationToken cancellationToken)
    {
        var childId = await db.ContactRights.AsNoTracking().Where(c => c.Id == contactRightId).Select(c => (Guid?)c.ChildId).SingleOrDefaultAsync(cancellationToken);
        if (childId is null)
        {
            return Result<ContactRightsCard>.NotFound();
        }

        var (opening, refusal) = await PlacementGate.OpenAsync(access, childId.Value, AccessOperation.Write, Permission.RecordMeasure, cancellationToken);
        if (refusal is { } r)
        {
            return PlacementGate.Refuse<ContactRightsCard>(r);
        }

        var right = await db.ContactRights.SingleAsync(c => c.Id == contactRightId, cancellationToken);
        var version = request?.Version ?? 0;
        if (!remove)
        {
            ArgumentNullException.ThrowIfNull(request);
            var errors = await ValidateAsync(childId.Value, request, cancellationToken);
            if (errors.Count > 0)
            {
                return Result<ContactRightsCard>.Invalid(errors);
            }
        }

        if (right.Version != version)
        {
            return await ConflictAsync(opening, cancellationToken);
        }

        db.Entry(right).Property(c => c.Version).OriginalValue = version;
        if (remove)
        {
            db.ContactRights.Remove(right);
        }
        else
        {
            Apply(right, request!);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(opening, cancellationToken);
        }

        return Result<ContactRightsCard>.Ok(await card.BuildAsync(opening, cancellationToken));
    }

    private async Task<Result<ContactRightsCard>> ConflictAsync(ChildOpening opening, CancellationToken cancellationToken)
    {
        var current = await card.BuildAsync(opening, cancellationToken);
        db.Audit.Record(AuditEventType.ContactRightsViewed, opening.ChildId, Section.Social, opening.Basis, details: """{"conflict":true}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<ContactRightsCard>.Conflict(current);
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(Guid childId, ContactRightRequest request, CancellationToken cancellationToken)
    {
        var errors = Validation.Check(request);
        Validation.Defined(request.Kind, "kind", errors);
        if (request.EndsOn is { } end && request.StartsOn is { } start && end < start)
        {
            Validation.Add(errors, "endsOn", "La fin du droit doit suivre son début.");
        }

        if (request.LinkedPersonId is { } personId && !await db.LinkedPersons.AnyAsync(p => p.Id == personId && p.ChildId == childId, cancellationToken))
        {
            Validation.Add(errors, "linkedPersonId", "Choisissez une personne liée au dossier de l'enfant.");
        }

        if (request.MeasureId is { } measureId && !await db.Measures.AnyAsync(m => m.Id == measureId && m.ChildId == childId, cancellationToken))
        {
            Validation.Add(errors, "measureId", "Choisissez une mesure de l'enfant.");
        }

        return errors;
    }

    private static void Apply(ContactRight right, ContactRightRequest request)
    {
        right.LinkedPersonId = request.LinkedPersonId!.Value;
        right.Kind = request.Kind!.Value;
        right.MeasureId = request.MeasureId;
        right.Source = ChildInput.Clean(request.Source)!;
        right.StartsOn = request.StartsOn!.Value;
        right.EndsOn = request.EndsOn;
        right.Terms = ChildInput.Clean(request.Terms);
    }
}
