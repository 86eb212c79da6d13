using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Plans;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// A validated version of the plan: as frozen, with its signatures and what changed since the version before
/// (computed from the two snapshots); one « version du PPE consultée » audit row.
/// </summary>
public sealed class GetPlanVersion(AppDbContext db, PlanGate gate, IOptions<PlanOptions> options)
{
    public async Task<Result<PlanVersionView>> HandleAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var version = await db.ChildPlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        var plan = version is null ? null : await gate.OpenAsync(version.ChildId, cancellationToken);
        if (plan is null || (plan.Opening.RecordedBefore is { } cutoff && version!.ValidatedAt >= cutoff))
        {
            return Result<PlanVersionView>.NotFound();
        }

        var previous = await db.ChildPlanVersions.AsNoTracking().Where(v => v.PlanId == version!.PlanId && v.Number < version.Number)
            .OrderByDescending(v => v.Number).Select(v => new { v.Number, v.Snapshot }).FirstOrDefaultAsync(cancellationToken);
        var signatures = await db.PlanSignatures.AsNoTracking().Where(s => s.VersionId == versionId).OrderBy(s => s.SignedOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var documents = await db.GeneratedDocuments.AsNoTracking().Where(d => d.SourceId == versionId && d.ChildId == version!.ChildId)
            .OrderByDescending(d => d.GeneratedAt).Take(50)
            .Select(d => new { d.Id, d.Kind, d.Format, d.FileName, d.GeneratedAt, d.GeneratedByName }).ToListAsync(cancellationToken);
        // The scanned signed papers are social files: listed to social readers only (a partner reads the plan, not the record).
        var copies = plan.Opening.May(AccessOperation.Read, Section.Social)
            ? await db.Attachments.AsNoTracking().Where(a => a.PlanVersionId == versionId && a.ChildId == version!.ChildId)
                .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken)
            : [];
        var snapshot = PlanSnapshot.Parse(version!.Snapshot);
        if (!Shared.IdentityRead.Names(db, plan.Opening))
        {
            // The version froze the child's identity: a reader without identity read does not see it.
            snapshot = snapshot with { ChildName = string.Empty, BirthDate = null };
        }

        var changes = previous is null ? [] : PlanDiff.Compare(PlanSnapshot.Parse(previous.Snapshot), snapshot);
        db.Audit.Record(AuditEventType.PlanVersionViewed, version.ChildId, Section.Social, plan.Opening.Basis, entityType: nameof(ChildPlanVersion), entityId: versionId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<PlanVersionView>.Ok(new PlanVersionView(version.Id, version.ChildId, version.Number, version.ValidatedAt, version.ValidatedByName, snapshot,
            [.. signatures.Select(GetPlan.Signature)], previous?.Number, changes, plan.Who.MayValidate, options.Value.Signatories,
            [.. documents.Select(d => new PlanDocumentRow(d.Id, d.Kind, Edition(d.Kind), d.Format, d.FileName, d.GeneratedAt, d.GeneratedByName))],
            [.. copies.Select(Documents.UploadAttachment.Row)]));
    }

    public static string Edition(Core.Documents.DocumentKind kind) => kind switch
    {
        Core.Documents.DocumentKind.ChildPlanForChild => "Version pour l'enfant",
        Core.Documents.DocumentKind.ChildPlanForParents => "Version pour les parents",
        _ => "PPE complet",
    };

}

/// <summary>
/// Records a signature of a validated version, with its date (the département, a holder of parental authority, the
/// young person: the configured signatories, <see cref="PlanOptions"/>); by whoever may validate the plan.
/// </summary>
public sealed class SignPlan(AppDbContext db, PlanGate gate, PlanStore store, GetPlanVersion get, IOptions<PlanOptions> options)
{
    public async Task<Result<PlanVersionView>> HandleAsync(Guid versionId, PlanSignatureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = await db.ChildPlanVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => new { v.ChildId, v.ValidatedAt }).SingleOrDefaultAsync(cancellationToken);
        var plan = version is null ? null : await gate.OpenAsync(version.ChildId, cancellationToken);
        if (plan is null)
        {
            return Result<PlanVersionView>.NotFound();
        }

        if (!plan.Who.MayValidate)
        {
            return await gate.RefuseAsync<PlanVersionView>(version!.ChildId, cancellationToken);
        }

        var errors = Validation.Check(request);
        Validation.Defined(request.Kind, "kind", errors);
        if (request.Kind is { } kind && Enum.IsDefined(kind) && !options.Value.Signatories.Contains(kind))
        {
            Validation.Add(errors, "kind", "Ce signataire n'est pas prévu par le département.");
        }

        var today = DateOnly.FromDateTime(store.Now);
        if (request.SignedOn is { } on && (on > today.AddDays(1) || on < DateOnly.FromDateTime(version!.ValidatedAt).AddDays(-1)))
        {
            Validation.Add(errors, "signedOn", "La signature date du jour de la validation ou d'après, et pas du futur.");
        }

        if (errors.Count > 0)
        {
            return Result<PlanVersionView>.Invalid(errors);
        }

        db.PlanSignatures.Add(new PlanSignature
        {
            ChildId = version!.ChildId,
            VersionId = versionId,
            Kind = request.Kind!.Value,
            Name = ChildInput.Clean(request.Name)!,
            SignedOn = request.SignedOn!.Value,
            RecordedByName = await store.AuthorNameAsync(cancellationToken),
            RecordedAt = store.Now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(versionId, cancellationToken);
    }
}
