using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Reports;

public enum ReportKind
{
    /// <summary>Rapport de situation: yearly, every 6 months for a young child (CASF L. 223-5).</summary>
    Situation = 1,
    /// <summary>Rapport de fin de mesure.</summary>
    EndOfMeasure = 2,
}

public enum ReportState
{
    Draft = 1,
    /// <summary>Validated by a cadre: frozen, produced as documents, transmitted.</summary>
    Validated = 2,
}

/// <summary>The proposals a report ends on (référentiel D. 223-18).</summary>
[Flags]
public enum ReportProposals
{
    None = 0,
    AdjustPlan = 1,
    MaintainMeasure = 2,
    RenewMeasure = 4,
    EndMeasure = 8,
    ChangeOfStatus = 16,
    /// <summary>Saisine de la commission pluridisciplinaire (placed over a year with a risk of délaissement).</summary>
    ReferToCommission = 32,
}

/// <summary>
/// A rapport de situation or de fin de mesure (docs/domain.md §2.6): the draft holds what the record already said over
/// the period (<see cref="Prefill"/>, JSON, built by the app, never typed) and what the author adds: the evaluation per
/// life domain and autonomy, the assessment of the plan's actions, the proposals. A cadre validates it; a validated
/// report no longer changes. Social data: the journal highlights it may quote are social entries only.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.ReportDrafted, Updated = AuditEventType.ReportUpdated)]
public sealed class SituationReport : Entity, IChildData, IVersioned
{
    public Guid ChildId { get; set; }
    public ReportKind Kind { get; set; }
    public ReportState State { get; set; } = ReportState.Draft;
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>The measure an end-of-measure report closes.</summary>
    public Guid? MeasureId { get; set; }
    /// <summary>What the record says over the period (<see cref="ReportPrefill"/> as JSON), rebuilt while a draft.</summary>
    public required string Prefill { get; set; }
    /// <summary>The journal entries the author chose to quote (JSON array of ids).</summary>
    public required string HighlightIds { get; set; }
    public string? EvaluationDevelopment { get; set; }
    public string? EvaluationRelations { get; set; }
    public string? EvaluationSchooling { get; set; }
    public string? EvaluationAutonomy { get; set; }
    public string? PlanAssessment { get; set; }
    public ReportProposals Proposals { get; set; }
    public string? ProposalsText { get; set; }
    public Guid AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? ValidatedByUserId { get; set; }
    public string? ValidatedByName { get; set; }
    public DateTime? ValidatedAt { get; set; }
    public int Version { get; set; }

    public const int TextMaxLength = 8000;
}
