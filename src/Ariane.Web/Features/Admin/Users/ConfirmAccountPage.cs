using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>
/// Base of the confirmation pages (deactivate, reset password, reset 2FA, remove a membership): GET asks,
/// POST acts. Works without JavaScript; the question names the account so that nobody confirms blindly.
/// </summary>
public abstract class ConfirmAccountPage(GetUser getUser) : PageModel
{
    public UserDetails? Account { get; private set; }

    protected async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await getUser.HandleAsync(id, cancellationToken);
        Account = result.Value;
        return this.Refusal(result);
    }

    /// <summary>Back to the account with a message, a refusal, or this page again with the handler's errors.</summary>
    protected async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors, string.Empty);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        TempData["Message"] = message;
        return RedirectToPage("Details", new { id });
    }
}
