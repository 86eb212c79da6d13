using System.Text.Json;

namespace Ariane.Core.Reports;

public sealed record PrefillMeasure(string Label, string Framework, DateOnly DecidedOn, DateOnly? StartsOn, DateOnly? EndsOn, string State);

public sealed record PrefillStay(string Place, string Kind, DateOnly StartsOn, DateOnly? EndsOn);

public sealed record PrefillGoal(Guid Id, string Domain, string For, string Title, string Owner, int Progress, string Status, DateOnly? DueOn);

public sealed record PrefillAction(string Title, string Goal, string Owner, int Progress, string Status);

public sealed record PrefillDomain(string Domain, int Concerning, int Satisfactory, int NoAnswer);

public sealed record PrefillHighlight(Guid Id, DateTime OccurredAt, string Kind, string Fact, string Author);

/// <summary>
/// What a report says without anyone typing it (docs/domain.md §2.6): the child's identity, the measures and stays over
/// the period, the plan's objectives and actions with their progress, the latest evaluation per domain, and the journal
/// entries the author chose. Each block says where it comes from (<see cref="Sources"/>), for the author and the note.
/// </summary>
public sealed record ReportPrefill(
    string ChildName, string DossierNumber, DateOnly? BirthDate, string? Referent,
    IReadOnlyList<PrefillMeasure> Measures, IReadOnlyList<PrefillStay> Stays,
    IReadOnlyList<PrefillGoal> Goals, IReadOnlyList<PrefillAction> Actions,
    DateOnly? EvaluatedOn, IReadOnlyList<PrefillDomain> Evaluation, IReadOnlyList<PrefillHighlight> Highlights)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Sources { get; } =
    [
        "Identité : dossier de l'enfant",
        "Mesures et lieux d'accueil sur la période : parcours de l'enfant",
        "Objectifs et actions avec leur progression : projet pour l'enfant",
        "Évaluation par domaine : dernière évaluation de l'enfant",
        "Faits marquants : notes du journal choisies par l'auteur",
    ];

    public string Serialise() => JsonSerializer.Serialize(this, Json);

    public static ReportPrefill Parse(string json) => JsonSerializer.Deserialize<ReportPrefill>(json, Json)
        ?? throw new InvalidOperationException("empty report prefill");
}
