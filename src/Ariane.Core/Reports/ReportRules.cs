namespace Ariane.Core.Reports;

/// <summary>
/// When the next rapport de situation is due (docs/domain.md §2.6, CASF L. 223-5): a year after the period the last
/// validated report covered (or after the start of the first measure in force), six months for a child under the
/// configured age (default 3: the code civil still says 2, hence the setting).
/// </summary>
public static class ReportRules
{
    public static int MonthsBetween(DateOnly birth, DateOnly on, int sixMonthlyUnderAge) =>
        on < birth.AddYears(sixMonthlyUnderAge) ? 6 : 12;

    /// <summary>The due date, from the last report's end (or the follow-up's start) and the child's age then.</summary>
    public static DateOnly NextDue(DateOnly from, DateOnly? birth, int sixMonthlyUnderAge)
    {
        var months = birth is { } b ? MonthsBetween(b, from, sixMonthlyUnderAge) : 12;
        return from.AddMonths(months);
    }

    /// <summary>Every proposal has its French label, in the order the report prints them.</summary>
    public static IReadOnlyList<(ReportProposals Proposal, string Label)> ProposalLabels { get; } =
    [
        (ReportProposals.AdjustPlan, "Ajuster le projet pour l'enfant"),
        (ReportProposals.MaintainMeasure, "Maintenir la mesure"),
        (ReportProposals.RenewMeasure, "Renouveler la mesure"),
        (ReportProposals.EndMeasure, "Mettre fin à la mesure"),
        (ReportProposals.ChangeOfStatus, "Faire évoluer le statut de l'enfant"),
        (ReportProposals.ReferToCommission, "Saisir la commission pluridisciplinaire (délaissement)"),
    ];

    public static string Title(ReportKind kind) => kind == ReportKind.EndOfMeasure ? "Rapport de fin de mesure" : "Rapport de situation";
}
