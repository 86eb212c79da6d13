using Ariane.Core.Access;
using Ariane.Core.Measures;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Measures;

public sealed class OpenMeasureRequest
{
    public string? KindCode { get; set; }
    /// <summary>Empty: the kind's article.</summary>
    public string? LegalBasis { get; set; }
    /// <summary>Empty: the président du conseil départemental (administrative) or the juge des enfants (judicial).</summary>
    public DecidingAuthority? Authority { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>Empty: decided, waiting to be carried out (the waiting list).</summary>
    public DateOnly? StartsOn { get; set; }
    public DateOnly? PlannedEndOn { get; set; }
    public Guid? CarriedOutByServiceId { get; set; }
    public Guid? ReferentUserId { get; set; }
    public DateOnly? ParentalAgreementOn { get; set; }
    public bool WithoutParentalConsent { get; set; }
    public Guid? FollowsAssessmentId { get; set; }
    /// <summary>Judicial measures: the first decision's court, judge and reference (judicial section).</summary>
    public string? Court { get; set; }
    public string? JudgeName { get; set; }
    public string? Reference { get; set; }
}

/// <summary>
/// Opens a measure for a child (docs/domain.md, Measures). A judicial measure records its first decision
/// (court, judge, reference: the judicial section, which the user must be allowed to write). An
/// administrative measure records no <see cref="MeasureDecision"/>: that row is judicial by nature, and an
/// administrative decision is the measure itself; its renewals only move <see cref="Measure.PlannedEndOn"/>
/// (an audited update).
/// </summary>
public sealed class OpenMeasure(AppDbContext db, MeasureGate gate, CurrentUser currentUser, GetMeasure getMeasure, TimeProvider time)
{
    public async Task<Result<MeasureView>> HandleAsync(Guid childId, OpenMeasureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = MeasureKinds.Find(request.KindCode);
        var (opening, refusal) = await gate.OpenChildAsync(childId, kind?.Framework == MeasureFramework.Judicial, cancellationToken);
        if (refusal is { } status)
        {
            return new Result<MeasureView>(status, null);
        }

        var today = Format.Today(time);
        var errors = Validation.Check(request);
        Validation.Defined(request.Authority, "authority", errors);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.BirthDate, c.ResponsibleDepartementCode }).SingleAsync(cancellationToken);
        if (kind is null)
        {
            Validation.Add(errors, "kindCode", "Choisissez la mesure dans la liste.");
        }

        MeasureInput.Required(request.DecidedOn, "decidedOn", "La date de la décision est obligatoire.", errors);
        var authority = request.Authority ?? (kind?.Framework == MeasureFramework.Administrative ? DecidingAuthority.DepartementPresident : DecidingAuthority.JuvenileJudge);
        if (kind?.Framework == MeasureFramework.Administrative && authority != DecidingAuthority.DepartementPresident)
        {
            Validation.Add(errors, "authority", "Une mesure administrative est décidée par le président du conseil départemental.");
        }
        else if (kind?.Framework == MeasureFramework.Judicial && authority == DecidingAuthority.DepartementPresident)
        {
            Validation.Add(errors, "authority", "Une mesure judiciaire est ordonnée par le juge des enfants ou un autre tribunal.");
        }

        if (request.WithoutParentalConsent && kind is { IsEmergencyWithoutConsent: false })
        {
            Validation.Add(errors, "withoutParentalConsent", "Seul l'accueil d'urgence 5 jours se décide sans l'accord des parents.");
        }

        if (request.ParentalAgreementOn is { } agreed && (agreed > today || kind?.Framework == MeasureFramework.Judicial))
        {
            Validation.Add(errors, "parentalAgreementOn", kind?.Framework == MeasureFramework.Judicial
                ? "L'accord des parents concerne les mesures administratives."
                : "La date de l'accord ne peut être dans le futur.");
        }

        if (request.StartsOn is { } starts && starts > today)
        {
            Validation.Add(errors, "startsOn", "La prise en charge ne peut commencer dans le futur : laissez la date vide, la mesure attend.");
        }

        var legalBasis = MeasureInput.Text(request.LegalBasis, "legalBasis", MeasureInput.MaxShortText, errors) ?? kind?.LegalBasis;
        var court = MeasureInput.Text(request.Court, "court", MeasureInput.MaxText, errors);
        var judge = MeasureInput.Text(request.JudgeName, "judgeName", MeasureInput.MaxText, errors);
        var reference = MeasureInput.Text(request.Reference, "reference", MeasureInput.MaxShortText, errors);
        if (kind?.Framework == MeasureFramework.Judicial && court is null)
        {
            Validation.Add(errors, "court", "Indiquez le tribunal qui a ordonné la mesure.");
        }

        if (kind is not null && request.DecidedOn is { } decided)
        {
            MeasureInput.AddAll(MeasureRules.CheckPeriod(kind, decided, request.StartsOn ?? decided, request.PlannedEndOn, FullDate(child.BirthDate), today), errors);
        }

        await CheckLinksAsync(childId, child.ResponsibleDepartementCode, request, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<MeasureView>.Invalid(errors);
        }

        var recordedBy = await currentUser.DisplayNameAsync(cancellationToken);
        var measure = new Measure
        {
            ChildId = childId,
            DepartementCode = child.ResponsibleDepartementCode,
            KindCode = kind!.Code,
            Framework = kind.Framework,
            LegalBasis = legalBasis,
            Authority = authority,
            DecidedOn = request.DecidedOn!.Value,
            StartsOn = request.StartsOn,
            PlannedEndOn = request.PlannedEndOn,
            CarriedOutByServiceId = request.CarriedOutByServiceId!.Value,
            ReferentUserId = request.ReferentUserId,
            State = request.StartsOn is null ? MeasureState.Decided : MeasureState.InProgress,
            ParentalAgreementOn = request.ParentalAgreementOn,
            WithoutParentalConsent = request.WithoutParentalConsent,
            FollowsAssessmentId = request.FollowsAssessmentId,
            RecordedByUserId = opening.Subject.UserId,
            RecordedByName = recordedBy,
        };
        db.Measures.Add(measure);
        if (kind.Framework == MeasureFramework.Judicial)
        {
            db.MeasureDecisions.Add(new MeasureDecision
            {
                MeasureId = measure.Id,
                ChildId = childId,
                Kind = MeasureDecisionKind.Initial,
                DecidedOn = measure.DecidedOn,
                CoversFrom = measure.StartsOn ?? measure.DecidedOn,
                CoversUntil = measure.PlannedEndOn,
                Court = court,
                JudgeName = judge,
                Reference = reference,
                RecordedByUserId = opening.Subject.UserId,
                RecordedByName = recordedBy,
                RecordedAt = time.GetUtcNow().UtcDateTime,
            });
        }

        if (request.FollowsAssessmentId is { } assessmentId)
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId, cancellationToken);
            assessment.FollowUpMeasureId ??= measure.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var view = await getMeasure.ViewAsync(measure, opening, cancellationToken);
        return Result<MeasureView>.Ok(view);
    }

    /// <summary>The child's birth date when fully known: a partial one checks no age rule.</summary>
    internal static DateOnly? FullDate(Core.Children.PartialDate birth) =>
        birth is { Year: { } y, Month: { } m, Day: { } d } ? new DateOnly(y, m, d) : null;

    /// <summary>The service (active, of the child's département or of an association), the référent, the evaluation.</summary>
    private async Task CheckLinksAsync(Guid childId, string departement, OpenMeasureRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (request.CarriedOutByServiceId is not { } serviceId)
        {
            Validation.Add(errors, "carriedOutByServiceId", "Choisissez le service qui exerce la mesure.");
        }
        else if (!await db.Services.AnyAsync(s => s.Id == serviceId && s.IsActive
                     && (s.Organisation!.DepartementCode == departement || s.Organisation.Kind == OrganisationKind.AssociationGestionnaire), cancellationToken))
        {
            Validation.Add(errors, "carriedOutByServiceId", "Choisissez un service actif du département ou d'une association.");
        }

        // The référent is one of those the form offers (ListMeasureChoices): an active member of a service of the child's
        // département whose role records measures. Anyone else would receive the measure's alerts without seeing the child.
        var roleCodes = request.ReferentUserId is null ? [] : (await db.AccessRoles.AsNoTracking().ToListAsync(cancellationToken))
            .Where(r => r.Has(Permission.RecordMeasure)).Select(r => r.Code).ToList();
        if (request.ReferentUserId is { } userId && !await db.Memberships.AnyAsync(
                m => m.UserId == userId && db.Users.Any(u => u.Id == userId && u.IsActive) && m.Service!.IsActive
                    && m.Service.Organisation!.DepartementCode == departement && roleCodes.Contains(m.RoleCode), cancellationToken))
        {
            Validation.Add(errors, "referentUserId", "Choisissez le référent parmi les professionnels proposés.");
        }

        if (request.FollowsAssessmentId is { } assessmentId
            && !await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.Children.Any(c => c.ChildId == childId), cancellationToken))
        {
            Validation.Add(errors, "followsAssessmentId", "Cette évaluation ne concerne pas l'enfant.");
        }
    }
}
