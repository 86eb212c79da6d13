using Ariane.Core.Children;

namespace Ariane.Web.Features.Demo;

/// <summary>
/// Near-duplicate records: the same child typed a second time by another professional, without accents,
/// with first and last names swapped, or with a compound name split. They show the duplicate warning.
/// </summary>
internal sealed partial class DemoChildGenerator
{
    private static readonly DuplicateVariant[] DuplicateVariants =
        [DuplicateVariant.WithoutAccents, DuplicateVariant.SwappedNames, DuplicateVariant.CompoundNameSplit];

    private enum DuplicateVariant
    {
        WithoutAccents,
        SwappedNames,
        CompoundNameSplit,
    }

    private void AddDuplicates(int count)
    {
        var candidates = children
            .Where(c => c.BirthDate.Day is not null && c.Sex != Sex.Unknown && c.LinkedPersons.Count > 0 && c.UsageName is null)
            .ToList();
        foreach (var variant in DuplicateVariants.Take(count))
        {
            var eligible = candidates.Where(c => variant switch
            {
                DuplicateVariant.WithoutAccents => HasAccents(c.FirstNames.Split(' ')[0] + c.BirthName),
                DuplicateVariant.SwappedNames => !c.FirstNames.Contains(' ', StringComparison.Ordinal) && c.BirthName.All(char.IsLetter),
                _ => c.BirthName.Any(ch => ch is '-' or ' ' or '\''),
            }).ToList();
            if (eligible.Count == 0)
            {
                continue;
            }

            var source = Pick(eligible);
            candidates.Remove(source);
            var usualFirstName = source.FirstNames.Split(' ')[0];
            var (birthName, firstNames) = variant switch
            {
                DuplicateVariant.WithoutAccents => (StripAccents(source.BirthName).ToUpperInvariant(), StripAccents(usualFirstName)),
                DuplicateVariant.SwappedNames => (usualFirstName, source.BirthName),
                _ => (SplitCompoundName(source.BirthName), usualFirstName),
            };
            children.Add(NewDuplicate(source, birthName, firstNames));
        }
    }

    private Child NewDuplicate(Child source, string birthName, string firstNames)
    {
        var duplicate = new Child
        {
            BirthName = birthName,
            FirstNames = firstNames,
            Sex = source.Sex,
            BirthDate = source.BirthDate,
            Nationality = source.Nationality,
            ResponsibleDepartementCode = source.ResponsibleDepartementCode,
        };
        var mother = source.LinkedPersons[0];
        duplicate.LinkedPersons.Add(new LinkedPerson
        {
            ChildId = duplicate.Id,
            Relation = mother.Relation,
            LastName = mother.LastName,
            FirstNames = mother.FirstNames?.Split(' ')[0],
            HasParentalAuthority = mother.HasParentalAuthority,
        });
        var address = source.Addresses[^1];
        duplicate.Addresses.Add(new ChildAddress
        {
            ChildId = duplicate.Id,
            Line = address.Line,
            PostalCode = address.PostalCode,
            City = address.City,
            From = today.AddDays(-random.Next(5, 45)),
        });
        var territory = source.ServiceAssignments.First(a => a.ServiceId == structure.AseNord.Id || a.ServiceId == structure.AseSud.Id).ServiceId;
        AddService(duplicate, territory, today.AddDays(-random.Next(3, 30)), null, AssignmentMotiveCatalogue.Evaluation);
        return duplicate;
    }

    private static bool HasAccents(string text) => !string.Equals(StripAccents(text), text, StringComparison.Ordinal);

    /// <summary>"Martin-Durand" typed "Martin Durand", "N'Diaye" typed "N Diaye", "Le Goff" typed "Le-Goff".</summary>
    private static string SplitCompoundName(string name) =>
        name.Contains('-', StringComparison.Ordinal) ? name.Replace('-', ' ')
        : name.Contains('\'', StringComparison.Ordinal) ? name.Replace('\'', ' ')
        : name.Replace(' ', '-');
}
