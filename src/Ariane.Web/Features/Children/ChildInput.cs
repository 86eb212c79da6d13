using System.ComponentModel.DataAnnotations;
using Ariane.Core.Children;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Children;

/// <summary>The identity fields of a child, as typed in the form or sent to the API.</summary>
public sealed class ChildInput
{
    [Display(Name = "Nom de naissance")]
    [Required(ErrorMessage = "Le nom de naissance est obligatoire.")]
    [StringLength(100, ErrorMessage = "Le nom de naissance ne peut dépasser 100 caractères.")]
    public string? BirthName { get; set; }

    [Display(Name = "Nom d'usage")]
    [StringLength(100, ErrorMessage = "Le nom d'usage ne peut dépasser 100 caractères.")]
    public string? UsageName { get; set; }

    [Display(Name = "Prénoms")]
    [Required(ErrorMessage = "Au moins un prénom est obligatoire.")]
    [StringLength(200, ErrorMessage = "Les prénoms ne peuvent dépasser 200 caractères.")]
    public string? FirstNames { get; set; }

    [Display(Name = "Sexe")]
    [EnumDataType(typeof(Sex), ErrorMessage = "Sexe inconnu.")]
    public Sex Sex { get; set; } = Sex.Unknown;

    /// <summary>"12/03/2015", "03/2015", "2015", "2015-03-12", or empty when unknown.</summary>
    [Display(Name = "Date de naissance")]
    [StringLength(10, ErrorMessage = "Date de naissance illisible.")]
    public string? BirthDate { get; set; }

    [Display(Name = "Lieu de naissance")]
    [StringLength(200, ErrorMessage = "Le lieu de naissance ne peut dépasser 200 caractères.")]
    public string? BirthPlace { get; set; }

    [Display(Name = "Nationalité")]
    [StringLength(100, ErrorMessage = "La nationalité ne peut dépasser 100 caractères.")]
    public string? Nationality { get; set; }

    [Display(Name = "INS (identifiant national de santé)")]
    [RegularExpression(@"^[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{8}$", ErrorMessage = "L'INS compte 15 caractères (numéro de sécurité sociale et clé).")]
    public string? Ins { get; set; }

    /// <summary>Validates and returns the parsed birth date, adding French field errors.</summary>
    public Dictionary<string, string[]> Validate(DateOnly today, out PartialDate birthDate)
    {
        var errors = Validation.Check(this);
        birthDate = PartialDate.Unknown;
        var parsed = PartialDate.TryParse(BirthDate);
        if (parsed is null)
        {
            Validation.Add(errors, "birthDate", "Date de naissance illisible : saisissez JJ/MM/AAAA, MM/AAAA, AAAA, ou laissez vide si elle est inconnue.");
        }
        else if (!parsed.IsValid(today))
        {
            Validation.Add(errors, "birthDate", "Cette date de naissance n'existe pas ou est dans le futur.");
        }
        else
        {
            birthDate = parsed;
        }

        // A name is made of letters (« 2023-02-30 » is a date typed in the wrong field, not a name).
        if (BirthName is not null && !BirthName.Any(char.IsLetter) && !errors.ContainsKey("birthName"))
        {
            Validation.Add(errors, "birthName", "Le nom de naissance doit contenir au moins une lettre.");
        }

        if (!string.IsNullOrWhiteSpace(FirstNames) && !FirstNames.Any(char.IsLetter) && !errors.ContainsKey("firstNames"))
        {
            Validation.Add(errors, "firstNames", "Les prénoms doivent contenir au moins une lettre.");
        }

        if (!string.IsNullOrWhiteSpace(UsageName) && !UsageName.Any(char.IsLetter) && !errors.ContainsKey("usageName"))
        {
            Validation.Add(errors, "usageName", "Le nom d'usage doit contenir au moins une lettre.");
        }

        return errors;
    }

    public void ApplyTo(Child child, PartialDate birthDate)
    {
        ArgumentNullException.ThrowIfNull(child);
        child.BirthName = BirthName!.Trim();
        child.UsageName = Clean(UsageName);
        child.FirstNames = FirstNames!.Trim();
        child.Sex = Sex;
        child.BirthDate = birthDate;
        child.BirthPlace = Clean(BirthPlace);
        child.Nationality = Clean(Nationality);
        child.Ins = Clean(Ins);
    }

    public static ChildInput From(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new ChildInput
        {
            BirthName = child.BirthName,
            UsageName = child.UsageName,
            FirstNames = child.FirstNames,
            Sex = child.Sex,
            BirthDate = child.BirthDate.Year is null ? string.Empty : child.BirthDate.ToString(),
            BirthPlace = child.BirthPlace,
            Nationality = child.Nationality,
            Ins = child.Ins,
        };
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
