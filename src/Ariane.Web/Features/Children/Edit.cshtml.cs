using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>
/// Edits a child's identity. If someone saved in between, the conflict screen says who and when, shows
/// per field the value at opening, the user's input and the other version, and lets the user keep
/// theirs or mine per field; saving the choices is checked against the other version, so a third save
/// in between is a new conflict, never a silent overwrite.
/// </summary>
[AuditedChildData(Section.Identity, Writes = true)]
public sealed class EditModel(GetChild getChild, UpdateChild update, TimeProvider time) : PageModel
{
    [BindProperty]
    public ChildInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The values the user started from (hidden fields): the « à l'ouverture » column of a conflict.</summary>
    // An explicit name: without it, a form that does not carry these fields would bind them from its other fields.
    [BindProperty(Name = nameof(Original))]
    [ValidateNever]
    public ChildInput Original { get; set; } = new();

    /// <summary>On the conflict screen: the other version, posted back with the choices.</summary>
    // An explicit name: without it, a form that does not carry these fields would bind them from its other fields.
    [BindProperty(Name = nameof(Theirs))]
    [ValidateNever]
    public ChildInput Theirs { get; set; } = new();

    /// <summary>Per field name, <see cref="ConflictChoice.Mine"/> or <see cref="ConflictChoice.Theirs"/>.</summary>
    // An explicit name: without it, a form that does not carry these fields would bind them from its other fields.
    [BindProperty(Name = nameof(Keep))]
    public Dictionary<string, string> Keep { get; set; } = [];

    /// <summary>The values at opening shown on the conflict screen (the hidden ones then move to the other version).</summary>
    public ChildInput? ShownOriginal { get; private set; }

    public Guid Id { get; private set; }

    /// <summary>For the tab title (read on GET; the POST keeps it in a hidden field): the number, never the name.</summary>
    [BindProperty]
    public string? DossierNumber { get; set; }

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
        DossierNumber = r.DossierNumber;
        Input = FromRecord(r);
        Original = FromRecord(r);
        return Page();
    }

    /// <summary>Saves the choices of the conflict screen: mine, with the fields kept from the other version.</summary>
    public Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken cancellationToken)
    {
        Conflicts.Merge(Fields, Input, Theirs, Keep);
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        return OnPostAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        // The base and the other version travel for display only: their values are not the user's input.
        ModelState.ClearPrefixes(nameof(Original), nameof(Theirs));
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
                // The choices are saved against the other version: it becomes the base of the next attempt.
                ShownOriginal = Original;
                Original = conflict.Child;
                Theirs = conflict.Child;
                Version = conflict.Version;
                ModelState.Clear();
                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>The conflict screen's rows: at opening, mine, theirs.</summary>
    public IReadOnlyList<ConflictRow> Comparison() =>
        Conflict is null ? [] : Conflicts.Rows(Fields, ShownOriginal ?? Original, Input, Conflict.Child);

    /// <summary>The identity fields, in the form's order, as the conflict screen compares and merges them.</summary>
    internal static readonly IReadOnlyList<ConflictField<ChildInput>> Fields =
    [
        new(nameof(ChildInput.BirthName), "Nom de naissance", i => i.BirthName ?? string.Empty, (to, from) => to.BirthName = from.BirthName),
        new(nameof(ChildInput.UsageName), "Nom d'usage", i => i.UsageName ?? string.Empty, (to, from) => to.UsageName = from.UsageName),
        new(nameof(ChildInput.FirstNames), "Prénoms", i => i.FirstNames ?? string.Empty, (to, from) => to.FirstNames = from.FirstNames),
        new(nameof(ChildInput.Sex), "Sexe", i => Format.Sex(i.Sex), (to, from) => to.Sex = from.Sex),
        new(nameof(ChildInput.BirthDate), "Date de naissance", i => i.BirthDate ?? string.Empty, (to, from) => to.BirthDate = from.BirthDate),
        new(nameof(ChildInput.BirthPlace), "Lieu de naissance", i => i.BirthPlace ?? string.Empty, (to, from) => to.BirthPlace = from.BirthPlace),
        new(nameof(ChildInput.Nationality), "Nationalité", i => i.Nationality ?? string.Empty, (to, from) => to.Nationality = from.Nationality),
        new(nameof(ChildInput.Ins), "INS", i => i.Ins ?? string.Empty, (to, from) => to.Ins = from.Ins),
    ];

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
