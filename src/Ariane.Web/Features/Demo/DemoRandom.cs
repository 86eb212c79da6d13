using System.Globalization;
using System.Text;
using Ariane.Core.Children;

namespace Ariane.Web.Features.Demo;

/// <summary>A parent as recorded on each of the siblings' records.</summary>
internal sealed record DemoParent(
    PersonRelation Relation,
    string LastName,
    string FirstNames,
    PartialDate BirthDate,
    bool HasParentalAuthority,
    string? Phone,
    string Line,
    DemoCity City,
    string? Notes)
{
    public LinkedPerson ToLinkedPerson(Guid childId) => new()
    {
        ChildId = childId,
        Relation = Relation,
        LastName = LastName,
        FirstNames = FirstNames,
        BirthDate = BirthDate,
        HasParentalAuthority = HasParentalAuthority,
        Phone = Phone,
        AddressLine = Line,
        PostalCode = City.PostalCode,
        City = City.Name,
        Notes = Notes,
    };
}

/// <summary>Random picks of the generator: every draw goes through the one seeded <see cref="Random"/>.</summary>
internal sealed partial class DemoChildGenerator
{
    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(double probability) => random.NextDouble() < probability;

    /// <summary>A day between the two, both included; the first (never after today) when the range is empty.</summary>
    private DateOnly Between(DateOnly from, DateOnly to) =>
        to <= from ? Min(from, today) : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>A birth day of someone who is <paramref name="age"/> full years old today.</summary>
    private DateOnly BirthDay(int age) => today.AddYears(-age).AddDays(-random.Next(0, 365));

    private PartialDate ParentBirthDate(DateOnly childBorn, int ageAtBirth)
    {
        var born = childBorn.AddYears(-ageAtBirth).AddDays(-random.Next(0, 365));
        return Chance(0.08) ? new PartialDate(born.Year, null, null) : new PartialDate(born.Year, born.Month, born.Day);
    }

    private Sex RandomSex() => random.NextDouble() switch
    {
        < 0.01 => Sex.Unknown,
        < 0.505 => Sex.Male,
        _ => Sex.Female,
    };

    /// <summary>Full years between the birth day and today.</summary>
    private int Age(DateOnly born)
    {
        var years = today.Year - born.Year;
        return born.AddYears(years) > today ? years - 1 : years;
    }

    /// <summary>
    /// One to three first names in civil order ("Léa Marie"): the usual one of the person's generation and
    /// not already taken by a sibling, the others often traditional ones.
    /// </summary>
    private string FirstNames(Sex sex, bool adult, double multipleChance, IReadOnlySet<string> taken)
    {
        var male = sex switch
        {
            Sex.Male => true,
            Sex.Female => false,
            _ => Chance(0.5),
        };
        var usualNames = (male, adult) switch
        {
            (true, true) => DemoNames.ManFirstNames,
            (true, false) => DemoNames.BoyFirstNames,
            (false, true) => DemoNames.WomanFirstNames,
            _ => DemoNames.GirlFirstNames,
        };
        var usual = Pick(usualNames);
        while (taken.Contains(usual))
        {
            usual = Pick(usualNames);
        }

        var chosen = new List<string> { usual };
        var count = Chance(multipleChance) ? (Chance(0.15) ? 3 : 2) : 1;
        while (chosen.Count < count)
        {
            var next = Chance(0.5) ? Pick(usualNames) : Pick(male ? DemoNames.ManFirstNames : DemoNames.WomanFirstNames);
            if (!chosen.Contains(next, StringComparer.Ordinal))
            {
                chosen.Add(next);
            }
        }

        return string.Join(' ', chosen);
    }

    private string? PhoneOrNull() => Chance(0.1)
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"0{random.Next(6, 8)} {random.Next(100):00} {random.Next(100):00} {random.Next(100):00} {random.Next(100):00}");

    private string StreetAddress()
    {
        var number = random.Next(1, 140);
        var suffix = Chance(0.08) ? " bis" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{number}{suffix} {Pick(DemoNames.Streets)}");
    }

    private string? BirthPlace(DemoCity home) => random.NextDouble() switch
    {
        < 0.55 => home.Name,
        < 0.75 => Pick(DemoNames.Cities).Name,
        < 0.95 => Pick(DemoNames.OtherBirthPlaces),
        _ => null,
    };

    private static string StripAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
