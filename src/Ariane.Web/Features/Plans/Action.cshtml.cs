using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Plans;

/// <summary>Adds an action for one's service in support of any objective of the child, or changes one of one's service's.</summary>
[AuditedChildData(Section.Social, OpensFor = AccessOperation.SeeExistence)]
public sealed class ActionModel(GetPlan get, SavePlanAction save, TimeProvider time) : PageModel
{
    [BindProperty]
    public PlanActionRequest Input { get; set; } = new();

    public PlanView? Plan { get; private set; }

    public Guid? ActionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? actionId, Guid? goalId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, actionId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (actionId is { } existing && Plan!.Actions.FirstOrDefault(a => a.Id == existing) is { } a)
        {
            Input = new PlanActionRequest
            {
                GoalId = a.GoalId,
                Title = a.Title,
                PersonInCharge = a.PersonInCharge,
                StartsOn = a.StartsOn,
                EndsOn = a.EndsOn,
                Progress = a.Progress,
                Status = a.Status,
                OwnerServiceId = a.OwnerServiceId,
                Version = a.Version,
            };
        }
        else
        {
            Input.GoalId = goalId;
            Input.StartsOn = Format.Today(time);
            Input.OwnerServiceId = Plan!.OwnServices.Count > 0 ? Plan.OwnServices[0].Id : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? actionId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, actionId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = actionId is { } existing ? await save.UpdateAsync(existing, Input, cancellationToken) : await save.AddAsync(id, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = actionId is null ? "Action ajoutée au projet." : "Action modifiée.";
                return Redirect($"/Plans/{id}#actions");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "Cette action a été modifiée entre-temps : voici la version à jour. Vérifiez-la puis recommencez.");
                if ((result.Current as PlanView)?.Actions.FirstOrDefault(a => a.Id == actionId) is { } current)
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

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? actionId, CancellationToken cancellationToken)
    {
        ActionId = actionId;
        var plan = (await get.HandleAsync(id, cancellationToken)).Value;
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        if (actionId is { } existing)
        {
            var action = plan.Actions.FirstOrDefault(a => a.Id == existing);
            return action is null ? NotFound() : action.MayEdit ? null : Forbid();
        }

        return plan.MayAddLines ? null : Forbid();
    }
}
