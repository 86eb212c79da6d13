using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Plans;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// The child's plan as one page (seed 004: « one plan that everyone reads instead of three »): the latest objectives
/// with their domain, dates, expected duration, linked actions and progress; the latest actions; the follow-up table
/// by domain from the child's latest evaluation; the plan's own content; the validated versions and their signatures.
/// One « PPE consulté » audit row. A child with no plan yet has an empty one, that the first line written creates.
/// </summary>
public sealed class GetPlan(AppDbContext db, PlanGate gate, TimeProvider time)
{
    /// <summary>A plan holds tens of lines; the page shows at most this many of each, the most recent first.</summary>
    public const int LineLimit = 200;

    public async Task<Result<PlanView>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var plan = await gate.OpenAsync(childId, cancellationToken);
        if (plan is null)
        {
            return Result<PlanView>.NotFound();
        }

        var view = await BuildAsync(plan, cancellationToken);
        if (view.ChildName is not null)
        {
            Shared.IdentityRead.Names(db, plan.Opening);
        }

        db.Audit.Record(AuditEventType.PlanViewed, childId, Section.Social, plan.Opening.Basis, entityType: nameof(ChildPlan), entityId: view.PlanId,
            details: $$"""{"goals":{{view.Goals.Count}},"actions":{{view.Actions.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<PlanView>.Ok(view);
    }

    internal async Task<PlanView> BuildAsync(PlanOpening plan, CancellationToken cancellationToken)
    {
        var (opening, who) = plan;
        var childId = opening.ChildId;
        var today = Format.Today(time);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames, c.BirthDate }).SingleAsync(cancellationToken);
        var mayName = opening.May(AccessOperation.Read, Section.Identity);
        var referent = await db.WorkerAssignments.AsNoTracking()
            .Where(w => w.ChildId == childId && w.Role == WorkerRole.CaseWorker && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today))
            .Join(db.Users, w => w.UserId, u => u.Id, (w, u) => u.DisplayName).OrderBy(n => n).FirstOrDefaultAsync(cancellationToken);
        var row = await db.ChildPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ChildId == childId, cancellationToken);
        var goals = row is null ? [] : await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == row.Id)
            .OrderByDescending(g => g.StartsOn).ThenByDescending(g => g.Id).Take(LineLimit).ToListAsync(cancellationToken);
        var actions = row is null ? [] : await db.PlanActions.AsNoTracking().Where(a => a.PlanId == row.Id)
            .OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).Take(LineLimit).ToListAsync(cancellationToken);
        var versions = row is null ? [] : await db.ChildPlanVersions.AsNoTracking().Where(v => v.PlanId == row.Id)
            .OrderByDescending(v => v.Number).Select(v => new { v.Id, v.Number, v.ValidatedAt, v.ValidatedByName }).ToListAsync(cancellationToken);
        var versionIds = versions.Select(v => v.Id).ToList();
        var signatures = versionIds.Count == 0 ? [] : await db.PlanSignatures.AsNoTracking().Where(s => versionIds.Contains(s.VersionId))
            .OrderBy(s => s.SignedOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var followUp = await FollowUpAsync(childId, cancellationToken);
        var own = await OwnServicesAsync(plan, cancellationToken);

        var goalTitles = goals.ToDictionary(g => g.Id, g => (g.Title, g.OwnerServiceName));
        var missing = actions.Select(a => a.GoalId).Where(id => !goalTitles.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var g in await db.PlanGoals.AsNoTracking().Where(g => missing.Contains(g.Id)).Select(g => new { g.Id, g.Title, g.OwnerServiceName }).ToListAsync(cancellationToken))
            {
                goalTitles[g.Id] = (g.Title, g.OwnerServiceName);
            }
        }

        var actionsByGoal = actions.GroupBy(a => a.GoalId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.StartsOn).Select(a => new PlanLineAction(a.Id, a.Title, a.OwnerServiceName, a.Progress)).ToList());
        var goalRows = goals.Select(g => new PlanGoalRow(g.Id, g.DomainCode, PlanDomains.Label(g.DomainCode), g.For, PlanLabels.For(g.For), g.Title, g.Description,
            g.StartsOn, g.DueOn, PlanRules.Duration(g.StartsOn, g.DueOn), g.Progress, g.Status, PlanLabels.Status(g.Status),
            g.OwnerServiceId, g.OwnerServiceName, g.CreatedByName, actionsByGoal.GetValueOrDefault(g.Id) ?? [], g.Version, PlanRules.MayEditLine(who, g.OwnerServiceId))).ToList();
        var actionRows = actions.Select(a => new PlanActionRow(a.Id, a.GoalId, goalTitles.GetValueOrDefault(a.GoalId).Title ?? "—", goalTitles.GetValueOrDefault(a.GoalId).OwnerServiceName ?? string.Empty,
            a.Title, a.PersonInCharge, a.StartsOn, a.EndsOn, PlanRules.Duration(a.StartsOn, a.EndsOn), a.Progress, a.Status, PlanLabels.Status(a.Status),
            a.OwnerServiceId, a.OwnerServiceName, a.CreatedByName, a.Version, PlanRules.MayEditLine(who, a.OwnerServiceId))).ToList();
        var versionRows = versions.Select(v => new PlanVersionRow(v.Id, v.Number, v.ValidatedAt, v.ValidatedByName,
            [.. signatures.Where(s => s.VersionId == v.Id).Select(Signature)])).ToList();
        int? age = child.BirthDate is { Year: { } y } ? today.Year - y - (child.BirthDate.Month is { } m && (m > today.Month || (m == today.Month && (child.BirthDate.Day ?? 1) > today.Day)) ? 1 : 0) : null;
        var name = mayName ? Core.Children.Child.NameOf(child.BirthName, child.UsageName, child.FirstNames) : null;
        return new PlanView(childId, child.DossierNumber, name, age, row?.Id, row?.Version ?? 0, referent,
            row?.TrustedPerson, row?.HealthCheckOn, row?.Siblings, row?.AutonomyProject, row?.ChildView, row?.ParentsView, row?.ThirdPartiesView,
            row?.ValidatedNumber ?? 0, row?.UpdatedAt, row?.UpdatedByName, goalRows, actionRows, followUp, versionRows,
            PlanRules.MayAddLines(who), PlanRules.MayEditPlan(who), who.MayValidate, own);
    }

    /// <summary>
    /// The services the reader writes new lines for: their services assigned to the child; for a cadre with none, their
    /// own services in the child's département.
    /// </summary>
    internal async Task<List<PlanService>> OwnServicesAsync(PlanOpening plan, CancellationToken cancellationToken)
    {
        var (opening, who) = plan;
        var ids = who.ContributingServiceIds.Count > 0 || !who.IsDepartementCadre
            ? who.ContributingServiceIds
            : [.. opening.Subject.Grants.Where(g => g.DepartementCode == opening.Facts!.ResponsibleDepartementCode && g.Role.Has(Permission.ValidatePlan)).Select(g => g.ServiceId).Distinct()];
        return ids.Count == 0 ? [] : await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id))
            .OrderBy(s => s.Name).Select(s => new PlanService(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    internal static PlanSignatureRow Signature(PlanSignature s) => new(s.Id, s.Kind, PlanLabels.Signatory(s.Kind), s.Name, s.SignedOn);

    /// <summary>The child's latest evaluation summarised per domain (its own framework version); empty when never evaluated.</summary>
    private async Task<PlanFollowUp> FollowUpAsync(Guid childId, CancellationToken cancellationToken)
    {
        var latest = await db.AssessmentChildren.AsNoTracking().Where(ac => ac.ChildId == childId)
            .Join(db.Assessments, ac => ac.AssessmentId, a => a.Id, (ac, a) => new { a.Id, a.StartedOn, a.FinishedOn, a.FrameworkId })
            .OrderByDescending(a => a.StartedOn).ThenByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return new PlanFollowUp(null, []);
        }

        var definition = await db.AssessmentFrameworks.AsNoTracking().Where(f => f.Id == latest.FrameworkId).Select(f => f.Definition).SingleAsync(cancellationToken);
        var answers = await db.AssessmentAnswers.AsNoTracking().Where(a => a.AssessmentId == latest.Id && a.ChildId == childId)
            .Select(a => new { a.CriterionCode, a.Answer }).ToListAsync(cancellationToken);
        var summary = AssessmentGrid.Summarise(FrameworkDefinition.Parse(definition), answers.Select(a => (a.CriterionCode, a.Answer)));
        return new PlanFollowUp(latest.FinishedOn ?? latest.StartedOn, summary);
    }
}
