using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Organisations;

[NoChildData]
public sealed class CreateModel(CreateOrganisation create, AdminScope scope) : PageModel
{
    [BindProperty]
    public CreateOrganisationRequest Input { get; set; } = new();

    /// <summary>Shows the form to those who may create; others get the access denied page at once.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.Refusal(await create.CanCreateAsync(cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        // A département's administrator creates organisations of their département: it is filled in.
        if (await scope.ForAsync(Core.Access.Permission.ManageOrganisations, cancellationToken) is { Platform: false, DepartementCodes: [var code] })
        {
            Input.DepartementCode = code;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await create.HandleAsync(Input, cancellationToken);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors, nameof(Input));
            return Page();
        }

        TempData["Message"] = $"L'organisation « {Input.Name!.Trim()} » a été créée. Ajoutez-lui ses services.";
        return RedirectToPage("CreateService", new { organisationId = result.Value });
    }
}
