using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>Adds a person around the child, or edits one (with the same conflict handling as the identity).</summary>
[AuditedChildData(Section.Identity)]
public sealed class LinkedPersonModel(GetChild getChild, SaveLinkedPerson save, TimeProvider time) : PageModel
{
    [BindProperty]
    public LinkedPersonInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>Name of the child, for the title (read on GET only; the POST keeps it in a hidden field).</summary>
    [BindProperty]
    public string? ChildName { get; set; }

    /// <summary>The dossier number, for the tab title (kept in a hidden field like the name).</summary>
    [BindProperty]
    public string? DossierNumber { get; set; }

    public Guid Id { get; private set; }

    public Guid? PersonId { get; private set; }

    public LinkedPersonConflict? Conflict { get; private set; }

    /// <summary>The notes belong to the social follow-up: the field is offered only to who may read it.</summary>
    public bool ShowsNotes { get; private set; } = true;

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
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? personId, CancellationToken cancellationToken)
    {
        (Id, PersonId) = (id, personId);
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
                Version = conflict.Version;
                ModelState.Remove(nameof(Version));
                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public IEnumerable<(string Label, string Mine, string Stored)> Comparison()
    {
        if (Conflict is null)
        {
            yield break;
        }

        var c = Conflict.Person;
        yield return ("Lien avec l'enfant", Format.Relation(Input.Relation), Format.Relation(c.Relation));
        yield return ("Nom", Input.LastName ?? string.Empty, c.LastName ?? string.Empty);
        yield return ("Prénoms", Input.FirstNames ?? string.Empty, c.FirstNames ?? string.Empty);
        yield return ("Date de naissance", Input.BirthDate ?? string.Empty, c.BirthDate ?? string.Empty);
        yield return ("Autorité parentale", Input.HasParentalAuthority ? "oui" : "non", c.HasParentalAuthority ? "oui" : "non");
        yield return ("Téléphone", Input.Phone ?? string.Empty, c.Phone ?? string.Empty);
        yield return ("Courriel", Input.Email ?? string.Empty, c.Email ?? string.Empty);
        yield return ("Adresse", Input.AddressLine ?? string.Empty, c.AddressLine ?? string.Empty);
        yield return ("Code postal", Input.PostalCode ?? string.Empty, c.PostalCode ?? string.Empty);
        yield return ("Commune", Input.City ?? string.Empty, c.City ?? string.Empty);
        yield return ("Remarques", Input.Notes ?? string.Empty, c.Notes ?? string.Empty);
    }

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
