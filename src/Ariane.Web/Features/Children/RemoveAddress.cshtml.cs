using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>Asks for confirmation (works without JavaScript), then removes a mistaken address. The audit keeps the removed values.</summary>
[AuditedChildData(Section.Identity, Writes = true)]
public sealed class RemoveAddressModel(GetChild getChild, RemoveAddress remove) : PageModel
{
    public ChildRecord? Record { get; private set; }

    public AddressDto? Address { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid addressId, CancellationToken cancellationToken)
    {
        var result = await getChild.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Record = result.Value!;
        Address = Record.Addresses.FirstOrDefault(a => a.Id == addressId);
        if (Address is null)
        {
            return NotFound();
        }

        return Record.Rights.Identity == AccessLevel.Write ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid addressId, CancellationToken cancellationToken)
    {
        var result = await remove.HandleAsync(id, addressId, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = "Adresse retirée du dossier.";
                return RedirectToPage("Details", new { id });
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
