using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Documents;
using Ariane.Persistence;
using Ariane.Web.Features.Assessments;
using Ariane.Web.Features.Concerns;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Documents;

/// <summary>A generated document in a list; <paramref name="MayDownload"/> is false when it shows health content the reader may not read.</summary>
public sealed record DocumentRow(
    Guid Id, DocumentKind Kind, LegalNature LegalNature, DocumentFileFormat Format, int Number, DocumentSourceKind SourceKind, Guid SourceId,
    string FileName, long Size, string GeneratedByName, DateTime GeneratedAt, bool ContainsHealth, bool MayDownload);

/// <summary>What the documents card of an IP or an evaluation shows: the generations, and whether the reader may generate.</summary>
public sealed record DocumentsCard(DocumentSourceKind SourceKind, Guid SourceId, string SourceNumber, IReadOnlyList<DocumentRow> Documents, bool MayGenerate);

/// <summary>The documents generated about a child, newest first (one « liste des documents » row).</summary>
public sealed class ChildDocuments(AppDbContext db, ChildAccess access)
{
    public async Task<Result<IReadOnlyList<DocumentRow>>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<IReadOnlyList<DocumentRow>>.NotFound();
        }

        var readsHealth = opening.May(AccessOperation.Read, Section.Health);
        var query = db.GeneratedDocuments.AsNoTracking().Where(d => d.ChildId == childId);
        if (opening.RecordedBefore is { } cutoff)
        {
            query = query.Where(d => d.GeneratedAt < cutoff);
        }

        var rows = await query.OrderByDescending(d => d.GeneratedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        db.Audit.Record(AuditEventType.DocumentsListed, childId, Section.Social, opening.Basis);
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<DocumentRow>>.Ok([.. rows.Select(d => Row(d, readsHealth || !d.ContainsHealth))]);
    }

    internal static DocumentRow Row(GeneratedDocument d, bool mayDownload) =>
        new(d.Id, d.Kind, d.LegalNature, d.Format, d.Number, d.SourceKind, d.SourceId, d.FileName, d.Size, d.GeneratedByName, d.GeneratedAt,
            d.ContainsHealth, mayDownload);
}

/// <summary>
/// The documents generated from one IP or one evaluation (its card), each generation once: read through the
/// IP's opening (every child's social section); one audit row lists the children.
/// </summary>
public sealed class SourceDocuments(AppDbContext db, ConcernAccess concerns, AssessmentAccess assessments)
{
    public async Task<Result<DocumentsCard>> HandleAsync(DocumentSourceKind sourceKind, Guid sourceId, CancellationToken cancellationToken)
    {
        ConcernOpening? concern;
        bool mayGenerate;
        if (sourceKind == DocumentSourceKind.Assessment)
        {
            var opening = await assessments.OpenAsync(sourceId, AccessOperation.Read, Section.Social, tracked: false, cancellationToken);
            concern = opening?.Concern;
            mayGenerate = opening is not null && (opening.IsTeamMember || opening.Steers || opening.MayValidate);
        }
        else
        {
            concern = await concerns.OpenAsync(sourceId, AccessOperation.Read, Section.Social, tracked: false, cancellationToken);
            mayGenerate = concern is not null && concern.May(AccessOperation.Write, Section.Social)
                && concern.Subject.Grants.Any(g => (g.Role.Has(Permission.RecordConcern) || g.Role.Has(Permission.QualifyConcern))
                    && g.DepartementCode == concern.Concern.DepartementCode);
        }

        if (concern is null)
        {
            return Result<DocumentsCard>.NotFound();
        }

        var kind = sourceKind == DocumentSourceKind.Assessment ? DocumentKind.AssessmentReport : DocumentKind.IpAcknowledgement;
        var rows = await db.GeneratedDocuments.AsNoTracking().Where(d => d.SourceId == sourceId && d.Kind == kind)
            .OrderByDescending(d => d.Number).ThenBy(d => d.ChildId).ToListAsync(cancellationToken);
        var documents = rows.GroupBy(d => d.GenerationId)
            .Select(g => ChildDocuments.Row(g.First(), g.All(d => !d.ContainsHealth || concern.Children.First(c => c.ChildId == d.ChildId).May(AccessOperation.Read, Section.Health))))
            .ToList();
        db.Audit.RecordList(AuditEventType.DocumentsListed, concern.Concern.Children.Select(c => c.ChildId), Section.Social).EntityId = sourceId;
        await db.SaveChangesAsync(cancellationToken);
        return Result<DocumentsCard>.Ok(new DocumentsCard(sourceKind, sourceId, concern.Concern.Number, documents, mayGenerate));
    }
}
