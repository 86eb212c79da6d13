using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Audit;

/// <summary>
/// Break-the-glass alerts for the cadres and the DPO: who opened which dossier, when and why; mark each as
/// reviewed. The reason is free text written about a child's situation, hence the child-data marker.
/// </summary>
[AuditedChildData(Section.Identity)]
public sealed class AlertsModel(AccessAlerts alerts) : PageModel
{
    /// <summary>False: only alerts still to review; true: all (the 200 latest).</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool All { get; set; }

    public IReadOnlyList<AccessAlertDto> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await alerts.ListAsync(openOnly: !All, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Alerts = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid alertId, CancellationToken cancellationToken)
    {
        var result = await alerts.AcknowledgeAsync(alertId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        TempData["Message"] = "Alerte marquée comme examinée.";
        return RedirectToPage(new { all = All ? "true" : null });
    }
}
