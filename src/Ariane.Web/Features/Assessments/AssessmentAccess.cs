using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Persistence;
using Ariane.Web.Features.Concerns;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Assessments;

/// <summary>An evaluation opened for its reader, with the opening of its IP (every child covered).</summary>
public sealed record AssessmentOpening(Assessment Assessment, ConcernOpening Concern)
{
    public AccessSubject Subject => Concern.Subject;

    public bool IsTeamMember => Assessment.Evaluators.Any(e => e.UserId == Subject.UserId);

    /// <summary>The CRIP or a cadre of the département: may steer the evaluation (team, conclusion) as well as the team.</summary>
    public bool Steers => Subject.Grants.Any(g => g.Role.Has(Permission.QualifyConcern) && g.DepartementCode == Assessment.DepartementCode);

    public bool MayValidate => Subject.Grants.Any(g => g.Role.Has(Permission.ValidateAssessment) && g.DepartementCode == Assessment.DepartementCode);

    public Infrastructure.ChildOpening? Child(Guid childId) => Concern.Children.FirstOrDefault(c => c.ChildId == childId);
}

/// <summary>
/// Opens an evaluation through its IP (<see cref="ConcernAccess"/>): the evaluation covers the same
/// children, and the policy must allow the operation on the section for each of them.
/// </summary>
public sealed class AssessmentAccess(AppDbContext db, ConcernAccess concerns)
{
    public async Task<AssessmentOpening?> OpenAsync(Guid assessmentId, AccessOperation operation, Section section, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Assessments.Include(a => a.Children).Include(a => a.Evaluators).Include(a => a.Framework).AsSplitQuery();
        var assessment = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var concern = await concerns.OpenAsync(assessment.ConcernId, operation, section, tracked, cancellationToken);
        return concern is null ? null : new AssessmentOpening(assessment, concern);
    }
}
