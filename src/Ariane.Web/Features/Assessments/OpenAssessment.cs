using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Features.Concerns;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Assessments;

public sealed class OpenAssessmentRequest
{
    /// <summary>The team: at least the configured number of evaluators (2 by default).</summary>
    public List<Guid> EvaluatorIds { get; set; } = [];

    /// <summary>The other minors of the household to evaluate too, among those proposed.</summary>
    public List<Guid> HouseholdChildIds { get; set; } = [];

    /// <summary>The IP's version the CRIP started from.</summary>
    public int Version { get; set; }
}

public sealed record OpenedAssessment(Guid Id, Guid ConcernId);

/// <summary>
/// The CRIP opens the evaluation of an IP qualified « à évaluer »: the team, and the children covered —
/// those named and the other minors of the household (CASF D226-2-3). Each evaluator is named on every
/// child covered, which is what gives them access to those records (docs/architecture.md, Concerns).
/// The grid is the département's current framework version, kept by the evaluation.
/// </summary>
public sealed class OpenAssessment(
    AppDbContext db, ConcernAccess access, AssessmentCandidates candidates, IOptions<ConcernDeadlineOptions> options, TimeProvider time)
{
    public async Task<Result<OpenedAssessment>> HandleAsync(Guid concernId, OpenAssessmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EvaluatorIds ??= [];
        request.HouseholdChildIds ??= [];
        var opening = await access.OpenAsync(concernId, AccessOperation.Write, Section.Social, tracked: true, cancellationToken);
        if (opening is null)
        {
            return Result<OpenedAssessment>.NotFound();
        }

        var concern = opening.Concern;
        if (!opening.Subject.Grants.Any(g => g.Role.Has(Permission.QualifyConcern) && g.DepartementCode == concern.DepartementCode))
        {
            return Result<OpenedAssessment>.Forbidden();
        }

        var proposal = await candidates.HandleAsync(concern, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var team = request.EvaluatorIds.Distinct().ToList();
        var evaluators = proposal.Evaluators.Where(e => team.Contains(e.UserId)).ToList();
        if (evaluators.Count != team.Count)
        {
            Validation.Add(errors, "evaluatorIds", "Choisissez les évaluateurs dans la liste proposée.");
        }
        else if (team.Count < options.Value.MinimumEvaluators)
        {
            Validation.Add(errors, "evaluatorIds", options.Value.MinimumEvaluators == 1
                ? "Choisissez au moins un évaluateur."
                : $"L'évaluation est menée par une équipe d'au moins {options.Value.MinimumEvaluators} professionnels : choisissez-en {options.Value.MinimumEvaluators}.");
        }

        var household = request.HouseholdChildIds.Distinct().ToList();
        if (household.Any(id => proposal.Household.All(h => h.Id != id)))
        {
            Validation.Add(errors, "householdChildIds", "Choisissez les autres mineurs du foyer dans la liste proposée.");
        }

        if (errors.Count > 0)
        {
            return Result<OpenedAssessment>.Invalid(errors);
        }

        if (concern.Version != request.Version || concern.State != ConcernState.InAssessment
            || await db.Assessments.AnyAsync(a => a.ConcernId == concernId, cancellationToken))
        {
            return Result<OpenedAssessment>.Conflict(new { concern.State, concern.Version });
        }

        var framework = await AssessmentFrameworks.CurrentAsync(db, concern.DepartementCode, cancellationToken);
        var today = Format.Today(time);
        var assessment = new Assessment
        {
            ConcernId = concern.Id,
            DepartementCode = concern.DepartementCode,
            ServiceId = evaluators[0].ServiceId,
            FrameworkId = framework.Id,
            StartedOn = today,
        };
        var covered = concern.Children.Select(c => c.ChildId).ToList();
        foreach (var id in household)
        {
            // Added explicitly: a new row found in a tracked collection with its key already set would be taken for an existing one.
            var added = new ConcernChild { ConcernId = concern.Id, ChildId = id };
            db.ConcernChildren.Add(added);
            concern.Children.Add(added);
        }

        assessment.Children.AddRange(covered.Select(id => new AssessmentChild { AssessmentId = assessment.Id, ChildId = id, NamedInConcern = true })
            .Concat(household.Select(id => new AssessmentChild { AssessmentId = assessment.Id, ChildId = id, NamedInConcern = false })));
        assessment.Evaluators.AddRange(evaluators.Select(e => new AssessmentEvaluator { AssessmentId = assessment.Id, Assessment = assessment, UserId = e.UserId, Name = e.Name }));
        db.Assessments.Add(assessment);
        var allChildren = covered.Concat(household).ToList();
        var named = await db.WorkerAssignments.Where(w => allChildren.Contains(w.ChildId) && team.Contains(w.UserId) && w.Role == WorkerRole.Evaluator
                && (w.EndsOn == null || w.EndsOn >= today))
            .Select(w => new { w.ChildId, w.UserId }).ToListAsync(cancellationToken);
        foreach (var childId in allChildren)
        {
            foreach (var userId in team.Where(u => !named.Any(n => n.ChildId == childId && n.UserId == u)))
            {
                db.WorkerAssignments.Add(new WorkerAssignment { ChildId = childId, UserId = userId, Role = WorkerRole.Evaluator, StartsOn = today });
            }
        }

        // The IP changes (its children, its version): a colleague who opened it meanwhile gets a conflict.
        db.Entry(concern).Property(c => c.Version).OriginalValue = request.Version;
        concern.UpdatedAt = db.Audit.Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            return Result<OpenedAssessment>.Conflict(new { concern.State });
        }

        return Result<OpenedAssessment>.Ok(new OpenedAssessment(assessment.Id, concern.Id));
    }
}
