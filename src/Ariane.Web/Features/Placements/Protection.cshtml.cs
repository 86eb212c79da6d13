using Ariane.Core.Access;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Sets or lifts the protected flag (docs/domain.md, Protected flag; docs/security.md): a cadre, with a reason that
/// stays on the record. Protected, the child gets no automatic letter, SMS or reminder to the family, and the
/// place of care is hidden from whoever does not need it.
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class ProtectionModel(GetChild getChild, ChildJourney journey, SetChildProtection protection) : PageModel
{
    [BindProperty]
    public ProtectChildRequest Input { get; set; } = new();

    public Guid Id { get; private set; }

    public string? ChildName { get; private set; }

    public string? DossierNumber { get; private set; }

    public bool IsProtected { get; private set; }

    /// <summary>What the posted form asks: protect (true) or lift (false), as drawn when the page was read.</summary>
    [BindProperty]
    public bool Protect { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // The form says what it was drawn for: a second click or a resent form must not undo the first.
        if (Protect != !IsProtected)
        {
            TempData["Message"] = IsProtected ? "Le dossier est déjà protégé." : "La protection est déjà levée.";
            return RedirectToPage("/Children/Details", new { id });
        }

        var result = await protection.HandleAsync(id, Protect, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = result.Value!.IsProtected
                    ? "Dossier protégé : aucun envoi automatique à la famille, lieu d'accueil masqué."
                    : "Protection levée.";
                return RedirectToPage("/Children/Details", new { id });
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var child = await getChild.HandleAsync(id, cancellationToken);
        var path = await journey.HandleAsync(id, cancellationToken);
        if (!child.IsOk || !path.IsOk)
        {
            return NotFound();
        }

        if (!path.Value!.MayProtect)
        {
            return Forbid();
        }

        ChildName = child.Value!.DisplayName;
        DossierNumber = child.Value.DossierNumber;
        IsProtected = path.Value.IsProtected;
        return null;
    }
}
