using Ariane.Core.Common;

namespace Ariane.Core.Reports;

/// <summary>What falls due in the follow-up of a child under a measure (docs/domain.md §2.5 and §2.7).</summary>
public enum FollowUpKind
{
    /// <summary>The PPE to draw up: 3 months after the start of the first measure that calls for one.</summary>
    PlanDue = 1,
    /// <summary>The rapport de situation: yearly, every 6 months under the configured age.</summary>
    ReportDue = 2,
}

/// <summary>
/// A due date of a child's follow-up, as the morning job computed it (FollowUpDeadlineAlerts): the « échéances du
/// suivi » board reads these rows by keyset in SQL instead of recomputing every child's rules on each page. Derived
/// from audited data (measures, plans, reports) and holding dates only; a due date met since the computation (a plan
/// or a report validated) is left out by the board's query.
/// </summary>
[NotAuditedData("derived each morning from measures, plans and reports, which are audited; dates and ids only, no personal data")]
public sealed class FollowUpDeadline : Entity
{
    public Guid ChildId { get; set; }
    public FollowUpKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>The child's responsible département when computed: the board of a département reads its own.</summary>
    public required string DepartementCode { get; set; }
    public DateTime ComputedAt { get; set; }
}
