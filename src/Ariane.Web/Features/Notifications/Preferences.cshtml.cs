using Ariane.Core.Notifications;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Notifications;

/// <summary>How I am notified: at once or in a daily digest, and my quiet hours (Paris time).</summary>
[NoChildData]
public sealed class PreferencesModel(NotificationPreferences preferences) : PageModel
{
    [BindProperty]
    public SaveNotificationPreferencesRequest Input { get; set; } = new();

    public bool IsDefault { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await preferences.GetAsync(cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        var p = result.Value!;
        Input = new SaveNotificationPreferencesRequest { Delivery = p.Delivery, DigestAt = p.DigestAt, QuietFrom = p.QuietFrom, QuietUntil = p.QuietUntil };
        IsDefault = p.IsDefault;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await preferences.SaveAsync(Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = result.Value!.Delivery == NotificationDelivery.Immediate
                    ? "Préférences enregistrées : vous serez notifié immédiatement, hors heures calmes."
                    : "Préférences enregistrées : vous recevrez un résumé quotidien ; les retards vous sont signalés sans attendre, hors heures calmes.";
                return RedirectToPage();
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            default:
                return NotFound();
        }
    }
}
