using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ariane.Web.Features.Shared;

/// <summary>Puts a handler's field errors (camelCase keys, as the API returns them) next to the fields of a page.</summary>
public static class ModelStateExtensions
{
    /// <summary>
    /// Adds each error under <paramref name="prefix"/> + the key with every dotted segment PascalCased:
    /// "birthDate" with prefix "Input" becomes "Input.BirthDate". An empty key is a form-level error.
    /// A message already shown for that field (from the page's own validation) is not repeated.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]>? errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (errors is null)
        {
            return;
        }

        foreach (var (field, messages) in errors)
        {
            var key = FieldKey(field, prefix);
            var existing = modelState.TryGetValue(key, out var entry)
                ? entry.Errors.Select(e => e.ErrorMessage).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var message in messages.Where(m => existing.Add(m)))
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    /// <summary>"child.birthName" with prefix "Input" → "Input.Child.BirthName"; "" → "" (form-level).</summary>
    /// <summary>Forgets what binding said about fields carried for display only (a conflict screen's other versions).</summary>
    public static void ClearPrefixes(this ModelStateDictionary modelState, params string[] prefixes)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var key in modelState.Keys.Where(k => prefixes.Any(p => k == p || k.StartsWith(p + ".", StringComparison.Ordinal))).ToList())
        {
            modelState.Remove(key);
        }
    }

    public static string FieldKey(string? field, string? prefix)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        var path = string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
        return string.IsNullOrEmpty(prefix) ? path : prefix + "." + path;
    }
}
