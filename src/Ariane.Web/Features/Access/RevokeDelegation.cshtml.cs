using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Access;

/// <summary>Confirms (works without JavaScript), then withdraws a delegation I gave. Shows dossier numbers only.</summary>
[NoChildData]
public sealed class RevokeDelegationModel(Delegations delegations, CurrentUser currentUser) : PageModel
{
    public DelegationDto? Delegation { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var mine = await delegations.MineAsync(cancellationToken);
        Delegation = mine.FirstOrDefault(d => d.Id == id && d.FromUserId == currentUser.UserId && d.RevokedAt is null);
        return Delegation is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await delegations.RevokeAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        TempData["Message"] = "Délégation retirée : votre collègue n'a plus accès aux dossiers par cette délégation.";
        return RedirectToPage("Delegations");
    }
}
