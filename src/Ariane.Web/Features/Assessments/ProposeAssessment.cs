using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Features.Concerns;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Assessments;

/// <summary>What the CRIP chooses from to open the evaluation of an IP: evaluators, other minors of the household.</summary>
public sealed class ProposeAssessment(AppDbContext db, ConcernAccess access, AssessmentCandidates candidates)
{
    public async Task<Result<AssessmentProposal>> HandleAsync(Guid concernId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(concernId, AccessOperation.Write, Section.Social, tracked: false, cancellationToken);
        if (opening is null)
        {
            return Result<AssessmentProposal>.NotFound();
        }

        if (!opening.Subject.Grants.Any(g => g.Role.Has(Permission.QualifyConcern) && g.DepartementCode == opening.Concern.DepartementCode))
        {
            return Result<AssessmentProposal>.Forbidden();
        }

        var proposal = await candidates.HandleAsync(opening.Concern, cancellationToken);
        // The household minors proposed are children shown: listed on the audit row.
        db.Audit.RecordList(Core.Audit.AuditEventType.ConcernViewed,
            opening.Concern.Children.Select(c => c.ChildId).Concat(proposal.Household.Select(h => h.Id)), Section.Social,
            details: """{"view":"assessment-proposal"}""").EntityId = concernId;
        await db.SaveChangesAsync(cancellationToken);
        return Result<AssessmentProposal>.Ok(proposal);
    }
}
