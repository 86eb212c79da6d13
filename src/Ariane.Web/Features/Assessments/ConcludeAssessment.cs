using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Common;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Assessments;

public sealed class ConcludeAssessmentRequest
{
    [Required(ErrorMessage = "Choisissez la conclusion de l'évaluation.")]
    public AssessmentConclusion? Conclusion { get; set; }

    [Required(ErrorMessage = "Argumentez la conclusion : c'est ce que liront la famille, le cadre et, le cas échéant, le juge.")]
    [StringLength(Assessment.TextMaxLength, MinimumLength = 20, ErrorMessage = "L'argumentation fait au moins 20 caractères.")]
    [MultiLine]
    public string? Argument { get; set; }

    /// <summary>FINEVAL. Default: today.</summary>
    public DateOnly? FinishedOn { get; set; }

    /// <summary>NOTIFEVAL.</summary>
    public DateOnly? ParentsNotifiedOn { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// The team writes the one shared conclusion: classement sans suite, administrative prestation, or argued
/// referral to the judicial authority, with FINEVAL and NOTIFEVAL; it then waits for the cadre.
/// </summary>
public sealed class ConcludeAssessment(AppDbContext db, AssessmentAccess access, CurrentUser currentUser, GetAssessment get,
    IOptions<ConcernDeadlineOptions> options, TimeProvider time)
{
    public async Task<Result<AssessmentView>> HandleAsync(Guid assessmentId, ConcludeAssessmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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
        Validation.Defined(request.Conclusion, "conclusion", errors);
        var today = Format.Today(time);
        var finished = request.FinishedOn ?? today;
        if (finished > today || finished < a.StartedOn)
        {
            Validation.Add(errors, "finishedOn", "La fin de l'évaluation est entre son ouverture et aujourd'hui.");
        }

        if (request.ParentsNotifiedOn is { } notified && (notified > today || notified < a.StartedOn))
        {
            Validation.Add(errors, "parentsNotifiedOn", "La notification aux parents est entre l'ouverture de l'évaluation et aujourd'hui.");
        }

        if (a.Evaluators.Count < options.Value.MinimumEvaluators)
        {
            Validation.Add(errors, "conclusion", $"L'évaluation est menée par au moins {options.Value.MinimumEvaluators} professionnels : complétez l'équipe avant de conclure.");
        }

        if (errors.Count > 0)
        {
            return Result<AssessmentView>.Invalid(errors);
        }

        if (a.State != AssessmentState.InProgress || a.Version != request.Version)
        {
            db.ChangeTracker.Clear();
            return Result<AssessmentView>.Conflict((await get.HandleAsync(assessmentId, cancellationToken)).Value!);
        }

        a.Conclusion = request.Conclusion;
        a.ConclusionArgument = request.Argument!.Trim();
        a.FinishedOn = finished;
        a.ParentsNotifiedOn = request.ParentsNotifiedOn;
        a.ConcludedByUserId = opening.Subject.UserId;
        a.ConcludedByName = await currentUser.DisplayNameAsync(cancellationToken);
        a.State = AssessmentState.ToValidate;
        opening.Concern.Concern.State = ConcernState.ToValidate;
        db.Entry(a).Property(x => x.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<AssessmentView>.Conflict((await get.HandleAsync(assessmentId, cancellationToken)).Value!);
        }

        db.ChangeTracker.Clear();
        return await get.HandleAsync(assessmentId, cancellationToken);
    }
}
