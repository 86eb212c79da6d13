using System.Globalization;

namespace Ariane.Core.Children;

/// <summary>
/// A birth date that may be partly or wholly unknown (common for unaccompanied minors). Stored as
/// three nullable columns so that searches on year or month run in SQL.
/// </summary>
public sealed record PartialDate(int? Year, int? Month, int? Day)
{
    public static readonly PartialDate Unknown = new(null, null, null);

    public bool IsValid(DateOnly today)
    {
        if (Day is not null && Month is null)
        {
            return false;
        }

        if (Month is not null && Year is null)
        {
            return false;
        }

        if (Year is { } y && (y < 1900 || y > today.Year))
        {
            return false;
        }

        if (Month is { } m && (m < 1 || m > 12))
        {
            return false;
        }

        if (Day is { } d && (d < 1 || d > DateTime.DaysInMonth(Year!.Value, Month!.Value)))
        {
            return false;
        }

        return Year is null || AsEarliestDate() <= today;
    }

    private DateOnly AsEarliestDate() => new(Year ?? 1, Month ?? 1, Day ?? 1);

    public override string ToString() => (Year, Month, Day) switch
    {
        (null, _, _) => "inconnue",
        ({ } y, null, _) => y.ToString(CultureInfo.InvariantCulture),
        ({ } y, { } m, null) => $"{m:00}/{y}",
        ({ } y, { } m, { } d) => $"{d:00}/{m:00}/{y}",
    };

    /// <summary>Parses "12/03/2015", "03/2015", "2015", "2015-03-12", "2015-03" or "" (unknown). Null when not a date.</summary>
    public static PartialDate? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Unknown;
        }

        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return new PartialDate(iso.Year, iso.Month, iso.Day);
        }

        var parts = t.Split(['/', '.', '-', ' '], StringSplitOptions.RemoveEmptyEntries);
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return numbers.Length switch
        {
            1 when parts[0].Length == 4 => new PartialDate(numbers[0], null, null),
            2 when parts[0].Length == 4 => new PartialDate(numbers[0], numbers[1], null),
            2 when parts[1].Length == 4 => new PartialDate(numbers[1], numbers[0], null),
            3 when parts[2].Length == 4 => new PartialDate(numbers[2], numbers[1], numbers[0]),
            _ => null,
        };
    }
}
