using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// « Projet pour l'enfant » (docs/domain.md §2.5, seed 004): the follow-up table by domain, the latest objectives and
/// actions of every service, the plan's own content, its validated versions; validating asks for a confirmation.
/// </summary>
[AuditedChildData(Section.Social, OpensFor = AccessOperation.SeeExistence)]
public sealed class IndexModel(GetPlan get, ValidatePlan validate) : PageModel
{
    public PlanView? Plan { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool ConfirmValidation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await get.HandleAsync(id, cancellationToken);
        if (result.Value is null)
        {
            return NotFound();
        }

        Plan = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostValidateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ConfirmValidation)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(ConfirmValidation), "Cochez la case pour confirmer la validation de cette version.");
            return await OnGetAsync(id, cancellationToken);
        }

        var result = await validate.HandleAsync(id, new PlanValidationRequest { Version = Version }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Version {result.Value!.Number} du projet validée. Enregistrez les signatures et produisez les documents.";
                return Redirect($"/Plans/Version/{id}/{result.Value.Id}");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, string.Empty);
                return await OnGetAsync(id, cancellationToken);
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "Le projet a été validé ou modifié entre-temps : voici son état à jour. Vérifiez-le puis recommencez.");
                return await OnGetAsync(id, cancellationToken);
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
