using Ariane.Core.Plans;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// Validates the plan as it stands (référent or cadre, <see cref="PlanContributor.MayValidate"/>): a new numbered
/// <see cref="ChildPlanVersion"/> holds the whole plan as JSON, never changed afterwards; the documents and the
/// comparison between versions read it. Two validations at once: the plan's version makes the second a conflict.
/// </summary>
public sealed class ValidatePlan(AppDbContext db, PlanGate gate, PlanStore store, GetPlan get)
{
    public async Task<Result<PlanVersionRow>> HandleAsync(Guid childId, PlanValidationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await gate.OpenAsync(childId, cancellationToken);
        if (plan is null)
        {
            return Result<PlanVersionRow>.NotFound();
        }

        if (!plan.Who.MayValidate)
        {
            return await gate.RefuseAsync<PlanVersionRow>(childId, cancellationToken);
        }

        var view = await get.BuildAsync(plan, cancellationToken);
        if (view.PlanId is null || view.Goals.Count == 0)
        {
            return Result<PlanVersionRow>.Invalid("plan", "Le projet n'a encore aucun objectif : ajoutez-en au moins un avant de le valider.");
        }

        var row = await db.ChildPlans.SingleAsync(p => p.Id == view.PlanId, cancellationToken);
        if (row.Version != request.Version)
        {
            return Result<PlanVersionRow>.Conflict(view);
        }

        db.Entry(row).Property(p => p.Version).OriginalValue = request.Version;
        row.ValidatedNumber++;
        row.UpdatedAt = store.Now;
        var name = await store.AuthorNameAsync(cancellationToken);
        var version = new ChildPlanVersion
        {
            ChildId = childId,
            PlanId = row.Id,
            Number = row.ValidatedNumber,
            Snapshot = Snapshot(view).Serialise(),
            ValidatedByUserId = plan.Opening.Subject.UserId,
            ValidatedByName = name,
            ValidatedAt = store.Now,
        };
        db.ChildPlanVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException u && DbErrors.IsUniqueViolation(u)))
        {
            db.ChangeTracker.Clear();
            return Result<PlanVersionRow>.Conflict(await get.BuildAsync(plan, cancellationToken));
        }

        return Result<PlanVersionRow>.Ok(new PlanVersionRow(version.Id, version.Number, version.ValidatedAt, name, []));
    }

    internal static PlanSnapshot Snapshot(PlanView view) => new(
        view.ChildName ?? $"Dossier {view.DossierNumber}", view.DossierNumber, null, view.Referent, view.TrustedPerson, view.HealthCheckOn,
        view.Siblings, view.AutonomyProject, view.ChildView, view.ParentsView, view.ThirdPartiesView,
        [.. view.Goals.OrderBy(g => g.StartsOn).ThenBy(g => g.Id).Select(g => new GoalSnapshot(g.Id, g.DomainCode, g.For, g.Title, g.Description, g.StartsOn, g.DueOn,
            g.Progress, g.Status, g.OwnerServiceName, g.CreatedByName))],
        [.. view.Actions.OrderBy(a => a.StartsOn).ThenBy(a => a.Id).Select(a => new ActionSnapshot(a.Id, a.GoalId, a.Title, a.PersonInCharge, a.StartsOn, a.EndsOn,
            a.Progress, a.Status, a.OwnerServiceName, a.CreatedByName))]);
}
