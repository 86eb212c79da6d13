using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Ariane.Web.Features.Admin.Users;

[NoChildData]
public sealed class DeactivateModel(GetUser getUser, DeactivateUser deactivate) : ConfirmAccountPage(getUser)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await deactivate.HandleAsync(id, cancellationToken),
            "Le compte a été désactivé. Ses sessions ouvertes seront fermées dans la minute.", cancellationToken);
}
