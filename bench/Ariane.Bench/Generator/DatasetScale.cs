namespace Ariane.Bench.Generator;

/// <summary>
/// How much the generator writes. "Persons" are the children and the people linked to them (about two
/// per child: mother, father, sometimes a trusted third party). Children are followed over
/// <see cref="Years"/> years: <see cref="CurrentChildren"/> have a follow-up today, the others had one
/// that ended. Docs: docs/performance.md, National-size datasets.
/// </summary>
internal sealed record DatasetScale(string Name, IReadOnlyList<string> Departements, int Children, int CurrentChildren, int Years, double ReadsPerYear)
{
    /// <summary>One département: 30,000 children followed over ten years, 12,000 of them today.</summary>
    public static DatasetScale Departement { get; } = new("dept", ["99"], 30_000, 12_000, 10, 6);

    /// <summary>The country: 101 départements, 1,000,000 children over ten years (about 3 million persons), 400,000 followed today.</summary>
    public static DatasetScale National { get; } = new("national", NationalCodes(), 1_000_000, 400_000, 10, 6);

    /// <summary>A small national shape, for trying the generator in seconds.</summary>
    public static DatasetScale Tiny { get; } = new("tiny", ["01", "2A", "974"], 3_000, 1_200, 10, 6);

    public static DatasetScale Parse(string name) => name.ToLowerInvariant() switch
    {
        "dept" => Departement,
        "national" => National,
        "tiny" => Tiny,
        _ => throw new ArgumentException($"Unknown scale {name}: dept, national or tiny."),
    };

    /// <summary>01–95 (with Corsica as 2A and 2B), and the five overseas départements.</summary>
    private static List<string> NationalCodes()
    {
        var codes = new List<string>();
        for (var n = 1; n <= 95; n++)
        {
            if (n == 20)
            {
                codes.Add("2A");
                codes.Add("2B");
            }
            else
            {
                codes.Add(n.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        codes.AddRange(["971", "972", "973", "974", "976"]);
        return codes;
    }

    /// <summary>
    /// Children of each département: shares drawn once from the seed (a large département holds about
    /// ten times a small one's), summing to <see cref="Children"/>.
    /// </summary>
    public IReadOnlyList<(string Code, int Children, int Current)> Split(Random random)
    {
        var weights = Departements.Select(_ => 0.3 + random.NextDouble() * 2.7).ToList();
        var total = weights.Sum();
        var result = new List<(string, int, int)>();
        var given = 0;
        var givenCurrent = 0;
        for (var i = 0; i < Departements.Count; i++)
        {
            var last = i == Departements.Count - 1;
            var children = last ? Children - given : (int)Math.Round(Children * weights[i] / total);
            var current = last ? CurrentChildren - givenCurrent : (int)Math.Round(CurrentChildren * weights[i] / total);
            given += children;
            givenCurrent += current;
            result.Add((Departements[i], children, Math.Min(current, children)));
        }

        return result;
    }
}
