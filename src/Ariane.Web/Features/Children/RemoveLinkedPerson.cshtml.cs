using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>Asks for confirmation (works without JavaScript), then removes a linked person. The audit keeps the removed values.</summary>
[AuditedChildData(Section.Identity, Writes = true)]
public sealed class RemoveLinkedPersonModel(GetChild getChild, RemoveLinkedPerson remove) : PageModel
{
    public ChildRecord? Record { get; private set; }

    public LinkedPersonDto? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid personId, CancellationToken cancellationToken)
    {
        var result = await getChild.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Record = result.Value!;
        Person = Record.LinkedPersons.FirstOrDefault(p => p.Id == personId);
        if (Person is null)
        {
            return NotFound();
        }

        return Record.Rights.Identity == AccessLevel.Write ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid personId, CancellationToken cancellationToken)
    {
        var result = await remove.HandleAsync(id, personId, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = "Personne liée retirée du dossier.";
                return RedirectToPage("Details", new { id });
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public static string Describe(LinkedPersonDto p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return $"{p.LastName} {p.FirstNames}".Trim() + $" ({Format.Relation(p.Relation)})";
    }
}
