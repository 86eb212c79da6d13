using System.Globalization;
using System.Text.Json;

namespace Ariane.Core.Plans;

public sealed record GoalSnapshot(Guid Id, string DomainCode, GoalFor For, string Title, string? Description, DateOnly StartsOn, DateOnly? DueOn,
    int Progress, GoalStatus Status, string OwnerServiceName, string CreatedByName);

public sealed record ActionSnapshot(Guid Id, Guid GoalId, string Title, string? PersonInCharge, DateOnly StartsOn, DateOnly? EndsOn,
    int Progress, ActionStatus Status, string OwnerServiceName, string CreatedByName);

/// <summary>
/// The whole plan as it stood when validated (<see cref="ChildPlanVersion.Snapshot"/>): what the documents are generated
/// from and what two versions are compared on. Holds no health content (the plan is social; the health check-up is a date).
/// </summary>
public sealed record PlanSnapshot(
    string ChildName, string DossierNumber, DateOnly? BirthDate, string? Referent, string? TrustedPerson, DateOnly? HealthCheckOn,
    string? Siblings, string? AutonomyProject, string? ChildView, string? ParentsView, string? ThirdPartiesView,
    IReadOnlyList<GoalSnapshot> Goals, IReadOnlyList<ActionSnapshot> Actions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialise() => JsonSerializer.Serialize(this, Json);

    public static PlanSnapshot Parse(string json) => JsonSerializer.Deserialize<PlanSnapshot>(json, Json)
        ?? throw new InvalidOperationException("empty plan snapshot");
}

/// <summary>What changed from one validated version to the next, in French, line by line (« Objectif ajouté : … »).</summary>
public static class PlanDiff
{
    public static IReadOnlyList<string> Compare(PlanSnapshot older, PlanSnapshot newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var changes = new List<string>();
        Field(changes, "Personne de confiance", older.TrustedPerson, newer.TrustedPerson);
        Field(changes, "Bilan de santé initial", Date(older.HealthCheckOn), Date(newer.HealthCheckOn));
        Field(changes, "Fratrie", older.Siblings, newer.Siblings);
        Field(changes, "Projet d'accès à l'autonomie", older.AutonomyProject, newer.AutonomyProject);
        Field(changes, "Parole de l'enfant", older.ChildView, newer.ChildView);
        Field(changes, "Parole des parents", older.ParentsView, newer.ParentsView);
        Field(changes, "Parole des tiers", older.ThirdPartiesView, newer.ThirdPartiesView);
        var before = older.Goals.ToDictionary(g => g.Id);
        foreach (var g in newer.Goals)
        {
            if (!before.Remove(g.Id, out var was))
            {
                changes.Add($"Objectif ajouté : « {g.Title} » ({g.OwnerServiceName})");
                continue;
            }

            Line(changes, "Objectif", g.Title, was.Title != g.Title ? $"intitulé « {was.Title} » → « {g.Title} »" : null,
                was.Progress != g.Progress ? $"progression {was.Progress} % → {g.Progress} %" : null,
                was.Status != g.Status ? $"statut {PlanLabels.Status(was.Status)} → {PlanLabels.Status(g.Status)}" : null,
                was.DueOn != g.DueOn ? $"échéance {Date(was.DueOn) ?? "—"} → {Date(g.DueOn) ?? "—"}" : null,
                was.Description != g.Description ? "description modifiée" : null);
        }

        changes.AddRange(before.Values.Select(g => $"Objectif retiré : « {g.Title} »"));
        var actionsBefore = older.Actions.ToDictionary(a => a.Id);
        foreach (var a in newer.Actions)
        {
            if (!actionsBefore.Remove(a.Id, out var was))
            {
                changes.Add($"Action ajoutée : « {a.Title} » ({a.OwnerServiceName})");
                continue;
            }

            Line(changes, "Action", a.Title, was.Title != a.Title ? $"intitulé « {was.Title} » → « {a.Title} »" : null,
                was.Progress != a.Progress ? $"progression {was.Progress} % → {a.Progress} %" : null,
                was.Status != a.Status ? $"statut {PlanLabels.Status(was.Status)} → {PlanLabels.Status(a.Status)}" : null,
                was.EndsOn != a.EndsOn ? $"fin {Date(was.EndsOn) ?? "—"} → {Date(a.EndsOn) ?? "—"}" : null,
                was.PersonInCharge != a.PersonInCharge ? $"responsable {was.PersonInCharge ?? "—"} → {a.PersonInCharge ?? "—"}" : null);
        }

        changes.AddRange(actionsBefore.Values.Select(a => $"Action retirée : « {a.Title} »"));
        return changes;
    }

    private static void Field(List<string> changes, string label, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(string.IsNullOrEmpty(before) ? $"{label} : ajouté" : string.IsNullOrEmpty(after) ? $"{label} : retiré" : $"{label} : modifié");
        }
    }

    private static void Line(List<string> changes, string kind, string title, params string?[] parts)
    {
        var said = parts.Where(p => p is not null).ToList();
        if (said.Count > 0)
        {
            changes.Add($"{kind} « {title} » : {string.Join(", ", said)}");
        }
    }

    private static string? Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>The plan's French labels, shared by its pages, its API and its documents.</summary>
public static class PlanLabels
{
    public static string Status(GoalStatus status) => status switch
    {
        GoalStatus.InProgress => "en cours",
        GoalStatus.Achieved => "atteint",
        GoalStatus.Abandoned => "abandonné",
        _ => "—",
    };

    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.Planned => "prévue",
        ActionStatus.InProgress => "en cours",
        ActionStatus.Done => "réalisée",
        ActionStatus.Cancelled => "annulée",
        _ => "—",
    };

    public static string For(GoalFor target) => target switch
    {
        GoalFor.Child => "l'enfant",
        GoalFor.Parents => "les parents",
        GoalFor.Environment => "l'environnement",
        _ => "—",
    };

    public static string Signatory(SignatoryKind kind) => kind switch
    {
        SignatoryKind.Departement => "Pour le département",
        SignatoryKind.ParentalAuthorityHolder => "Titulaire de l'autorité parentale",
        SignatoryKind.Child => "L'enfant / le jeune",
        SignatoryKind.Other => "Autre partie",
        _ => "—",
    };
}
