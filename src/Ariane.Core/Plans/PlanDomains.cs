namespace Ariane.Core.Plans;

/// <summary>A life domain of the plan and the reports (docs/domain.md §2.5), with the evaluation grid's code when it has one.</summary>
public sealed record PlanDomain(string Code, string Label, string EasyLabel);

/// <summary>
/// The life domains of the PPE: the three of the référentiel (development and health, family relations, schooling and
/// social life), the living context and the needs linked to a disability as the evaluation grid has them (same codes,
/// so that the follow-up table reads the latest evaluation per domain), and autonomy. The easy label is the
/// child's version's.
/// </summary>
public static class PlanDomains
{
    public static IReadOnlyList<PlanDomain> All { get; } =
    [
        new("dev", "Développement, santé physique et psychique de l'enfant", "Ma santé et comment je grandis"),
        new("rel", "Relations avec la famille et les tiers", "Ma famille et les personnes qui comptent pour moi"),
        new("sco", "Scolarité et vie sociale de l'enfant / adolescent", "L'école, mes amis et mes loisirs"),
        new("ctx", "Contexte de vie de l'enfant / adolescent", "Là où je vis"),
        new("hand", "Besoins, adaptations et compensations en lien avec le handicap", "L'aide dont j'ai besoin au quotidien"),
        new("auto", "Autonomie", "Devenir autonome"),
    ];

    public static PlanDomain? Find(string? code) => All.FirstOrDefault(d => d.Code == code);

    public static string Label(string code) => Find(code)?.Label ?? code;
}
