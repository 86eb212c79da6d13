using Ariane.Core.Access;
using Ariane.Core.Plans;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Plans;

/// <summary>A child opened for its plan: the policy's answer and what the plan's rules make of it.</summary>
public sealed record PlanOpening(ChildOpening Opening, PlanContributor Who);

/// <summary>
/// The one way into a child's plan (docs/domain.md §2.5): the child is opened for the existence of its social follow-up
/// (what a partner has), then <see cref="PlanRules"/> decides; a reader the rules refuse gets « not found », with the
/// « accès refusé » row of a refused social read.
/// </summary>
public sealed class PlanGate(ChildAccess access)
{
    public async Task<PlanOpening?> OpenAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.SeeExistence, Section.Social, cancellationToken);
        if (!opening.Allowed || opening.Facts is null)
        {
            return null;
        }

        var readOnly = opening.RecordedBefore is not null || opening.MergedIntoId is not null;
        var who = PlanRules.Contributor(opening.Subject, opening.Facts, opening.LevelFor(Section.Social), readOnly);
        if (!PlanRules.MayRead(who))
        {
            await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
            return null;
        }

        return new PlanOpening(opening, who);
    }

    /// <summary>Refuses a change: 403 to a reader of the plan (it exists for them), with its « accès refusé » row.</summary>
    public async Task<Result<T>> RefuseAsync<T>(Guid childId, CancellationToken cancellationToken)
    {
        await access.OpenAsync(childId, AccessOperation.Write, Section.Social, cancellationToken);
        return Result<T>.Forbidden();
    }
}
