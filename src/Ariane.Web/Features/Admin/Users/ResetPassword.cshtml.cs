using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>Confirms, then shows the new temporary password once, in the answer to the form.</summary>
[NoChildData]
public sealed class ResetPasswordModel(GetUser getUser, ResetPassword reset) : ConfirmAccountPage(getUser)
{
    public PasswordReset? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await reset.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return await AfterAsync(id, result, string.Empty, cancellationToken);
        }

        Done = result.Value;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }
}
