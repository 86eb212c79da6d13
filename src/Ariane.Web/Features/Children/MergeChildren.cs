using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ariane.Web.Features.Children;

public sealed class MergeChildrenRequest
{
    /// <summary>The record that disappears into the other one (the route's child is the one that stays).</summary>
    [Required(ErrorMessage = "Choisissez le dossier à fusionner dans celui-ci.")]
    public Guid? AbsorbedChildId { get; set; }

    [Required(ErrorMessage = "Le motif de la fusion est obligatoire.")]
    [StringLength(ChildMerge.ReasonMaxLength, MinimumLength = 10, ErrorMessage = "Le motif fait entre 10 et 1000 caractères.")]
    [MultiLine]
    public string? Reason { get; set; }
}

/// <summary>What the merge did: the survivor, the absorbed record, and how many rows moved or were dropped as duplicates.</summary>
public sealed record ChildMergeDto(Guid Id, Guid SurvivorId, string SurvivorDossierNumber, Guid AbsorbedChildId, string AbsorbedDossierNumber,
    int RowsMoved, int DuplicatesDropped, DateTime MergedAt);

/// <summary>
/// Merges two records found to be the same child (docs/domain.md, Merging two records): the CRIP or a cadre
/// of the child's département, with both records open for writing their identity. Every row of the absorbed
/// child is re-pointed to the survivor (a duplicate of a row the survivor has is dropped), the absorbed record
/// is kept, marked merged, with a <see cref="ChildMerge"/> row holding its identity; all in one save, so one
/// transaction with the audit: each moved or dropped row audited as data, and one
/// <see cref="AuditEventType.ChildrenMerged"/> row on each child.
/// </summary>
public sealed class MergeChildren(AppDbContext db, ChildAccess access, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Both records, opened for writing their identity, and whether this user may merge them; null when either is out of reach.</summary>
    public async Task<Result<(ChildOpening Survivor, ChildOpening Absorbed)>> OpenBothAsync(Guid survivorId, Guid absorbedId, CancellationToken cancellationToken)
    {
        var survivor = await access.OpenAsync(survivorId, AccessOperation.Write, Section.Identity, cancellationToken);
        if (!survivor.Allowed)
        {
            return Result<(ChildOpening, ChildOpening)>.NotFound();
        }

        if (absorbedId == survivorId)
        {
            return Result<(ChildOpening, ChildOpening)>.Invalid("absorbedChildId", "Choisissez un autre dossier que celui-ci.");
        }

        var absorbed = await access.OpenAsync(absorbedId, AccessOperation.Write, Section.Identity, cancellationToken);
        if (!absorbed.Allowed)
        {
            return Result<(ChildOpening, ChildOpening)>.NotFound();
        }

        // Both records open, so their existence is no secret: a merge refused for the role answers 403. Only
        // a grant of the two records' own département merges them (a record of another département is
        // transferred first); never through a delegation.
        var code = survivor.Facts!.ResponsibleDepartementCode;
        var mayMerge = survivor.Basis != AccessBasis.Delegation && absorbed.Basis != AccessBasis.Delegation
            && absorbed.Facts!.ResponsibleDepartementCode == code
            && survivor.Subject.Grants.Any(g => g.Role.Has(Permission.MergeChildren) && g.DepartementCode == code);
        return mayMerge ? Result<(ChildOpening, ChildOpening)>.Ok((survivor, absorbed)) : Result<(ChildOpening, ChildOpening)>.Forbidden();
    }

    public async Task<Result<ChildMergeDto>> HandleAsync(Guid survivorId, MergeChildrenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AbsorbedChildId is not { } absorbedId)
        {
            // The survivor first: a stranger to it learns nothing, not even that the body was incomplete.
            var opening = await access.OpenAsync(survivorId, AccessOperation.Write, Section.Identity, cancellationToken);
            return opening.Allowed ? Result<ChildMergeDto>.Invalid(Validation.Check(request)) : Result<ChildMergeDto>.NotFound();
        }

        var both = await OpenBothAsync(survivorId, absorbedId, cancellationToken);
        if (!both.IsOk)
        {
            return new Result<ChildMergeDto>(both.Status, null, both.Errors);
        }

        var errors = Validation.Check(request);
        if (request.Reason is { } typed && typed.Trim().Length < 10 && !errors.ContainsKey("reason"))
        {
            Validation.Add(errors, "reason", "Le motif fait entre 10 et 1000 caractères.");
        }

        if (errors.Count == 0 && await db.DepartementTransfers.AnyAsync(
                t => (t.ChildId == survivorId || t.ChildId == absorbedId) && t.State == TransferState.Proposed, cancellationToken))
        {
            Validation.Add(errors, "absorbedChildId", "Un transfert vers un autre département est en attente pour l'un des deux dossiers : attendez la réponse, ou retirez-le, avant de fusionner.");
        }

        if (errors.Count > 0)
        {
            return Result<ChildMergeDto>.Invalid(errors);
        }

        var (survivorOpening, absorbedOpening) = both.Value;
        var survivor = await db.Children.SingleAsync(c => c.Id == survivorId, cancellationToken);
        var absorbed = await db.Children.SingleAsync(c => c.Id == absorbedId, cancellationToken);
        var today = Shared.Format.Today(time);
        var moved = 0;
        var dropped = 0;
        foreach (var type in RepointedTypes(db.Model))
        {
            var (m, d) = await RepointAsync(type, absorbedId, survivorId, today, cancellationToken);
            moved += m;
            dropped += d;
        }

        // The records merged into the absorbed one earlier now lead to the survivor: no chain of merges.
        foreach (var earlier in await db.Children.Where(c => c.MergedIntoId == absorbedId).ToListAsync(cancellationToken))
        {
            earlier.MergedIntoId = survivorId;
        }

        var subject = survivorOpening.Subject;
        var merge = new ChildMerge
        {
            AbsorbedChildId = absorbedId,
            SurvivorChildId = survivorId,
            AbsorbedDossierNumber = absorbed.DossierNumber,
            AbsorbedIdentity = JsonSerializer.Serialize(new
            {
                absorbed.DossierNumber,
                absorbed.BirthName,
                absorbed.UsageName,
                absorbed.FirstNames,
                Sex = absorbed.Sex.ToString(),
                BirthDate = absorbed.BirthDate.ToString(),
                absorbed.BirthPlace,
                absorbed.Nationality,
                absorbed.Ins,
                absorbed.ResponsibleDepartementCode,
                absorbed.CreatedAt,
            }),
            Reason = request.Reason!.Trim(),
            MergedByUserId = subject.UserId,
            MergedByName = await currentUser.DisplayNameAsync(cancellationToken),
            MergedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ChildMerges.Add(merge);
        absorbed.MergedIntoId = survivorId;
        var details = (Guid other, string role) => JsonSerializer.Serialize(new { role, otherChildId = other, mergeId = merge.Id, rowsMoved = moved, duplicatesDropped = dropped });
        db.Audit.Record(AuditEventType.ChildrenMerged, survivorId, Section.Identity, survivorOpening.Basis, details(absorbedId, "survivor"),
            reason: merge.Reason, entityType: nameof(ChildMerge), entityId: merge.Id);
        db.Audit.Record(AuditEventType.ChildrenMerged, absorbedId, Section.Identity, absorbedOpening.Basis, details(survivorId, "absorbed"),
            reason: merge.Reason, entityType: nameof(ChildMerge), entityId: merge.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Merged at the same moment by someone else (one merge per absorbed record): theirs stands.
            return Result<ChildMergeDto>.Invalid("absorbedChildId", "Ce dossier vient d'être fusionné par quelqu'un d'autre.");
        }

        access.Forget(survivorId);
        access.Forget(absorbedId);
        return Result<ChildMergeDto>.Ok(new ChildMergeDto(merge.Id, survivorId, survivor.DossierNumber, absorbedId, merge.AbsorbedDossierNumber, moved, dropped, merge.MergedAt));
    }

    /// <summary>
    /// The entity types whose rows belong to one child and follow it to the survivor: every <see cref="IChildData"/>
    /// type but the child itself, found in the model so that a new module's rows are re-pointed too, and the
    /// delegations of one record. The audit rows keep the old child id: that is history.
    /// </summary>
    public static IReadOnlyList<IEntityType> RepointedTypes(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType != typeof(Child)
                && (typeof(IChildData).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(Delegation)))
            .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal)];
    }

    /// <summary>The column of a re-pointed type that names the child.</summary>
    public const string ChildIdProperty = nameof(IChildData.ChildId);

    private async Task<(int Moved, int Dropped)> RepointAsync(IEntityType type, Guid absorbedId, Guid survivorId, DateOnly today, CancellationToken cancellationToken)
    {
        var absorbedRows = await RowsOfAsync(type, absorbedId, cancellationToken);
        if (absorbedRows.Count == 0)
        {
            return (0, 0);
        }

        var survivorRows = await RowsOfAsync(type, survivorId, cancellationToken);
        // A unique index over the child and other columns (the same IP, evaluation or answer on both records):
        // the survivor's row stands, the absorbed one is dropped, audited as removed. Filtered unique indexes
        // (one pending transfer per child) are checked before the merge.
        var keys = type.GetIndexes()
            .Where(i => i.IsUnique && i.GetFilter() is null && i.Properties.Any(p => p.Name == ChildIdProperty))
            .Select(i => i.Properties.Where(p => p.Name != ChildIdProperty).Select(p => p.Name).ToArray())
            .ToList();
        var taken = keys.Select(k => survivorRows.Select(r => Key(r, k)).ToHashSet(StringComparer.Ordinal)).ToList();
        var moved = 0;
        var dropped = 0;
        foreach (var row in absorbedRows)
        {
            if (keys.Select((k, i) => taken[i].Contains(Key(row, k))).Any(clash => clash) || DuplicatesActiveAssignment(row, survivorRows, today))
            {
                db.Remove(row);
                dropped++;
                continue;
            }

            db.Entry(row).Property(ChildIdProperty).CurrentValue = survivorId;
            for (var i = 0; i < keys.Count; i++)
            {
                taken[i].Add(Key(row, keys[i]));
            }

            moved++;
        }

        return (moved, dropped);
    }

    /// <summary>The same service, or the same professional in the same role, in force on both records: one is enough.</summary>
    private static bool DuplicatesActiveAssignment(object row, IReadOnlyList<object> survivorRows, DateOnly today) => row switch
    {
        ServiceAssignment a when a.IsActiveOn(today) =>
            survivorRows.OfType<ServiceAssignment>().Any(s => s.ServiceId == a.ServiceId && s.IsActiveOn(today)),
        WorkerAssignment w when w.IsActiveOn(today) =>
            survivorRows.OfType<WorkerAssignment>().Any(s => s.UserId == w.UserId && s.Role == w.Role && s.IsActiveOn(today)),
        _ => false,
    };

    private string Key(object row, string[] properties) =>
        string.Join('\u001f', properties.Select(p => Convert.ToString(db.Entry(row).Property(p).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private Task<List<object>> RowsOfAsync(IEntityType type, Guid childId, CancellationToken cancellationToken) =>
        (Task<List<object>>)RowsOfMethod.MakeGenericMethod(type.ClrType).Invoke(this, [type, childId, cancellationToken])!;

    private static readonly MethodInfo RowsOfMethod = typeof(MergeChildren).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>The tracked rows of <typeparamref name="T"/> whose child is <paramref name="childId"/> (a few hundred at most).</summary>
    private async Task<List<object>> RowsOf<T>(IEntityType type, Guid childId, CancellationToken cancellationToken)
        where T : class
    {
        var property = type.FindProperty(ChildIdProperty)
            ?? throw new InvalidOperationException($"{type.ClrType.Name} has no mapped {ChildIdProperty}: the merge cannot re-point it.");
        var row = Expression.Parameter(typeof(T), "row");
        var holder = new ChildIdHolder { Value = childId };
        Expression value = Expression.Property(Expression.Constant(holder), nameof(ChildIdHolder.Value));
        var column = Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], row, Expression.Constant(ChildIdProperty));
        if (property.ClrType != typeof(Guid))
        {
            value = Expression.Convert(value, property.ClrType);
        }

        var predicate = Expression.Lambda<Func<T, bool>>(Expression.Equal(column, value), row);
        return [.. await db.Set<T>().Where(predicate).ToListAsync(cancellationToken)];
    }

    /// <summary>Lets the child id be a query parameter rather than a literal in the SQL.</summary>
    private sealed class ChildIdHolder
    {
        public Guid Value { get; init; }
    }
}
