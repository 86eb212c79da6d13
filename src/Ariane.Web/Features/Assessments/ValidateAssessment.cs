using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Common;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Assessments;

public sealed class ValidateAssessmentRequest
{
    /// <summary>True: the cadre validates; false: returns it to the team with a note.</summary>
    public bool Approve { get; set; } = true;

    [StringLength(2000, ErrorMessage = "La note ne peut dépasser 2000 caractères.")]
    [MultiLine]
    public string? Note { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// The cadre of the département validates the conclusion (the IP is then closed), or returns it to the
/// team with a note (the evaluation goes on). Dated and attributed.
/// </summary>
public sealed class ValidateAssessment(AppDbContext db, AssessmentAccess access, CurrentUser currentUser, GetAssessment get)
{
    public async Task<Result<AssessmentView>> HandleAsync(Guid assessmentId, ValidateAssessmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opening = await access.OpenAsync(assessmentId, AccessOperation.Write, Section.Social, tracked: true, cancellationToken);
        if (opening is null)
        {
            return Result<AssessmentView>.NotFound();
        }

        if (!opening.MayValidate)
        {
            return Result<AssessmentView>.Forbidden();
        }

        var errors = Validation.Check(request);
        if (!request.Approve && string.IsNullOrWhiteSpace(request.Note))
        {
            Validation.Add(errors, "note", "Dites à l'équipe ce qu'il faut reprendre.");
        }

        if (errors.Count > 0)
        {
            return Result<AssessmentView>.Invalid(errors);
        }

        var a = opening.Assessment;
        if (a.State != AssessmentState.ToValidate || a.Version != request.Version)
        {
            db.ChangeTracker.Clear();
            return Result<AssessmentView>.Conflict((await get.HandleAsync(assessmentId, cancellationToken)).Value!);
        }

        if (request.Approve)
        {
            a.State = AssessmentState.Validated;
            a.ValidatedByUserId = opening.Subject.UserId;
            a.ValidatedByName = await currentUser.DisplayNameAsync(cancellationToken);
            a.ValidatedAt = db.Audit.Now;
            opening.Concern.Concern.State = ConcernState.Closed;
        }
        else
        {
            a.State = AssessmentState.InProgress;
            a.ConclusionArgument = $"{a.ConclusionArgument}\n\n[Retour du cadre] {request.Note!.Trim()}";
            opening.Concern.Concern.State = ConcernState.InAssessment;
        }

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
