using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Notifications;

/// <summary>My notifications, newest first, 20 a page; mark one or all as read. No child data: texts hold IP numbers and dates only.</summary>
[NoChildData]
public sealed class IndexModel(ListNotifications list, MarkNotificationsRead mark) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public NotificationPage Notifications { get; private set; } = new([], 0, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await list.HandleAsync(After, cancellationToken);
        if (result.Status == ResultStatus.Invalid)
        {
            return RedirectToPage();
        }

        if (!result.IsOk)
        {
            return NotFound();
        }

        Notifications = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        var result = await mark.OneAsync(notificationId, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        TempData["Message"] = "Notification marquée comme lue.";
        return RedirectToPage(new { after = After });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var result = await mark.AllAsync(cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        TempData["Message"] = result.Value switch
        {
            0 => "Aucune notification à marquer.",
            1 => "1 notification marquée comme lue.",
            var n => $"{n} notifications marquées comme lues.",
        };
        return RedirectToPage();
    }
}
