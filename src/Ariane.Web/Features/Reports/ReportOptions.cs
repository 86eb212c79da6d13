namespace Ariane.Web.Features.Reports;

/// <summary>Configuration « Reports » (docs/domain.md §2.6): the age under which a report is due every 6 months.</summary>
public sealed class ReportOptions
{
    /// <summary>CASF L. 223-5 says 3; the code civil still says 2: a département may set it.</summary>
    public int SixMonthlyUnderAge { get; set; } = 3;
}
