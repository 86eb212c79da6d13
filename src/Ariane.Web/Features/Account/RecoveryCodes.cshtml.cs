using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Account;

/// <summary>Shows freshly generated recovery codes once (they are stored hashed and cannot be shown again).</summary>
[NoChildData]
[AllowedBeforeEnrolment]
public sealed class RecoveryCodesModel : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData["RecoveryCodes"] is not string codes)
        {
            return RedirectToPage("Security");
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }
}
