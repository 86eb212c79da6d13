using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Plans;

/// <summary>Adds an objective for one's service, or changes one of one's service's (docs/domain.md §2.5).</summary>
[AuditedChildData(Section.Social, OpensFor = AccessOperation.SeeExistence)]
public sealed class GoalModel(GetPlan get, SavePlanGoal save, TimeProvider time) : PageModel
{
    [BindProperty]
    public PlanGoalRequest Input { get; set; } = new();

    public PlanView? Plan { get; private set; }

    public Guid? GoalId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? goalId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, goalId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (goalId is { } existing && Plan!.Goals.FirstOrDefault(g => g.Id == existing) is { } g)
        {
            Input = new PlanGoalRequest
            {
                DomainCode = g.DomainCode,
                For = g.For,
                Title = g.Title,
                Description = g.Description,
                StartsOn = g.StartsOn,
                DueOn = g.DueOn,
                Progress = g.Progress,
                Status = g.Status,
                OwnerServiceId = g.OwnerServiceId,
                Version = g.Version,
            };
        }
        else
        {
            Input.StartsOn = Format.Today(time);
            Input.OwnerServiceId = Plan!.OwnServices.Count > 0 ? Plan.OwnServices[0].Id : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? goalId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, goalId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = goalId is { } existing ? await save.UpdateAsync(existing, Input, cancellationToken) : await save.AddAsync(id, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = goalId is null ? "Objectif ajouté au projet." : "Objectif modifié.";
                return Redirect($"/Plans/{id}#objectifs");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "Cet objectif a été modifié entre-temps : voici la version à jour. Vérifiez-la puis recommencez.");
                if ((result.Current as PlanView)?.Goals.FirstOrDefault(g => g.Id == goalId) is { } current)
                {
                    Input.Version = current.Version;
                }

                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? goalId, CancellationToken cancellationToken)
    {
        GoalId = goalId;
        var plan = (await get.HandleAsync(id, cancellationToken)).Value;
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        if (goalId is { } existing)
        {
            var goal = plan.Goals.FirstOrDefault(g => g.Id == existing);
            return goal is null ? NotFound() : goal.MayEdit ? null : Forbid();
        }

        return plan.MayAddLines ? null : Forbid();
    }
}
