using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>Adds an address to the child (current while it has no end date).</summary>
[AuditedChildData(Section.Identity, Writes = true)]
public sealed class AddressModel(GetChild getChild, AddAddress add) : PageModel
{
    [BindProperty]
    public AddressInput Input { get; set; } = new();

    [BindProperty]
    public string? ChildName { get; set; }

    /// <summary>The dossier number, for the tab title (kept in a hidden field like the name).</summary>
    [BindProperty]
    public string? DossierNumber { get; set; }

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await getChild.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        if (result.Value!.Rights.Identity != AccessLevel.Write)
        {
            return Forbid();
        }

        ChildName = result.Value.DisplayName;
        DossierNumber = result.Value.DossierNumber;
        Input.Country = "France";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            // Show the period check with the other errors rather than on the next attempt.
            if (Input.From is { } from && Input.To is { } to && to < from)
            {
                ModelState.AddErrors(new Dictionary<string, string[]> { ["to"] = ["La date de fin précède la date de début."] }, nameof(Input));
            }

            return Page();
        }

        var result = await add.HandleAsync(id, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = "Adresse ajoutée.";
                return RedirectToPage("Details", new { id });
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
