using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>Adds a person around the child, or edits one (with the same conflict handling as the identity).</summary>
[AuditedChildData(Section.Identity, Writes = true)]
public sealed class LinkedPersonModel(GetChild getChild, SaveLinkedPerson save, TimeProvider time) : PageModel
{
    [BindProperty]
    public LinkedPersonInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The values the user started from (hidden fields): the « à l'ouverture » column of a conflict.</summary>
    // An explicit name: without it, a form that does not carry these fields would bind them from its other fields.
    [BindProperty(Name = nameof(Original))]
    [ValidateNever]
    public LinkedPersonInput Original { get; set; } = new();

    /// <summary>On the conflict screen: the other version, posted back with the choices.</summary>
    // An explicit name: without it, a form that does not carry these fields would bind them from its other fields.
    [BindProperty(Name = nameof(Theirs))]
    [ValidateNever]
    public LinkedPersonInput Theirs { get; set; } = new();

    /// <summary>Per field name, <see cref="ConflictChoice.Mine"/> or <see cref="ConflictChoice.Theirs"/>.</summary>
    // An explicit name: without it, a form that does not carry these fields would bind them from its other fields.
    [BindProperty(Name = nameof(Keep))]
    public Dictionary<string, string> Keep { get; set; } = [];

    public LinkedPersonInput? ShownOriginal { get; private set; }

    /// <summary>Name of the child, for the title (read on GET only; the POST keeps it in a hidden field).</summary>
    [BindProperty]
    public string? ChildName { get; set; }

    /// <summary>The dossier number, for the tab title (kept in a hidden field like the name).</summary>
    [BindProperty]
    public string? DossierNumber { get; set; }

    public Guid Id { get; private set; }

    public Guid? PersonId { get; private set; }

    public LinkedPersonConflict? Conflict { get; private set; }

    /// <summary>
    /// The notes belong to the social follow-up: the field is offered only to who may read it. Carried in the
    /// form for the conflict screen; only the display depends on it (SaveLinkedPerson decides what is kept and shown).
    /// </summary>
    [BindProperty]
    public bool ShowsNotes { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? personId, CancellationToken cancellationToken)
    {
        (Id, PersonId) = (id, personId);
        var result = await getChild.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        var record = result.Value!;
        if (record.Rights.Identity != AccessLevel.Write)
        {
            return Forbid();
        }

        ChildName = record.DisplayName;
        DossierNumber = record.DossierNumber;
        ShowsNotes = record.Rights.MayRead(Core.Children.LinkedPerson.NotesSection);
        if (personId is { } pid)
        {
            var person = record.LinkedPersons.FirstOrDefault(p => p.Id == pid);
            if (person is null)
            {
                return NotFound();
            }

            Version = person.Version;
            Input = FromDto(person);
            Original = FromDto(person);
        }

        return Page();
    }

    /// <summary>Saves the choices of the conflict screen: mine, with the fields kept from the other version.</summary>
    public Task<IActionResult> OnPostResolveAsync(Guid id, Guid? personId, CancellationToken cancellationToken)
    {
        Conflicts.Merge(Fields, Input, Theirs, Keep);
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        return OnPostAsync(id, personId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? personId, CancellationToken cancellationToken)
    {
        (Id, PersonId) = (id, personId);
        // The base and the other version travel for display only: their values are not the user's input.
        ModelState.ClearPrefixes(nameof(Original), nameof(Theirs));
        if (!ModelState.IsValid)
        {
            ModelState.AddErrors(Input.Validate(Format.Today(time), out _), nameof(Input));
            return Page();
        }

        var result = await save.HandleAsync(id, personId, new SaveLinkedPersonRequest { Person = Input, Version = Version }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                var p = result.Value!;
                var who = $"{p.LastName} {p.FirstNames}".Trim();
                TempData["Message"] = personId is null
                    ? $"Personne liée ajoutée : {who} ({Format.Relation(p.Relation)})."
                    : $"Personne liée enregistrée : {who} ({Format.Relation(p.Relation)}).";
                return RedirectToPage("Details", new { id });
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.Conflict when result.Current is LinkedPersonConflict conflict:
                Conflict = conflict;
                ShownOriginal = Original;
                Original = conflict.Person;
                Theirs = conflict.Person;
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
        Conflict is null ? [] : Conflicts.Rows(Fields, ShownOriginal ?? Original, Input, Conflict.Person);

    internal static readonly IReadOnlyList<ConflictField<LinkedPersonInput>> Fields =
    [
        new(nameof(LinkedPersonInput.Relation), "Lien avec l'enfant", i => Format.Relation(i.Relation), (to, from) => to.Relation = from.Relation),
        new(nameof(LinkedPersonInput.LastName), "Nom", i => i.LastName ?? string.Empty, (to, from) => to.LastName = from.LastName),
        new(nameof(LinkedPersonInput.FirstNames), "Prénoms", i => i.FirstNames ?? string.Empty, (to, from) => to.FirstNames = from.FirstNames),
        new(nameof(LinkedPersonInput.BirthDate), "Date de naissance", i => i.BirthDate ?? string.Empty, (to, from) => to.BirthDate = from.BirthDate),
        new(nameof(LinkedPersonInput.HasParentalAuthority), "Autorité parentale", i => i.HasParentalAuthority ? "oui" : "non", (to, from) => to.HasParentalAuthority = from.HasParentalAuthority),
        new(nameof(LinkedPersonInput.Phone), "Téléphone", i => i.Phone ?? string.Empty, (to, from) => to.Phone = from.Phone),
        new(nameof(LinkedPersonInput.Email), "Courriel", i => i.Email ?? string.Empty, (to, from) => to.Email = from.Email),
        new(nameof(LinkedPersonInput.AddressLine), "Adresse", i => i.AddressLine ?? string.Empty, (to, from) => to.AddressLine = from.AddressLine),
        new(nameof(LinkedPersonInput.PostalCode), "Code postal", i => i.PostalCode ?? string.Empty, (to, from) => to.PostalCode = from.PostalCode),
        new(nameof(LinkedPersonInput.City), "Commune", i => i.City ?? string.Empty, (to, from) => to.City = from.City),
        // The notes are compared only when the user may read them: otherwise the other version carries none.
        new(nameof(LinkedPersonInput.Notes), "Remarques", i => i.Notes ?? string.Empty, (to, from) => to.Notes = from.Notes),
    ];

    private static LinkedPersonInput FromDto(LinkedPersonDto p) => new()
    {
        Relation = p.Relation,
        LastName = p.LastName,
        FirstNames = p.FirstNames,
        BirthDate = p.BirthDate == "inconnue" ? string.Empty : p.BirthDate,
        HasParentalAuthority = p.HasParentalAuthority,
        Phone = p.Phone,
        Email = p.Email,
        AddressLine = p.AddressLine,
        PostalCode = p.PostalCode,
        City = p.City,
        Notes = p.Notes,
    };
}
