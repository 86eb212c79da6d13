using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Ariane.Web.Features.Admin.Users;

[NoChildData]
public sealed class ResetTwoFactorModel(GetUser getUser, ResetTwoFactor reset) : ConfirmAccountPage(getUser)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await reset.HandleAsync(id, cancellationToken),
            "La double authentification a été réinitialisée. La personne la réactivera à sa prochaine connexion.", cancellationToken);
}
