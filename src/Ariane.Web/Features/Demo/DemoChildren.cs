using System.Collections.Frozen;
using System.Globalization;
using Ariane.Core.Children;

namespace Ariane.Web.Features.Demo;

/// <summary>
/// Builds the fictional children: families of one to four siblings with their parents and address,
/// a few unaccompanied minors, and a few near-duplicate records to show the duplicate warning.
/// Deterministic for a given <see cref="Random"/> seed and day.
/// </summary>
internal sealed partial class DemoChildGenerator(Random random, DateOnly today, DemoStructure structure, IReadOnlyDictionary<string, Guid> userIds)
{
    private const string French = "Française";
    private readonly List<Child> children = [];

    public IReadOnlyList<Child> Generate(int count)
    {
        var duplicates = Math.Min(3, count / 50);
        var unaccompanied = count >= 30 ? Math.Max(2, count / 60) : 0;
        FillWithFamilies(count - duplicates - unaccompanied);
        for (var i = 0; i < unaccompanied; i++)
        {
            AddUnaccompaniedMinor(i);
        }

        AddDuplicates(duplicates);
        FillWithFamilies(count);
        EnsureMinimums();
        return children;
    }

    private void FillWithFamilies(int target)
    {
        while (children.Count < target)
        {
            var size = random.NextDouble() switch { < 0.4 => 1, < 0.7 => 2, < 0.9 => 3, _ => 4 };
            AddFamily(Math.Min(size, target - children.Count));
        }
    }

    private void AddFamily(int size)
    {
        var moved = Chance(0.06) ? today.AddDays(-random.Next(60, 900)) : (DateOnly?)null;
        var city = Pick(DemoNames.Cities);
        var former = moved is null ? null : Pick(DemoNames.Cities.Where(c => c.IsNorth != city.IsNorth).ToList());
        var formerLine = StreetAddress();
        var line = StreetAddress();
        var settledOn = moved ?? today.AddDays(-random.Next(90, 4000));
        var fatherName = Pick(DemoNames.LastNames);
        var motherName = Chance(0.25) ? fatherName : Pick(DemoNames.LastNames);
        var hasFather = Chance(0.88);
        var birthName = hasFather ? fatherName : motherName;
        var eldest = random.NextDouble() switch { < 0.16 => random.Next(0, 5), < 0.88 => random.Next(5, 18), _ => random.Next(18, 21) };
        var born = BirthDay(Math.Max(eldest, size - 1));
        var mother = new DemoParent(PersonRelation.Mother, motherName, FirstNames(Sex.Female, adult: true, 0.15, FrozenSet<string>.Empty),
            ParentBirthDate(born, random.Next(17, 38)), Chance(0.96), PhoneOrNull(), line, city, null);
        var father = hasFather ? NewFather(mother, fatherName, born) : null;
        var familyMeasure = PickMeasure();
        var nationality = Chance(0.94) ? French : Pick(DemoNames.OtherNationalities);
        var takenFirstNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < size; i++)
        {
            if (i > 0)
            {
                // The next sibling, born at least ten months later and never after today.
                var room = (today.DayNumber - born.DayNumber) / (size - i);
                var shortest = Math.Min(300, room);
                born = born.AddDays(random.Next(shortest, Math.Max(shortest, Math.Min(1500, room)) + 1));
            }

            var child = NewChild(birthName, RandomSex(), born, takenFirstNames, BirthPlace(city), nationality);
            takenFirstNames.Add(child.FirstNames.Split(' ')[0]);
            if (Chance(0.07) && !string.Equals(motherName, birthName, StringComparison.Ordinal))
            {
                child.UsageName = Chance(0.5) || birthName.Contains('-', StringComparison.Ordinal) ? motherName : $"{birthName}-{motherName}";
            }

            child.LinkedPersons.Add(mother.ToLinkedPerson(child.Id));
            if (father is not null)
            {
                child.LinkedPersons.Add(father.ToLinkedPerson(child.Id));
            }

            var livesHereFrom = Max(settledOn, born);
            if (former is not null && born < livesHereFrom)
            {
                AddAddress(child, formerLine, former, born, livesHereFrom.AddDays(-1));
            }

            AddAddress(child, line, city, livesHereFrom, null);
            AssignServices(child, born, Age(born), city.IsNorth, Chance(0.8) ? familyMeasure : PickMeasure(), moved);
            children.Add(child);
        }
    }

    private DemoParent NewFather(DemoParent mother, string lastName, DateOnly eldestBorn)
    {
        var father = mother with
        {
            Relation = PersonRelation.Father,
            LastName = lastName,
            FirstNames = FirstNames(Sex.Male, adult: true, 0.15, FrozenSet<string>.Empty),
            BirthDate = ParentBirthDate(eldestBorn, random.Next(19, 46)),
            HasParentalAuthority = Chance(0.88),
            Phone = PhoneOrNull(),
        };
        if (!father.HasParentalAuthority)
        {
            father = father with { Notes = "N'exerce pas l'autorité parentale : toute sortie de l'enfant avec lui passe par le référent." };
        }

        // Separated parents: the father lives elsewhere in the département.
        return Chance(0.3) ? father with { Line = StreetAddress(), City = Pick(DemoNames.Cities) } : father;
    }

    private Child NewChild(string birthName, Sex sex, DateOnly born, IReadOnlySet<string> takenFirstNames, string? birthPlace, string? nationality)
    {
        var birthDate = random.NextDouble() switch
        {
            < 0.03 => new PartialDate(born.Year, null, null),
            < 0.05 => new PartialDate(born.Year, born.Month, null),
            _ => new PartialDate(born.Year, born.Month, born.Day),
        };
        return new Child
        {
            BirthName = birthName,
            FirstNames = FirstNames(sex, adult: false, 0.3, takenFirstNames),
            Sex = sex,
            BirthDate = birthDate,
            BirthPlace = birthPlace,
            Nationality = nationality,
            Ins = sex != Sex.Unknown && birthDate.Day is not null && Chance(0.1) ? Ins(sex, born) : null,
            ResponsibleDepartementCode = DemoStructure.DepartementCode,
        };
    }

    private void AddUnaccompaniedMinor(int index)
    {
        var origin = Pick(DemoNames.UnaccompaniedOrigins);
        var sex = Chance(0.85) ? Sex.Male : Sex.Female;
        var born = BirthDay(random.Next(14, 18));
        var birthDate = (index % 3) switch
        {
            0 => PartialDate.Unknown,
            1 => new PartialDate(born.Year, null, null),
            _ => new PartialDate(born.Year, born.Month, born.Day),
        };
        var (lastName, firstName) = (Pick(origin.LastNames), Pick(sex == Sex.Male ? origin.MaleFirstNames : origin.FemaleFirstNames));
        // Avoid accidental homonyms, but never loop forever: the name lists are short, and large datasets
        // (benchmarks) exhaust them; after a few tries a repeated name is fine.
        for (var attempt = 0; attempt < 50 && children.Exists(c => c.BirthName == lastName && c.FirstNames == firstName); attempt++)
        {
            (lastName, firstName) = (Pick(origin.LastNames), Pick(sex == Sex.Male ? origin.MaleFirstNames : origin.FemaleFirstNames));
        }

        var child = new Child
        {
            BirthName = lastName,
            FirstNames = firstName,
            Sex = sex,
            BirthDate = birthDate,
            BirthPlace = birthDate.Year is null ? null : origin.BirthPlace,
            Nationality = origin.Nationality,
            ResponsibleDepartementCode = DemoStructure.DepartementCode,
        };
        var arrived = today.AddDays(-random.Next(20, 500));
        var north = Chance(0.5);
        var placed = AssignUnaccompaniedMinor(child, arrived, north);
        var shelter = placed ? "MECS Les Tilleuls, 14 allée des Tilleuls" : "Résidence jeunes Le Relais, 3 rue de la Gare";
        AddAddress(child, shelter, DemoNames.Cities[0], arrived, null);
        children.Add(child);
    }

    private static void AddAddress(Child child, string line, DemoCity city, DateOnly from, DateOnly? to) =>
        child.Addresses.Add(new ChildAddress { ChildId = child.Id, Line = line, PostalCode = city.PostalCode, City = city.Name, From = from, To = to });

    private string Ins(Sex sex, DateOnly born)
    {
        // NIR-shaped, with département "99": a fictional number whose key is valid.
        var body = string.Create(CultureInfo.InvariantCulture, $"{(sex == Sex.Male ? 1 : 2)}{born.Year % 100:00}{born.Month:00}99{random.Next(1, 1000):000}{random.Next(1, 1000):000}");
        var key = 97 - (long.Parse(body, CultureInfo.InvariantCulture) % 97);
        return body + key.ToString("00", CultureInfo.InvariantCulture);
    }
}
