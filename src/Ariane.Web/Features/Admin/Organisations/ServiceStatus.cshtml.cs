using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Organisations;

/// <summary>Confirms, then deactivates or reactivates a service (GET asks, POST acts; no JavaScript needed).</summary>
[NoChildData]
public sealed class ServiceStatusModel(ListOrganisations list, SetServiceActive setActive) : PageModel
{
    public ServiceRow? Service { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await list.FindServiceAsync(id, cancellationToken);
        Service = result.Value;
        return this.Refusal(result) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        var result = await setActive.HandleAsync(id, active, cancellationToken);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        TempData["Message"] = active ? "Le service a été réactivé." : "Le service a été désactivé.";
        return RedirectToPage("Index");
    }
}
