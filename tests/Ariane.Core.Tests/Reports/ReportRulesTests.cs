using Ariane.Core.Reports;

namespace Ariane.Core.Tests.Reports;

/// <summary>When the rapport de situation is due (CASF L. 223-5, docs/domain.md §2.6), against a table written from the text.</summary>
public sealed class ReportRulesTests
{
    [Theory]
    // from, birth, threshold → due
    [InlineData("2026-03-01", "2025-01-10", 3, "2026-09-01")]
    [InlineData("2026-03-01", "2023-03-02", 3, "2026-09-01")]
    [InlineData("2026-03-01", "2023-03-01", 3, "2027-03-01")]
    [InlineData("2026-03-01", "2023-06-01", 2, "2027-03-01")]
    [InlineData("2026-03-01", "2016-06-01", 3, "2027-03-01")]
    public void A_report_is_due_every_six_months_under_the_threshold_age_and_yearly_after(string from, string birth, int threshold, string due) =>
        Assert.Equal(Day(due), ReportRules.NextDue(Day(from), Day(birth), threshold));

    [Fact]
    public void Without_a_known_birth_date_the_report_is_yearly() =>
        Assert.Equal(new DateOnly(2027, 3, 1), ReportRules.NextDue(new DateOnly(2026, 3, 1), null, 3));

    [Fact]
    public void Every_proposal_has_its_label_once() =>
        Assert.Equal(Enum.GetValues<ReportProposals>().Length - 1, ReportRules.ProposalLabels.Select(l => l.Proposal).Distinct().Count());

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
