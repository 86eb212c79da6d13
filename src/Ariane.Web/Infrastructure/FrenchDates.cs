using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// The one way the forms take a date: JJ/MM/AAAA typed in a text field, whatever the browser's language
/// (an &lt;input type="date"&gt; shows and takes the browser's format, MM/DD/YYYY in an English browser).
/// Parsed here, on the server, with one French error. The API is untouched: its JSON dates stay ISO 8601.
/// </summary>
public static class FrenchDates
{
    public const string Pattern = "JJ/MM/AAAA";

    public const string InvalidMessage = "Date invalide : saisissez JJ/MM/AAAA.";

    public const string InvalidTimeMessage = "Heure invalide : saisissez HH:MM (par exemple 18:00).";

    private static readonly char[] Separators = ['/', '.', '-', ' '];

    /// <summary>
    /// « 12/03/2015 », « 1/3/2015 », « 12.03.2015 », « 12-03-2015 »; also ISO « 2015-03-12 », which links and
    /// bookmarks carry. The year has four digits (no guessing of the century); the date must exist.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        var parts = (text ?? string.Empty).Trim().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts.Any(p => p.Length > 4 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var (day, month, year) = parts[0].Length == 4 ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2]);
        if (year.Length != 4 || day.Length > 2 || month.Length > 2)
        {
            return false;
        }

        var (d, m, y) = (int.Parse(day, CultureInfo.InvariantCulture), int.Parse(month, CultureInfo.InvariantCulture), int.Parse(year, CultureInfo.InvariantCulture));
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>« 18:00 », « 9:30 », « 18h », « 18h30 » as a time of day.</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        var parts = (text ?? string.Empty).Trim().ToUpperInvariant().Split([':', 'H'], StringSplitOptions.None);
        if (parts.Length is < 1 or > 2 || parts[0].Length is < 1 or > 2 || !parts[0].All(char.IsAsciiDigit))
        {
            return false;
        }

        var minutes = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : "0";
        if (minutes.Length > 2 || !minutes.All(char.IsAsciiDigit))
        {
            return false;
        }

        var (h, m) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(minutes, CultureInfo.InvariantCulture));
        if (h > 23 || m > 59)
        {
            return false;
        }

        time = new TimeOnly(h, m);
        return true;
    }
}

/// <summary>Binds every DateOnly of the pages (forms, query strings, handler parameters) with <see cref="FrenchDates"/>.</summary>
public sealed class FrenchDateModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // Empty: no date. [Required] says so for a mandatory field; a non-nullable DateOnly needs one.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, FrenchDates.InvalidMessage);
            }

            return Task.CompletedTask;
        }

        if (FrenchDates.TryParse(text, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, FrenchDates.InvalidMessage);
        }

        return Task.CompletedTask;
    }
}

public sealed class FrenchDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(DateOnly) ? new FrenchDateModelBinder() : null;
    }
}
