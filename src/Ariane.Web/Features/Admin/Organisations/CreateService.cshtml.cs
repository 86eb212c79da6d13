using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Organisations;

[NoChildData]
public sealed class CreateServiceModel(CreateService create, ListOrganisations list) : PageModel
{
    [BindProperty]
    public CreateServiceRequest Input { get; set; } = new();

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? organisationId, CancellationToken cancellationToken)
    {
        Input.OrganisationId = organisationId;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await create.HandleAsync(Input, cancellationToken);
        if (this.Refusal(result) is { } refused)
        {
            return refused;
        }

        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors, nameof(Input));
            return Page();
        }

        TempData["Message"] = $"Le service « {Input.Name!.Trim()} » a été créé.";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await list.HandleAsync(cancellationToken);
        Organisations = result.Value ?? [];
        return this.Refusal(result);
    }
}
