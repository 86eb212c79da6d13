using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>
/// Edits a child's identity. If someone saved in between, the page shows both versions side by side,
/// keeps what the user typed and takes the new version number, so that saving again is a deliberate choice.
/// </summary>
[AuditedChildData(Section.Identity, Writes = true)]
public sealed class EditModel(GetChild getChild, UpdateChild update, TimeProvider time) : PageModel
{
    [BindProperty]
    public ChildInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public Guid Id { get; private set; }

    /// <summary>What is stored now, when the save met someone else's change.</summary>
    public ChildConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await getChild.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        var r = result.Value!;
        if (r.Rights.Identity != AccessLevel.Write)
        {
            return Forbid();
        }

        Version = r.Version;
        Input = FromRecord(r);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            ModelState.AddErrors(Input.Validate(Format.Today(time), out _), nameof(Input));
            return Page();
        }

        var result = await update.HandleAsync(id, new UpdateChildRequest { Child = Input, Version = Version }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = "Identité enregistrée.";
                return RedirectToPage("Details", new { id });
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Conflict when result.Current is ChildConflict conflict:
                Conflict = conflict;
                // Keep the user's input, but take the stored version: the next save overwrites on purpose.
                Version = conflict.Version;
                ModelState.Remove(nameof(Version));
                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>Rows of the comparison table: label, the user's value, the stored value.</summary>
    public IEnumerable<(string Label, string Mine, string Stored)> Comparison()
    {
        if (Conflict is null)
        {
            yield break;
        }

        var c = Conflict.Child;
        yield return ("Nom de naissance", Input.BirthName ?? string.Empty, c.BirthName ?? string.Empty);
        yield return ("Nom d'usage", Input.UsageName ?? string.Empty, c.UsageName ?? string.Empty);
        yield return ("Prénoms", Input.FirstNames ?? string.Empty, c.FirstNames ?? string.Empty);
        yield return ("Sexe", Format.Sex(Input.Sex), Format.Sex(c.Sex));
        yield return ("Date de naissance", Input.BirthDate ?? string.Empty, c.BirthDate ?? string.Empty);
        yield return ("Lieu de naissance", Input.BirthPlace ?? string.Empty, c.BirthPlace ?? string.Empty);
        yield return ("Nationalité", Input.Nationality ?? string.Empty, c.Nationality ?? string.Empty);
        yield return ("INS", Input.Ins ?? string.Empty, c.Ins ?? string.Empty);
    }

    internal static ChildInput FromRecord(ChildRecord r) => new()
    {
        BirthName = r.BirthName,
        UsageName = r.UsageName,
        FirstNames = r.FirstNames,
        Sex = r.Sex,
        BirthDate = r.BirthYear is null ? string.Empty : r.BirthDate,
        BirthPlace = r.BirthPlace,
        Nationality = r.Nationality,
        Ins = r.Ins,
    };
}
