using Ariane.Core.Plans;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// Changes the plan's own content: the personne de confiance, the initial health check-up's date, siblings, the
/// autonomy project, and the views of the child, the parents and third parties; by the social follow-up's writers, on
/// the version read.
/// </summary>
public sealed class UpdatePlan(AppDbContext db, PlanGate gate, PlanStore store, GetPlan get)
{
    public async Task<Result<PlanView>> HandleAsync(Guid childId, PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await gate.OpenAsync(childId, cancellationToken);
        if (plan is null)
        {
            return Result<PlanView>.NotFound();
        }

        if (!PlanRules.MayEditPlan(plan.Who))
        {
            return await gate.RefuseAsync<PlanView>(childId, cancellationToken);
        }

        var errors = Validation.Check(request);
        if (request.HealthCheckOn is { } check && check > DateOnly.FromDateTime(store.Now).AddDays(1))
        {
            Validation.Add(errors, "healthCheckOn", "Le bilan de santé initial est une date passée : indiquez quand il a eu lieu.");
        }

        if (errors.Count > 0)
        {
            return Result<PlanView>.Invalid(errors);
        }

        var row = await store.EnsureAsync(childId, cancellationToken);
        // A plan created by this request starts at the version the client could not have read: 0 is accepted for it.
        if (row.Version != request.Version)
        {
            return Result<PlanView>.Conflict(await get.BuildAsync(plan, cancellationToken));
        }

        db.Entry(row).Property(p => p.Version).OriginalValue = request.Version;
        row.TrustedPerson = ChildInput.Clean(request.TrustedPerson);
        row.HealthCheckOn = request.HealthCheckOn;
        row.Siblings = ChildInput.Clean(request.Siblings);
        row.AutonomyProject = ChildInput.Clean(request.AutonomyProject);
        row.ChildView = ChildInput.Clean(request.ChildView);
        row.ParentsView = ChildInput.Clean(request.ParentsView);
        row.ThirdPartiesView = ChildInput.Clean(request.ThirdPartiesView);
        row.UpdatedAt = store.Now;
        row.UpdatedByName = await store.AuthorNameAsync(cancellationToken);
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
}
