using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Plans;

/// <summary>The plan's own content: personne de confiance, health check-up, siblings, autonomy project, the views of each party.</summary>
[AuditedChildData(Section.Social, OpensFor = AccessOperation.SeeExistence)]
public sealed class EditModel(GetPlan get, UpdatePlan update) : PageModel
{
    [BindProperty]
    public PlanRequest Input { get; set; } = new();

    public PlanView? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var p = Plan!;
        Input = new PlanRequest
        {
            TrustedPerson = p.TrustedPerson,
            HealthCheckOn = p.HealthCheckOn,
            Siblings = p.Siblings,
            AutonomyProject = p.AutonomyProject,
            ChildView = p.ChildView,
            ParentsView = p.ParentsView,
            ThirdPartiesView = p.ThirdPartiesView,
            Version = p.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await update.HandleAsync(id, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = "Projet enregistré.";
                return Redirect($"/Plans/{id}");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "Le projet a été modifié entre-temps par quelqu'un d'autre. Vos saisies sont conservées ci-dessous : vérifiez la version à jour (dans un autre onglet) puis enregistrez à nouveau.");
                Input.Version = (result.Current as PlanView)?.Version ?? Input.Version;
                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = (await get.HandleAsync(id, cancellationToken)).Value;
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        return plan.MayEditPlan ? null : Forbid();
    }
}
