using System.ComponentModel.DataAnnotations;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Children;

/// <summary>A person around the child, as typed in the form or sent to the API.</summary>
public sealed class LinkedPersonInput
{
    [Display(Name = "Lien avec l'enfant")]
    [EnumDataType(typeof(PersonRelation), ErrorMessage = "Lien inconnu.")]
    public PersonRelation Relation { get; set; } = PersonRelation.Other;

    [Display(Name = "Nom")]
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(100, ErrorMessage = "Le nom ne peut dépasser 100 caractères.")]
    public string? LastName { get; set; }

    [Display(Name = "Prénoms")]
    [StringLength(200, ErrorMessage = "Les prénoms ne peuvent dépasser 200 caractères.")]
    public string? FirstNames { get; set; }

    [Display(Name = "Date de naissance")]
    [StringLength(10, ErrorMessage = "Date de naissance illisible.")]
    public string? BirthDate { get; set; }

    [Display(Name = "Titulaire de l'autorité parentale")]
    public bool HasParentalAuthority { get; set; }

    [Display(Name = "Téléphone")]
    [StringLength(30, ErrorMessage = "Le téléphone ne peut dépasser 30 caractères.")]
    [RegularExpression(@"^[0-9+ .()\-]*$", ErrorMessage = "Le téléphone ne peut contenir que des chiffres, espaces et + . ( ) -.")]
    public string? Phone { get; set; }

    [Display(Name = "Courriel")]
    [StringLength(254, ErrorMessage = "Le courriel ne peut dépasser 254 caractères.")]
    [EmailAddress(ErrorMessage = "Adresse de courriel invalide.")]
    public string? Email { get; set; }

    [Display(Name = "Adresse")]
    [StringLength(300, ErrorMessage = "L'adresse ne peut dépasser 300 caractères.")]
    public string? AddressLine { get; set; }

    [Display(Name = "Code postal")]
    [StringLength(10, ErrorMessage = "Le code postal ne peut dépasser 10 caractères.")]
    public string? PostalCode { get; set; }

    [Display(Name = "Commune")]
    [StringLength(100, ErrorMessage = "La commune ne peut dépasser 100 caractères.")]
    public string? City { get; set; }

    [Display(Name = "Remarques")]
    [StringLength(2000, ErrorMessage = "Les remarques ne peuvent dépasser 2000 caractères.")]
    [MultiLine]
    public string? Notes { get; set; }

    public Dictionary<string, string[]> Validate(DateOnly today, out PartialDate birthDate)
    {
        var errors = Validation.Check(this);
        var parsed = PartialDate.TryParse(BirthDate);
        birthDate = parsed is not null && parsed.IsValid(today) ? parsed : PartialDate.Unknown;
        if (parsed is null || !parsed.IsValid(today))
        {
            Validation.Add(errors, "birthDate", "Date de naissance illisible ou impossible.");
        }

        return errors;
    }

    public void ApplyTo(LinkedPerson person, PartialDate birthDate)
    {
        ArgumentNullException.ThrowIfNull(person);
        person.Relation = Relation;
        person.LastName = LastName!.Trim();
        person.FirstNames = ChildInput.Clean(FirstNames);
        person.BirthDate = birthDate;
        person.HasParentalAuthority = HasParentalAuthority;
        person.Phone = ChildInput.Clean(Phone);
        person.Email = ChildInput.Clean(Email);
        person.AddressLine = ChildInput.Clean(AddressLine);
        person.PostalCode = ChildInput.Clean(PostalCode);
        person.City = ChildInput.Clean(City);
        person.Notes = ChildInput.Clean(Notes);
    }

    public static LinkedPersonInput From(LinkedPerson p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Relation = p.Relation,
            LastName = p.LastName,
            FirstNames = p.FirstNames,
            BirthDate = p.BirthDate.Year is null ? string.Empty : p.BirthDate.ToString(),
            HasParentalAuthority = p.HasParentalAuthority,
            Phone = p.Phone,
            Email = p.Email,
            AddressLine = p.AddressLine,
            PostalCode = p.PostalCode,
            City = p.City,
            Notes = p.Notes,
        };
    }
}
