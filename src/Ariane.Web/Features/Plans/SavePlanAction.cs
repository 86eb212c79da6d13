using Ariane.Core.Plans;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// Adds or changes an action of the child's plan: it supports one of the child's objectives, whichever service defined
/// it (an MDPH action for an ASE objective, seed 004); it belongs to the author's service; a change needs that service
/// or a cadre of the département, on the version read. Answers the whole plan as it now stands.
/// </summary>
public sealed class SavePlanAction(AppDbContext db, PlanGate gate, PlanStore store, GetPlan get)
{
    public async Task<Result<PlanView>> AddAsync(Guid childId, PlanActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await gate.OpenAsync(childId, cancellationToken);
        if (plan is null)
        {
            return Result<PlanView>.NotFound();
        }

        if (!PlanRules.MayAddLines(plan.Who))
        {
            return await gate.RefuseAsync<PlanView>(childId, cancellationToken);
        }

        var errors = await ValidateAsync(childId, request, cancellationToken);
        var owner = PlanStore.OwnerFor(await get.OwnServicesAsync(plan, cancellationToken), request.OwnerServiceId);
        if (owner is null)
        {
            Validation.Add(errors, "ownerServiceId", "Choisissez l'un de vos services qui suit l'enfant.");
        }

        if (errors.Count > 0)
        {
            return Result<PlanView>.Invalid(errors);
        }

        var row = await store.EnsureAsync(childId, cancellationToken);
        var now = store.Now;
        var action = new PlanAction
        {
            ChildId = childId,
            PlanId = row.Id,
            Title = string.Empty,
            OwnerServiceId = owner!.Value,
            OwnerServiceName = await store.ServiceNameAsync(owner.Value, cancellationToken),
            CreatedByUserId = plan.Opening.Subject.UserId,
            CreatedByName = await store.AuthorNameAsync(cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(action, request);
        db.PlanActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return Result<PlanView>.Ok(await get.BuildAsync(plan, cancellationToken));
    }

    public async Task<Result<PlanView>> UpdateAsync(Guid actionId, PlanActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await db.PlanActions.AsNoTracking().Where(a => a.Id == actionId).Select(a => new { a.ChildId, a.OwnerServiceId }).SingleOrDefaultAsync(cancellationToken);
        var plan = found is null ? null : await gate.OpenAsync(found.ChildId, cancellationToken);
        if (plan is null)
        {
            return Result<PlanView>.NotFound();
        }

        if (!PlanRules.MayEditLine(plan.Who, found!.OwnerServiceId))
        {
            return await gate.RefuseAsync<PlanView>(found.ChildId, cancellationToken);
        }

        var errors = await ValidateAsync(found.ChildId, request, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<PlanView>.Invalid(errors);
        }

        var action = await db.PlanActions.SingleAsync(a => a.Id == actionId, cancellationToken);
        if (action.Version != request.Version)
        {
            return Result<PlanView>.Conflict(await get.BuildAsync(plan, cancellationToken));
        }

        db.Entry(action).Property(a => a.Version).OriginalValue = request.Version;
        Apply(action, request);
        action.UpdatedAt = store.Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<PlanView>.Conflict(await get.BuildAsync(plan, cancellationToken));
        }

        return Result<PlanView>.Ok(await get.BuildAsync(plan, cancellationToken));
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(Guid childId, PlanActionRequest request, CancellationToken cancellationToken)
    {
        var errors = Validation.Check(request);
        Validation.Defined<ActionStatus>(request.Status, "status", errors);
        if (!PlanRules.IsProgress(request.Progress))
        {
            Validation.Add(errors, "progress", "La progression est un pourcentage, de 0 à 100.");
        }

        if (request is { StartsOn: { } start, EndsOn: { } end } && end < start)
        {
            Validation.Add(errors, "endsOn", "La fin doit suivre le début.");
        }

        if (request.GoalId is { } goalId && !await db.PlanGoals.AnyAsync(g => g.Id == goalId && g.ChildId == childId, cancellationToken))
        {
            Validation.Add(errors, "goalId", "Choisissez un objectif du projet de cet enfant.");
        }

        return errors;
    }

    private static void Apply(PlanAction action, PlanActionRequest request)
    {
        action.GoalId = request.GoalId!.Value;
        action.Title = ChildInput.Clean(request.Title)!;
        action.PersonInCharge = ChildInput.Clean(request.PersonInCharge);
        action.StartsOn = request.StartsOn!.Value;
        action.EndsOn = request.EndsOn;
        action.Progress = request.Progress;
        action.Status = request.Status;
    }
}
