using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Access;

/// <summary>
/// Emergency access for on-call staff: the dossier number given by the on-call procedure and a written
/// reason open the record for a limited time, read-only, and alert the cadre and the DPO.
/// Deliberately not reachable from the "not found" page, which must not reveal that a child exists.
/// </summary>
[AuditedChildData(Section.Identity)]
public sealed class BreakGlassModel(OpenBreakGlass open, FindChildByNumber numbers, CurrentUser currentUser, IOptions<AccessOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez le numéro du dossier.")]
    [StringLength(40, ErrorMessage = "Numéro de dossier illisible.")]
    [Display(Name = "Numéro du dossier")]
    public string? ChildId { get; set; }

    [BindProperty]
    [Display(Name = "Motif de l'urgence")]
    [Required(ErrorMessage = "Le motif est obligatoire.")]
    [StringLength(1000, ErrorMessage = "Le motif ne peut dépasser 1000 caractères.")]
    [MultiLine]
    public string? Reason { get; set; }

    public AccessOptions Limits => options.Value;

    public async Task<IActionResult> OnGetAsync(Guid? childId, CancellationToken cancellationToken)
    {
        if (!await currentUser.HasAsync(Permission.BreakGlass, cancellationToken))
        {
            return Forbid();
        }

        ChildId = childId?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var reference = ModelState.IsValid ? await numbers.AnyAsync(ChildId, cancellationToken) : null;
        if (reference is { Readable: false })
        {
            ModelState.AddModelError(nameof(ChildId), "Numéro de dossier illisible : il s'écrit comme 99-2026-000123 (département, année, numéro).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // An unknown number goes to the handler as an unknown id: the same refusal, audited, as before.
        var id = reference!.ChildId ?? Guid.Empty;

        var result = await open.HandleAsync(id, new BreakGlassRequest { Reason = Reason }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Accès d'urgence ouvert jusqu'au {Format.DateAtTime(result.Value)}. Le cadre et le délégué à la protection des données en sont informés.";
                return RedirectToPage("/Children/Details", new { id });
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, string.Empty);
                return Page();
            case ResultStatus.NotFound:
                ModelState.AddModelError(nameof(ChildId), "Aucun dossier ne porte ce numéro. Vérifiez-le auprès de la permanence.");
                return Page();
            default:
                return Forbid();
        }
    }
}
