using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Assessments;

public sealed class HealthObservationRequest
{
    [Required(ErrorMessage = "L'observation est obligatoire.")]
    [StringLength(Assessment.TextMaxLength, ErrorMessage = "L'observation ne peut dépasser 20 000 caractères.")]
    [MultiLine]
    public string? Content { get; set; }

    /// <summary>What the rest of the team needs to know, without the medical content.</summary>
    [Required(ErrorMessage = "Écrivez pour l'équipe ce qu'elle doit savoir, sans le contenu médical (par exemple « suivi en place, à poursuivre »).")]
    [StringLength(500, MinimumLength = 5, ErrorMessage = "Le résumé pour l'équipe fait entre 5 et 500 caractères.")]
    public string? PracticalSummary { get; set; }
}

/// <summary>
/// A health professional of the team records what they observed of a child's health (health section),
/// with the practical summary the other members read in its place.
/// </summary>
public sealed class RecordHealthObservation(AppDbContext db, AssessmentAccess access, CurrentUser currentUser, GetAssessment get)
{
    public async Task<Result<AssessmentView>> HandleAsync(Guid assessmentId, Guid childId, HealthObservationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opening = await access.OpenAsync(assessmentId, AccessOperation.Read, Section.Social, tracked: false, cancellationToken);
        var child = opening?.Child(childId);
        if (opening is null || child is null)
        {
            return Result<AssessmentView>.NotFound();
        }

        if (!child.May(AccessOperation.Write, Section.Health) || !(opening.IsTeamMember || opening.Steers)
            || opening.Assessment.State != AssessmentState.InProgress)
        {
            return Result<AssessmentView>.Forbidden();
        }

        var errors = Validation.Check(request);
        if (errors.Count > 0)
        {
            return Result<AssessmentView>.Invalid(errors);
        }

        db.HealthObservations.Add(new HealthObservation
        {
            AssessmentId = assessmentId,
            ChildId = childId,
            Content = request.Content!.Trim(),
            PracticalSummary = request.PracticalSummary!.Trim(),
            AuthorUserId = opening.Subject.UserId,
            AuthorName = await currentUser.DisplayNameAsync(cancellationToken),
        });
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(assessmentId, cancellationToken);
    }
}
