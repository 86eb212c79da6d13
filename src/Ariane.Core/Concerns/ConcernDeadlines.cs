using Ariane.Core.Children;

namespace Ariane.Core.Concerns;

/// <summary>
/// The evaluation's deadline rules (section « Concerns » of the settings; docs/domain.md, Evaluation):
/// 3 months from receipt by law, shorter by the département's rules for young children and grave danger.
/// Each rule gives a number of months; the shortest that applies wins.
/// </summary>
public sealed class ConcernDeadlineOptions
{
    /// <summary>The legal deadline: 3 months from the receipt of the IP.</summary>
    public int DefaultMonths { get; set; } = 3;

    /// <summary>The age, in months, under which <see cref="YoungChildMonths"/> applies. Default 24: under 2.</summary>
    public int YoungChildAgeMonths { get; set; } = 24;

    /// <summary>Deadline when a child concerned is younger than <see cref="YoungChildAgeMonths"/>. Default: the legal 3 months.</summary>
    public int YoungChildMonths { get; set; } = 3;

    /// <summary>Deadline when the CRIP marks the danger grave. Default: the legal 3 months.</summary>
    public int GraveDangerMonths { get; set; } = 3;

    /// <summary>Days before the due date from which the evaluators and the cadre are alerted. Default 15.</summary>
    public int AlertDaysBefore { get; set; } = 15;

    /// <summary>How many evaluators the team needs before the grid can be concluded. Default 2 (CASF D226-2-4).</summary>
    public int MinimumEvaluators { get; set; } = 2;
}

/// <summary>The due date of an IP's evaluation. Pure: the caller gives the day of receipt in Paris.</summary>
public static class ConcernDeadlines
{
    public static DateOnly DueOn(DateOnly receivedOn, IEnumerable<PartialDate> childBirthDates, bool graveDanger, ConcernDeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(childBirthDates);
        ArgumentNullException.ThrowIfNull(options);
        var months = options.DefaultMonths;
        if (graveDanger)
        {
            months = Math.Min(months, options.GraveDangerMonths);
        }

        if (childBirthDates.Any(b => MayBeYoungerThan(b, options.YoungChildAgeMonths, receivedOn)))
        {
            months = Math.Min(months, options.YoungChildMonths);
        }

        // AddMonths keeps the day, or takes the month's last day: received 31 January, due 30 April
        // (3 months), 29 February in a leap year for one month.
        return receivedOn.AddMonths(Math.Max(months, 1));
    }

    /// <summary>
    /// Whether the child may be younger than the age on that day. A partly known birth date counts when
    /// its latest possible day does: the shorter deadline is the safe side.
    /// </summary>
    public static bool MayBeYoungerThan(PartialDate birthDate, int ageMonths, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(birthDate);
        if (birthDate.Year is not { } year)
        {
            return false;
        }

        var month = birthDate.Month ?? 12;
        var day = birthDate.Day ?? DateTime.DaysInMonth(year, month);
        var latest = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        return latest.AddMonths(ageMonths) > on;
    }
}
