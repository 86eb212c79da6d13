using Ariane.Core.Access;

namespace Ariane.Core.Plans;

/// <summary>
/// What links one user to one child's plan, as <see cref="PlanRules"/> reads it: their level in the social section, the
/// services through which they contribute to the plan (their services assigned to the child, with a role that writes
/// the social follow-up or contributes to the plan), whether they are a cadre of the child's département, and whether
/// they may validate the plan.
/// </summary>
public sealed record PlanContributor(AccessLevel Social, IReadOnlyList<Guid> ContributingServiceIds, bool IsDepartementCadre, bool MayValidate);

/// <summary>
/// Who reads and who writes what in the PPE across institutions (docs/domain.md §2.5, seed 004), next to the access
/// policy and table-tested like it: everyone who reads the child's social follow-up reads the whole plan, and so does a
/// partner whose service is assigned to the child (the MDPH, the school), who otherwise sees only that a follow-up
/// exists; each service writes its own objectives and actions; a cadre of the département writes them all.
/// </summary>
public static class PlanRules
{
    public static PlanContributor Contributor(AccessSubject subject, ChildAccessFacts facts, AccessLevel social, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(facts);
        if (readOnly)
        {
            return new PlanContributor(social, [], false, false);
        }

        var contributing = subject.Grants
            .Where(g => facts.AssignedServiceIds.Contains(g.ServiceId)
                && (g.Role.SocialAccess == AccessLevel.Write || g.Role.Has(Permission.ContributeToPlan)))
            .Select(g => g.ServiceId).Distinct().ToList();
        var cadre = social == AccessLevel.Write && subject.Grants.Any(g => g.Role.Scope == AccessScope.Departement
            && g.DepartementCode == facts.ResponsibleDepartementCode && g.Role.Has(Permission.ValidatePlan));
        var validate = social == AccessLevel.Write && subject.Grants.Any(g => g.Role.Has(Permission.ValidatePlan)
            && (facts.AssignedServiceIds.Contains(g.ServiceId) || (g.Role.Scope == AccessScope.Departement && g.DepartementCode == facts.ResponsibleDepartementCode)));
        return new PlanContributor(social, contributing, cadre, validate);
    }

    public static bool MayRead(PlanContributor who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return who.Social >= AccessLevel.Read || (who.Social == AccessLevel.Existence && who.ContributingServiceIds.Count > 0);
    }

    /// <summary>Adds objectives and actions: for one of one's contributing services, or, for a cadre, for any.</summary>
    public static bool MayAddLines(PlanContributor who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return MayRead(who) && (who.ContributingServiceIds.Count > 0 || who.IsDepartementCadre);
    }

    /// <summary>Changes a line: its owner service's members, or a cadre of the département.</summary>
    public static bool MayEditLine(PlanContributor who, Guid ownerServiceId)
    {
        ArgumentNullException.ThrowIfNull(who);
        return MayRead(who) && (who.ContributingServiceIds.Contains(ownerServiceId) || who.IsDepartementCadre);
    }

    /// <summary>The plan's own content (personne de confiance, siblings, views, autonomy project): the social follow-up's writers.</summary>
    public static bool MayEditPlan(PlanContributor who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return who.Social == AccessLevel.Write && (who.ContributingServiceIds.Count > 0 || who.IsDepartementCadre);
    }

    /// <summary>The plan is due this many months after the start of the measure that requires it (CASF L. 223-1-1).</summary>
    public const int DueMonths = 3;

    /// <summary>
    /// Whether a measure calls for a PPE (docs/domain.md §2.5): every ASE prestation and judicial measure for a minor,
    /// except the young adult's support (its own projet d'autonomie), the investigations (MJIE, expertise) and the
    /// 72-hour and 5-day shelters, which end before a plan could be drawn up.
    /// </summary>
    public static bool RequiresPlan(Measures.MeasureKind? kind) =>
        kind is not null && !kind.IsYoungAdult && kind.Code is not ("mjie" or "expertise" or "accueil_72h" or "accueil_5j");

    /// <summary>The age from which the plan holds the projet d'accès à l'autonomie (the year before majority).</summary>
    public const int AutonomyFromAge = 17;

    /// <summary>Progress is a percentage, 0 to 100.</summary>
    public static bool IsProgress(int value) => value is >= 0 and <= 100;

    /// <summary>« 3 mois, 5 jours »: the expected duration from the start to the due date, as the field's tables say it.</summary>
    public static string Duration(DateOnly start, DateOnly? end)
    {
        if (end is not { } e)
        {
            return "La date de fin n'a pas été indiquée";
        }

        if (e < start)
        {
            return "—";
        }

        var months = ((e.Year - start.Year) * 12) + e.Month - start.Month;
        if (start.AddMonths(months) > e)
        {
            months--;
        }

        var days = e.DayNumber - start.AddMonths(months).DayNumber;
        var parts = new List<string>();
        if (months > 0)
        {
            parts.Add($"{months} mois");
        }

        if (days > 0 || months == 0)
        {
            parts.Add(days <= 1 ? $"{days} jour" : $"{days} jours");
        }

        return string.Join(", ", parts);
    }
}
