using Ariane.Core.Plans;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// Adds or changes an objective of the child's plan (docs/domain.md §2.5): a new one belongs to the author's service
/// (one of theirs assigned to the child); a change needs to be of that service, or a cadre of the département
/// (<see cref="PlanRules.MayEditLine"/>), on the version read. Answers the whole plan as it now stands.
/// </summary>
public sealed class SavePlanGoal(AppDbContext db, PlanGate gate, PlanStore store, GetPlan get)
{
    public async Task<Result<PlanView>> AddAsync(Guid childId, PlanGoalRequest request, CancellationToken cancellationToken)
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

        var errors = Validate(request);
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
        var goal = new PlanGoal
        {
            ChildId = childId,
            PlanId = row.Id,
            DomainCode = string.Empty,
            Title = string.Empty,
            OwnerServiceId = owner!.Value,
            OwnerServiceName = await store.ServiceNameAsync(owner.Value, cancellationToken),
            CreatedByUserId = plan.Opening.Subject.UserId,
            CreatedByName = await store.AuthorNameAsync(cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(goal, request);
        db.PlanGoals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return Result<PlanView>.Ok(await get.BuildAsync(plan, cancellationToken));
    }

    public async Task<Result<PlanView>> UpdateAsync(Guid goalId, PlanGoalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await db.PlanGoals.AsNoTracking().Where(g => g.Id == goalId).Select(g => new { g.ChildId, g.OwnerServiceId }).SingleOrDefaultAsync(cancellationToken);
        var plan = found is null ? null : await gate.OpenAsync(found.ChildId, cancellationToken);
        if (plan is null)
        {
            return Result<PlanView>.NotFound();
        }

        if (!PlanRules.MayEditLine(plan.Who, found!.OwnerServiceId))
        {
            return await gate.RefuseAsync<PlanView>(found.ChildId, cancellationToken);
        }

        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Result<PlanView>.Invalid(errors);
        }

        var goal = await db.PlanGoals.SingleAsync(g => g.Id == goalId, cancellationToken);
        if (goal.Version != request.Version)
        {
            return Result<PlanView>.Conflict(await get.BuildAsync(plan, cancellationToken));
        }

        db.Entry(goal).Property(g => g.Version).OriginalValue = request.Version;
        Apply(goal, request);
        goal.UpdatedAt = store.Now;
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

    private static Dictionary<string, string[]> Validate(PlanGoalRequest request)
    {
        var errors = Validation.Check(request);
        Validation.Defined(request.For, "for", errors);
        Validation.Defined<GoalStatus>(request.Status, "status", errors);
        if (request.DomainCode is { } code && PlanDomains.Find(code) is null)
        {
            Validation.Add(errors, "domainCode", "Choisissez un domaine de vie de la liste.");
        }

        if (!PlanRules.IsProgress(request.Progress))
        {
            Validation.Add(errors, "progress", "La progression est un pourcentage, de 0 à 100.");
        }

        if (request is { StartsOn: { } start, DueOn: { } due } && due < start)
        {
            Validation.Add(errors, "dueOn", "L'échéance doit suivre le début.");
        }

        return errors;
    }

    private static void Apply(PlanGoal goal, PlanGoalRequest request)
    {
        goal.DomainCode = request.DomainCode!;
        goal.For = request.For!.Value;
        goal.Title = ChildInput.Clean(request.Title)!;
        goal.Description = ChildInput.Clean(request.Description);
        goal.StartsOn = request.StartsOn!.Value;
        goal.DueOn = request.DueOn;
        goal.Progress = request.Progress;
        goal.Status = request.Status;
    }
}
