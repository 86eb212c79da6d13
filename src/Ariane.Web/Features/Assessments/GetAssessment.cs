using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Assessments;

public sealed record AnswerView(string CriterionCode, CriterionAnswer Answer, string? Comment);

/// <summary>
/// A health observation as the reader may see it: the content for health readers; for the others, that it
/// exists, its author and the practical summary written for them.
/// </summary>
public sealed record HealthObservationView(Guid Id, string AuthorName, DateTime CreatedAt, string PracticalSummary, string? Content, bool ContentWithheld);

public sealed record AssessedChildView(
    Guid ChildId, string Name, string BirthDate, bool NamedInConcern, DateOnly? MetAloneOn,
    IReadOnlyList<AnswerView> Answers, IReadOnlyList<DomainSummary> Summary,
    IReadOnlyList<HealthObservationView> HealthObservations, bool MayWriteHealth);

public sealed record AssessmentRights(bool MayEdit, bool MayConclude, bool MayValidate);

public sealed record AssessmentView(
    Guid Id, Guid ConcernId, string ConcernNumber, AssessmentState State, DateOnly StartedOn, DateOnly DueOn,
    string FrameworkTitle, string FrameworkVersion, FrameworkDefinition Framework,
    IReadOnlyList<string> Evaluators, string? HomeVisits, DateOnly? ParentsInformedOn, string? ParentsNotInformedReason,
    string? ChildView, string? ParentsView, string? ProfessionalsView,
    AssessmentConclusion? Conclusion, string? ConclusionArgument, DateOnly? FinishedOn, DateOnly? ParentsNotifiedOn,
    string? ConcludedByName, string? ValidatedByName, DateTime? ValidatedAt,
    IReadOnlyList<AssessedChildView> Children, AssessmentRights Rights, int Version);

/// <summary>Opens an evaluation: the grid of its framework version per child with the per-domain counts, the perceptions, the conclusion.</summary>
public sealed class GetAssessment(AppDbContext db, AssessmentAccess access)
{
    public async Task<Result<AssessmentView>> HandleAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(assessmentId, AccessOperation.Read, Section.Social, tracked: false, cancellationToken);
        if (opening is null)
        {
            return Result<AssessmentView>.NotFound();
        }

        var view = await LoadAsync(opening, cancellationToken);
        var record = db.Audit.RecordList(AuditEventType.AssessmentViewed, opening.Assessment.Children.Select(c => c.ChildId), Section.Social);
        record.EntityId = assessmentId;
        // Health content shown is recorded in its section, child by child.
        foreach (var child in view.Children.Where(c => c.HealthObservations.Any(h => !h.ContentWithheld)))
        {
            db.Audit.Record(AuditEventType.AssessmentViewed, child.ChildId, Section.Health, opening.Child(child.ChildId)!.Basis, entityId: assessmentId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<AssessmentView>.Ok(view);
    }

    public async Task<AssessmentView> LoadAsync(AssessmentOpening opening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var a = opening.Assessment;
        var framework = a.Framework!.Parse();
        var ids = a.Children.Select(c => c.ChildId).ToList();
        var children = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.BirthName, c.UsageName, c.FirstNames, c.BirthDate }).ToListAsync(cancellationToken);
        var answers = (await db.AssessmentAnswers.AsNoTracking().Where(x => x.AssessmentId == a.Id).ToListAsync(cancellationToken)).ToLookup(x => x.ChildId);
        var health = (await db.HealthObservations.AsNoTracking().Where(h => h.AssessmentId == a.Id).OrderBy(h => h.CreatedAt).ToListAsync(cancellationToken))
            .ToLookup(h => h.ChildId);
        var concern = opening.Concern.Concern;
        var open = a.State == AssessmentState.InProgress;
        var mayWrite = opening.Concern.May(AccessOperation.Write, Section.Social);
        var views = a.Children
            .Select(ac => (ac, child: children.First(c => c.Id == ac.ChildId)))
            .OrderBy(x => x.child.BirthDate.Year).ThenBy(x => x.child.BirthDate.Month).ThenBy(x => x.child.Id)
            .Select(x =>
            {
                var childOpening = opening.Child(x.ac.ChildId)!;
                var readsHealth = childOpening.May(AccessOperation.Read, Section.Health);
                var childAnswers = answers[x.ac.ChildId].ToList();
                return new AssessedChildView(
                    x.ac.ChildId, $"{(string.IsNullOrWhiteSpace(x.child.UsageName) ? x.child.BirthName : x.child.UsageName)} {x.child.FirstNames}",
                    x.child.BirthDate.ToString(), x.ac.NamedInConcern, x.ac.MetAloneOn,
                    [.. childAnswers.Select(v => new AnswerView(v.CriterionCode, v.Answer, v.Comment))],
                    AssessmentGrid.Summarise(framework, childAnswers.Select(v => (v.CriterionCode, v.Answer))),
                    [.. health[x.ac.ChildId].Select(h => new HealthObservationView(h.Id, h.AuthorName, h.CreatedAt, h.PracticalSummary,
                        readsHealth ? h.Content : null, !readsHealth))],
                    open && (opening.IsTeamMember || opening.Steers) && childOpening.May(AccessOperation.Write, Section.Health));
            })
            .ToList();
        return new AssessmentView(
            a.Id, a.ConcernId, concern.Number, a.State, a.StartedOn, concern.DueOn, a.Framework.Title, a.Framework.Version, framework,
            [.. a.Evaluators.Select(e => e.Name).Order(StringComparer.Ordinal)], a.HomeVisits, a.ParentsInformedOn, a.ParentsNotInformedReason,
            a.ChildView, a.ParentsView, a.ProfessionalsView, a.Conclusion, a.ConclusionArgument, a.FinishedOn, a.ParentsNotifiedOn,
            a.ConcludedByName, a.ValidatedByName, a.ValidatedAt, views,
            new AssessmentRights(open && mayWrite && (opening.IsTeamMember || opening.Steers), open && mayWrite && (opening.IsTeamMember || opening.Steers),
                a.State == AssessmentState.ToValidate && mayWrite && opening.MayValidate),
            a.Version);
    }
}
