using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Assessments;

public sealed class AnswerInput
{
    [Required(ErrorMessage = "Le critère est obligatoire.")]
    [StringLength(64)]
    public string? CriterionCode { get; set; }

    public CriterionAnswer Answer { get; set; }

    [StringLength(AssessmentAnswer.CommentMaxLength, ErrorMessage = "Un commentaire ne peut dépasser 2000 caractères.")]
    [MultiLine]
    public string? Comment { get; set; }
}

public sealed class ChildGridInput
{
    public Guid ChildId { get; set; }

    /// <summary>The meeting with the child alone, when age allows.</summary>
    public DateOnly? MetAloneOn { get; set; }

    public List<AnswerInput> Answers { get; set; } = [];
}

public sealed class SaveAssessmentRequest
{
    [StringLength(500, ErrorMessage = "Les visites ne peuvent dépasser 500 caractères.")]
    public string? HomeVisits { get; set; }

    public DateOnly? ParentsInformedOn { get; set; }

    [StringLength(2000, ErrorMessage = "Le motif ne peut dépasser 2000 caractères.")]
    [MultiLine]
    public string? ParentsNotInformedReason { get; set; }

    [StringLength(Assessment.TextMaxLength, ErrorMessage = "Ce texte ne peut dépasser 20 000 caractères.")]
    [MultiLine]
    public string? ChildView { get; set; }

    [StringLength(Assessment.TextMaxLength, ErrorMessage = "Ce texte ne peut dépasser 20 000 caractères.")]
    [MultiLine]
    public string? ParentsView { get; set; }

    [StringLength(Assessment.TextMaxLength, ErrorMessage = "Ce texte ne peut dépasser 20 000 caractères.")]
    [MultiLine]
    public string? ProfessionalsView { get; set; }

    /// <summary>The grid of the children saved with this request (all of them, or only the one the form shows).</summary>
    public List<ChildGridInput> Children { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>
/// The team saves the evaluation as it goes: visits, parents informed (or why not), the perceptions, and
/// the grid — each criterion préoccupant / satisfaisant / sans réponse with an optional comment — for
/// the children covered. One version for the whole evaluation: two saves from the same version give
/// the second one a conflict, never a silent overwrite.
/// </summary>
public sealed class SaveAssessment(AppDbContext db, AssessmentAccess access, GetAssessment get, TimeProvider time)
{
    public async Task<Result<AssessmentView>> HandleAsync(Guid assessmentId, SaveAssessmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Children = [.. (request.Children ?? []).Where(c => c is not null)];
        request.Children.ForEach(c => c.Answers = [.. (c.Answers ?? []).Where(a => a is not null)]);
        var opening = await access.OpenAsync(assessmentId, AccessOperation.Write, Section.Social, tracked: true, cancellationToken);
        if (opening is null)
        {
            return Result<AssessmentView>.NotFound();
        }

        var a = opening.Assessment;
        if (!(opening.IsTeamMember || opening.Steers))
        {
            return Result<AssessmentView>.Forbidden();
        }

        var errors = Validation.Check(request);
        var today = Format.Today(time);
        if (request.ParentsInformedOn is { } informed && (informed > today || informed < a.StartedOn.AddMonths(-3)))
        {
            Validation.Add(errors, "parentsInformedOn", "La date d'information des parents est entre l'ouverture de l'évaluation et aujourd'hui.");
        }

        if (request.ParentsInformedOn is not null && !string.IsNullOrWhiteSpace(request.ParentsNotInformedReason))
        {
            Validation.Add(errors, "parentsNotInformedReason", "Les parents ont été informés : laissez vide le motif de non-information.");
        }

        var framework = a.Framework!.Parse();
        var criteria = framework.Domains.SelectMany(d => d.Criteria.Select(c => (Domain: d.Code, c.Code))).ToDictionary(x => x.Code, x => x.Domain, StringComparer.Ordinal);
        for (var i = 0; i < request.Children.Count; i++)
        {
            var grid = request.Children[i];
            if (a.Children.All(c => c.ChildId != grid.ChildId))
            {
                Validation.Add(errors, $"children[{i}].childId", "Cet enfant n'est pas couvert par l'évaluation.");
                continue;
            }

            if (grid.MetAloneOn is { } met && met > today)
            {
                Validation.Add(errors, $"children[{i}].metAloneOn", "La date de la rencontre ne peut pas être dans le futur.");
            }

            for (var j = 0; j < grid.Answers.Count; j++)
            {
                if (grid.Answers[j].CriterionCode is { } code && !criteria.ContainsKey(code))
                {
                    Validation.Add(errors, $"children[{i}].answers[{j}].criterionCode", "Ce critère n'est pas dans le référentiel de l'évaluation.");
                }

                if (!Enum.IsDefined(grid.Answers[j].Answer))
                {
                    Validation.Add(errors, $"children[{i}].answers[{j}].answer", "Réponse inconnue.");
                }
            }
        }

        if (errors.Count > 0)
        {
            return Result<AssessmentView>.Invalid(errors);
        }

        if (a.State != AssessmentState.InProgress || a.Version != request.Version)
        {
            return await ConflictAsync(assessmentId, cancellationToken);
        }

        a.HomeVisits = Children.ChildInput.Clean(request.HomeVisits);
        a.ParentsInformedOn = request.ParentsInformedOn;
        a.ParentsNotInformedReason = Children.ChildInput.Clean(request.ParentsNotInformedReason);
        a.ChildView = Children.ChildInput.Clean(request.ChildView);
        a.ParentsView = Children.ChildInput.Clean(request.ParentsView);
        a.ProfessionalsView = Children.ChildInput.Clean(request.ProfessionalsView);
        var childIds = request.Children.Select(c => c.ChildId).ToList();
        var stored = await db.AssessmentAnswers.Where(x => x.AssessmentId == assessmentId && childIds.Contains(x.ChildId)).ToListAsync(cancellationToken);
        foreach (var grid in request.Children.GroupBy(c => c.ChildId).Select(g => g.Last()))
        {
            a.Children.First(c => c.ChildId == grid.ChildId).MetAloneOn = grid.MetAloneOn;
            foreach (var input in grid.Answers.GroupBy(x => x.CriterionCode!).Select(g => g.Last()))
            {
                var existing = stored.FirstOrDefault(x => x.ChildId == grid.ChildId && x.CriterionCode == input.CriterionCode);
                var comment = Children.ChildInput.Clean(input.Comment);
                if (existing is null)
                {
                    if (input.Answer != CriterionAnswer.NoAnswer || comment is not null)
                    {
                        db.AssessmentAnswers.Add(new AssessmentAnswer
                        {
                            AssessmentId = assessmentId,
                            ChildId = grid.ChildId,
                            DomainCode = criteria[input.CriterionCode!],
                            CriterionCode = input.CriterionCode!,
                            Answer = input.Answer,
                            Comment = comment,
                        });
                    }
                }
                else
                {
                    existing.Answer = input.Answer;
                    existing.Comment = comment;
                }
            }
        }

        // Every save moves the evaluation's version, so that a colleague's save from the old one is refused.
        db.Entry(a).Property(x => x.Version).OriginalValue = request.Version;
        db.Entry(a).Property(x => x.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            return await ConflictAsync(assessmentId, cancellationToken);
        }

        db.ChangeTracker.Clear();
        return await get.HandleAsync(assessmentId, cancellationToken);
    }

    private async Task<Result<AssessmentView>> ConflictAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return Result<AssessmentView>.Conflict((await get.HandleAsync(assessmentId, cancellationToken)).Value!);
    }

}
