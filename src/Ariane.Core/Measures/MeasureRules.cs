namespace Ariane.Core.Measures;

/// <summary>
/// The rules a measure's dates must follow (docs/domain.md, Measures), pure so that they are tested as a
/// table: a judicial decision lasts at most 2 years, AEMO renforcée 1 year, an OPP 6 months; young-adult
/// support from 18 to 21; accueil parent-enfant under 3. Each error is a French sentence keyed by field.
/// </summary>
public static class MeasureRules
{
    public const int YoungAdultFromYears = 18;
    public const int YoungAdultUntilYears = 21;

    /// <summary>The plausible window of a measure's dates: none before 1900, none more than 30 years ahead.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public const int LatestYearsAhead = 30;

    /// <summary>Checks one decision's period for <paramref name="kind"/>; <paramref name="childBirth"/> may be partly unknown (null).</summary>
    public static IEnumerable<(string Field, string Message)> CheckPeriod(
        MeasureKind kind, DateOnly decidedOn, DateOnly coversFrom, DateOnly? coversUntil, DateOnly? childBirth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(kind);
        // A date outside any plausible window is a typing error (and would overflow the date arithmetic below).
        var latest = today.AddYears(LatestYearsAhead);
        var outside = new (string Field, DateOnly? Day)[] { ("decidedOn", decidedOn), ("startsOn", coversFrom), ("plannedEndOn", coversUntil) }
            .Where(d => d.Day is { } day && (day < Earliest || day > latest)).ToList();
        if (outside.Count > 0)
        {
            foreach (var (field, _) in outside)
            {
                yield return (field, $"Cette date n'est pas plausible : indiquez une date entre 1900 et {latest.Year}.");
            }

            yield break;
        }

        if (decidedOn > today)
        {
            yield return ("decidedOn", "La date de la décision ne peut être dans le futur.");
        }

        if (coversUntil is { } end)
        {
            if (end < coversFrom)
            {
                yield return ("plannedEndOn", "L'échéance doit suivre le début de la mesure.");
            }
            else if (kind.MaxMonths is { } max && end > coversFrom.AddMonths(max))
            {
                yield return ("plannedEndOn", max % 12 == 0
                    ? $"Une décision « {kind.Label} » vaut au plus {Years(max / 12)} : l'échéance ne peut dépasser le {coversFrom.AddMonths(max):dd/MM/yyyy}."
                    : $"Une décision « {kind.Label} » vaut au plus {max} mois : l'échéance ne peut dépasser le {coversFrom.AddMonths(max):dd/MM/yyyy}.");
            }
        }
        else if (kind.Framework == MeasureFramework.Judicial && kind.MaxMonths is not null)
        {
            yield return ("plannedEndOn", "Une mesure judiciaire a une échéance : indiquez-la.");
        }

        if (coversFrom < decidedOn.AddDays(-7) && kind.Framework == MeasureFramework.Judicial)
        {
            yield return ("startsOn", "Une mesure judiciaire ne peut commencer avant la décision qui l'ordonne.");
        }

        if (childBirth is { } birth)
        {
            if (kind.IsYoungAdult && (coversFrom < birth.AddYears(YoungAdultFromYears) || coversFrom >= birth.AddYears(YoungAdultUntilYears)))
            {
                yield return ("kindCode", "L'accompagnement jeune majeur concerne les jeunes de 18 à 21 ans.");
            }
            else if (kind.IsYoungAdult && coversUntil is { } yEnd && yEnd > birth.AddYears(YoungAdultUntilYears))
            {
                yield return ("plannedEndOn", $"L'accompagnement jeune majeur prend fin au plus tard aux 21 ans, le {birth.AddYears(YoungAdultUntilYears):dd/MM/yyyy}.");
            }
            else if (!kind.IsYoungAdult && coversFrom >= birth.AddYears(YoungAdultFromYears))
            {
                yield return ("kindCode", "Ce jeune est majeur à cette date : seul un accompagnement jeune majeur est possible.");
            }

            if (kind.MaxChildAgeMonths is { } maxAge && coversFrom >= birth.AddMonths(maxAge))
            {
                yield return ("kindCode", "L'accueil parent-enfant concerne les enfants de moins de 3 ans.");
            }
        }
    }

    /// <summary>
    /// A reminder shown with the measure (not an error): an accueil 5 jours without the parents' consent
    /// requires seizing the judge within 5 days; an administrative measure records the parents' agreement.
    /// </summary>
    public static IEnumerable<string> Reminders(Measure measure, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var kind = measure.Kind;
        if (kind is null || measure.State == MeasureState.Ended)
        {
            yield break;
        }

        if (kind.IsEmergencyWithoutConsent && measure.WithoutParentalConsent && measure.StartsOn is { } start)
        {
            var limit = start.AddDays(5);
            yield return today > limit
                ? $"Accueil sans accord des parents depuis plus de 5 jours : le juge des enfants devait être saisi au plus tard le {limit:dd/MM/yyyy}."
                : $"Accueil sans accord des parents : le juge des enfants doit être saisi au plus tard le {limit:dd/MM/yyyy}.";
        }

        if (kind.Framework == MeasureFramework.Administrative && measure.ParentalAgreementOn is null && !measure.WithoutParentalConsent && !kind.IsYoungAdult)
        {
            yield return "L'accord écrit des titulaires de l'autorité parentale n'est pas encore enregistré.";
        }
    }

    /// <summary>The day from which a measure is shown as reaching its échéance.</summary>
    public static DateOnly AlertFrom(DateOnly plannedEnd, int monthsBefore) => plannedEnd.AddMonths(-monthsBefore);

    private static string Years(int years) => years == 1 ? "1 an" : $"{years} ans";
}

/// <summary>Settings of the measures' deadlines (section « Measures » of the configuration).</summary>
public sealed class MeasureDeadlineOptions
{
    /// <summary>How long before its échéance a measure shows on dashboards and is notified (docs/domain.md: 2 months).</summary>
    public int AlertMonthsBefore { get; set; } = 2;
}
