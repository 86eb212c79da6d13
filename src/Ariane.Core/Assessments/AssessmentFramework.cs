using System.Text.Json;
using System.Text.Json.Serialization;
using Ariane.Core.Common;

namespace Ariane.Core.Assessments;

/// <summary>
/// A version of the evaluation framework (référentiel): domains → criteria, as data. The default is the
/// national framework's domains as used in the field (docs/domain.md, Evaluation); a département loads
/// its own version as a file, without code change; an evaluation keeps the version it started with, so
/// a stored framework is never changed, only superseded.
/// </summary>
[AuditEvents(Created = Audit.AuditEventType.AssessmentFrameworkLoaded)]
public sealed class AssessmentFramework : Entity, IAudited
{
    public required string Code { get; set; }
    public required string Version { get; set; }
    public required string Title { get; set; }
    /// <summary>Null: the framework shipped with Ariane, offered to every département without its own.</summary>
    public string? DepartementCode { get; set; }
    /// <summary>The file as loaded (<see cref="FrameworkDefinition"/>), kept whole so the grid reads as it was.</summary>
    public required string Definition { get; set; }
    public DateTime LoadedAt { get; set; }

    public FrameworkDefinition Parse() => FrameworkDefinition.Parse(Definition);
}

public sealed record FrameworkCriterion(string Code, string Label);

public sealed record FrameworkDomain(string Code, string Label, IReadOnlyList<FrameworkCriterion> Criteria, bool WhenRelevant = false);

/// <summary>The content of a framework file: its identity and its domains.</summary>
public sealed record FrameworkDefinition(string Code, string Version, string Title, IReadOnlyList<FrameworkDomain> Domains)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static FrameworkDefinition Parse(string json) =>
        JsonSerializer.Deserialize<FrameworkDefinition>(json, Json) ?? throw new JsonException("empty");

    /// <summary>Reads a file a département provides, with what is wrong in French; nothing when it is fine.</summary>
    public static (FrameworkDefinition? Definition, IReadOnlyList<string> Errors) TryParse(string json)
    {
        FrameworkDefinition? definition;
        try
        {
            definition = Parse(json);
        }
        catch (JsonException)
        {
            return (null, ["Le fichier n'est pas un référentiel lisible (JSON : code, version, title, domains → criteria)."]);
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(definition.Code) || string.IsNullOrWhiteSpace(definition.Version) || string.IsNullOrWhiteSpace(definition.Title))
        {
            errors.Add("Le référentiel doit avoir un code, une version et un titre.");
        }

        if (definition.Domains is not { Count: > 0 })
        {
            errors.Add("Le référentiel doit avoir au moins un domaine.");
            return (null, errors);
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var domain in definition.Domains)
        {
            if (string.IsNullOrWhiteSpace(domain.Code) || string.IsNullOrWhiteSpace(domain.Label) || domain.Criteria is not { Count: > 0 })
            {
                errors.Add($"Le domaine « {domain.Label ?? domain.Code} » doit avoir un code, un libellé et au moins un critère.");
                continue;
            }

            if (!codes.Add(domain.Code))
            {
                errors.Add($"Le code « {domain.Code} » est employé deux fois.");
            }

            foreach (var criterion in domain.Criteria)
            {
                if (string.IsNullOrWhiteSpace(criterion.Code) || string.IsNullOrWhiteSpace(criterion.Label))
                {
                    errors.Add($"Un critère du domaine « {domain.Label} » n'a pas de code ou de libellé.");
                }
                else if (!codes.Add(criterion.Code))
                {
                    errors.Add($"Le code « {criterion.Code} » est employé deux fois.");
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : (definition, errors);
    }
}

/// <summary>The per-domain summary of a child's grid: the three counts, as in the field's tables (seed 004).</summary>
public sealed record DomainSummary(string DomainCode, string DomainLabel, int Concerning, int Satisfactory, int NoAnswer);

public static class AssessmentGrid
{
    /// <summary>Counts per domain; a criterion not answered yet counts as « sans réponse ».</summary>
    public static IReadOnlyList<DomainSummary> Summarise(FrameworkDefinition framework, IEnumerable<(string CriterionCode, CriterionAnswer Answer)> answers)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var byCriterion = answers.ToDictionary(a => a.CriterionCode, a => a.Answer, StringComparer.Ordinal);
        return framework.Domains.Select(d =>
        {
            var values = d.Criteria.Select(c => byCriterion.GetValueOrDefault(c.Code, CriterionAnswer.NoAnswer)).ToList();
            return new DomainSummary(d.Code, d.Label,
                values.Count(v => v == CriterionAnswer.Concerning),
                values.Count(v => v == CriterionAnswer.Satisfactory),
                values.Count(v => v == CriterionAnswer.NoAnswer));
        }).ToList();
    }
}

/// <summary>The framework file shipped with Ariane (embedded), loaded into the database at start when missing.</summary>
public static class DefaultFramework
{
    public static string Json()
    {
        using var stream = typeof(DefaultFramework).Assembly.GetManifestResourceStream("Ariane.Core.Assessments.Frameworks.default.json")
            ?? throw new InvalidOperationException("The default framework is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
