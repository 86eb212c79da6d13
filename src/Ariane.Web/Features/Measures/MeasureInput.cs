using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Measures;

/// <summary>Shared checks of the measures' forms.</summary>
internal static class MeasureInput
{
    public const int MaxText = 200;
    /// <summary>The legal basis and the decision's reference (their columns hold 100 characters).</summary>
    public const int MaxShortText = 100;
    public const int MaxNote = 2000;

    /// <summary>A text of at most <paramref name="max"/> characters, trimmed, or null.</summary>
    public static string? Text(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        var clean = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (clean is not null && clean.Length > max)
        {
            Validation.Add(errors, field, $"{max} caractères au plus.");
        }

        return clean;
    }

    public static void Required<T>(T? value, string field, string message, Dictionary<string, string[]> errors)
        where T : struct
    {
        if (value is null)
        {
            Validation.Add(errors, field, message);
        }
    }

    public static void AddAll(IEnumerable<(string Field, string Message)> found, Dictionary<string, string[]> errors)
    {
        foreach (var (field, message) in found)
        {
            Validation.Add(errors, field, message);
        }
    }
}
