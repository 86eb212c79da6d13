using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Concerns;

public sealed class QualifyConcernRequest
{
    [Required(ErrorMessage = "Choisissez la suite donnée à l'information.")]
    public ConcernQualification? Qualification { get; set; }

    /// <summary>DATSIGN.</summary>
    public DateOnly? ProsecutorReferralOn { get; set; }

    /// <summary>MOTIFSIG.</summary>
    [StringLength(2000, ErrorMessage = "Le motif ne peut dépasser 2000 caractères.")]
    [MultiLine]
    public string? ProsecutorReferralReason { get; set; }

    /// <summary>DATJE.</summary>
    public DateOnly? JudgeInformedOn { get; set; }

    [StringLength(2000, ErrorMessage = "La note ne peut dépasser 2000 caractères.")]
    [MultiLine]
    public string? Note { get; set; }

    /// <summary>The version the agent started from: a qualification made meanwhile by a colleague is not overwritten.</summary>
    public int Version { get; set; }
}

/// <summary>
/// The CRIP qualifies an IP (TRAITINFO): to evaluate; direct report to the prosecutor (DATSIGN, MOTIFSIG);
/// judge already seized (DATJE); or not an IP, with the reason. Dated and attributed; once only.
/// </summary>
public sealed class QualifyConcern(AppDbContext db, ConcernAccess access, CurrentUser currentUser, GetConcern getConcern, TimeProvider time)
{
    public async Task<Result<ConcernView>> HandleAsync(Guid concernId, QualifyConcernRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opening = await access.OpenAsync(concernId, AccessOperation.Write, Section.Social, tracked: true, cancellationToken);
        if (opening is null)
        {
            return Result<ConcernView>.NotFound();
        }

        var concern = opening.Concern;
        if (!opening.Subject.Grants.Any(g => g.Role.Has(Permission.QualifyConcern) && g.DepartementCode == concern.DepartementCode))
        {
            return Result<ConcernView>.Forbidden();
        }

        var today = Format.Today(time);
        var errors = Validation.Check(request);
        switch (request.Qualification)
        {
            case ConcernQualification.ProsecutorReferral:
                RequireDate(errors, "prosecutorReferralOn", request.ProsecutorReferralOn, today, "la date du signalement au procureur");
                if (string.IsNullOrWhiteSpace(request.ProsecutorReferralReason))
                {
                    Validation.Add(errors, "prosecutorReferralReason", "Le motif du signalement direct est obligatoire.");
                }

                break;
            case ConcernQualification.JudgeAlreadySeized:
                RequireDate(errors, "judgeInformedOn", request.JudgeInformedOn, today, "la date de l'information du juge");
                break;
            case ConcernQualification.NotAConcern when string.IsNullOrWhiteSpace(request.Note):
                Validation.Add(errors, "note", "Dites pourquoi ce n'est pas une information préoccupante.");
                break;
            case ConcernQualification.Evaluate or ConcernQualification.NotAConcern or null:
                break;
            default:
                Validation.Add(errors, "qualification", "Choisissez la suite donnée à l'information.");
                break;
        }

        if (errors.Count > 0)
        {
            return Result<ConcernView>.Invalid(errors);
        }

        if (concern.Version != request.Version || concern.State != ConcernState.ToQualify)
        {
            return await ConflictAsync(concernId, cancellationToken);
        }

        var q = request.Qualification!.Value;
        concern.Qualification = q;
        concern.QualifiedAt = db.Audit.Now;
        concern.QualifiedByUserId = opening.Subject.UserId;
        concern.QualifiedByName = await currentUser.DisplayNameAsync(cancellationToken);
        concern.ProsecutorReferralOn = q == ConcernQualification.ProsecutorReferral ? request.ProsecutorReferralOn : null;
        concern.ProsecutorReferralReason = q == ConcernQualification.ProsecutorReferral ? request.ProsecutorReferralReason!.Trim() : null;
        concern.JudgeInformedOn = q == ConcernQualification.JudgeAlreadySeized ? request.JudgeInformedOn : null;
        concern.QualificationNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        concern.State = q == ConcernQualification.Evaluate ? ConcernState.InAssessment : ConcernState.Closed;
        db.Entry(concern).Property(c => c.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(concernId, cancellationToken);
        }

        db.ChangeTracker.Clear();
        return await getConcern.HandleAsync(concernId, cancellationToken);
    }

    private async Task<Result<ConcernView>> ConflictAsync(Guid concernId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await getConcern.HandleAsync(concernId, cancellationToken);
        return Result<ConcernView>.Conflict(current.Value!);
    }

    private static void RequireDate(Dictionary<string, string[]> errors, string field, DateOnly? date, DateOnly today, string what)
    {
        if (date is null)
        {
            Validation.Add(errors, field, $"Indiquez {what}.");
        }
        else if (date > today)
        {
            Validation.Add(errors, field, $"{char.ToUpperInvariant(what[0])}{what[1..]} ne peut pas être dans le futur.");
        }
    }
}
