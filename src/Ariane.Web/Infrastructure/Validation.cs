using System.ComponentModel.DataAnnotations;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Runs the data annotations of a request in the handler, so that UI and API validate the same way;
/// and the text rules (<see cref="Core.Common.TextRules"/>) on every text of the request, the backstop of
/// the checks made at binding (<see cref="TextInputSetup"/>).
/// </summary>
public static class Validation
{
    public static Dictionary<string, string[]> Check(object request)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [string.Empty]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(x => ToCamel(x.Member))
            .ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "Valeur invalide.").ToArray());
        TextInput.Collect(request, string.Empty, multiLine: false, displayName: null, errors);
        return errors;
    }

    /// <summary>
    /// A form may post any number for an enum (JSON may not: it takes names only): a value outside the list
    /// would be stored and later break every screen and answer that shows it. One check for every list field.
    /// </summary>
    public static void Defined<T>(T? value, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            Add(errors, field, "Choisissez une valeur de la liste.");
        }
    }

    public static void Add(Dictionary<string, string[]> errors, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
    }

    private static string ToCamel(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
