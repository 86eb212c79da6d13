using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>Creates a child's record after showing the likely duplicates, which the user must rule out explicitly.</summary>
[AuditedChildData(Section.Identity)]
public sealed class CreateModel(CreateChild create, CurrentUser currentUser, TimeProvider time) : PageModel
{
    [BindProperty]
    public ChildInput Input { get; set; } = new();

    /// <summary>Ticked by the user after looking at the duplicates shown.</summary>
    [BindProperty]
    public bool ConfirmNotDuplicate { get; set; }

    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await currentUser.HasAsync(Permission.CreateChild, cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Binding or annotation errors: add the birth-date checks too, so the user sees every problem at once.
            ModelState.AddErrors(Input.Validate(Format.Today(time), out _), nameof(Input));
            return Page();
        }

        var result = await create.HandleAsync(new CreateChildRequest { Child = Input, ConfirmNotDuplicate = ConfirmNotDuplicate }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Forbidden:
                return Forbid();
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Ok when result.Value!.Created is { } created:
                TempData["Message"] = $"Dossier créé : {created.FirstNames} {created.BirthName}. Votre service y est affecté.";
                return RedirectToPage("Details", new { id = created.Id });
            case ResultStatus.Ok:
                Duplicates = result.Value.Duplicates;
                ConfirmNotDuplicate = false;
                ModelState.Remove(nameof(ConfirmNotDuplicate));
                return Page();
            default:
                return NotFound();
        }
    }
}
