using System.ComponentModel.DataAnnotations;
using Ariane.Core.Common;
using Ariane.Core.Reports;

namespace Ariane.Web.Features.Reports;

public sealed class DraftReportRequest
{
    public ReportKind Kind { get; set; } = ReportKind.Situation;

    /// <summary>Empty: from the end of the last validated report (or a year ago) to today.</summary>
    public DateOnly? PeriodFrom { get; set; }

    public DateOnly? PeriodTo { get; set; }

    /// <summary>The measure an end-of-measure report closes.</summary>
    public Guid? MeasureId { get; set; }
}

public sealed class ReportRequest
{
    [StringLength(SituationReport.TextMaxLength, ErrorMessage = "Ce champ tient en 8 000 caractères.")]
    [MultiLine]
    public string? EvaluationDevelopment { get; set; }

    [StringLength(SituationReport.TextMaxLength, ErrorMessage = "Ce champ tient en 8 000 caractères.")]
    [MultiLine]
    public string? EvaluationRelations { get; set; }

    [StringLength(SituationReport.TextMaxLength, ErrorMessage = "Ce champ tient en 8 000 caractères.")]
    [MultiLine]
    public string? EvaluationSchooling { get; set; }

    [StringLength(SituationReport.TextMaxLength, ErrorMessage = "Ce champ tient en 8 000 caractères.")]
    [MultiLine]
    public string? EvaluationAutonomy { get; set; }

    [StringLength(SituationReport.TextMaxLength, ErrorMessage = "Ce champ tient en 8 000 caractères.")]
    [MultiLine]
    public string? PlanAssessment { get; set; }

    public List<ReportProposals>? Proposals { get; set; } = [];

    [StringLength(SituationReport.TextMaxLength, ErrorMessage = "Ce champ tient en 8 000 caractères.")]
    [MultiLine]
    public string? ProposalsText { get; set; }

    /// <summary>The journal entries quoted as faits marquants (social entries of the period).</summary>
    public List<Guid>? HighlightIds { get; set; } = [];

    public int Version { get; set; }
}

public sealed record ReportRow(Guid Id, ReportKind Kind, string Title, ReportState State, DateOnly PeriodFrom, DateOnly PeriodTo, string AuthorName, DateTime UpdatedAt, DateTime? ValidatedAt);

/// <summary>The child's reports and when the next one is due.</summary>
public sealed record ChildReportsView(Guid ChildId, string DossierNumber, string? ChildName, DateOnly? NextDue, bool Overdue, int MonthsBetween,
    IReadOnlyList<ReportRow> Reports, bool MayDraft);

public sealed record HighlightChoice(Guid Id, DateTime OccurredAt, string KindLabel, string Fact, string AuthorName, bool Chosen);

public sealed record TransmissionRow(Guid Id, Guid DocumentId, string DocumentName, TransmissionChannel Channel, string RecipientName, string SentByName, DateTime SentAt,
    DateTime? OpenedAt, string? OpenedByName, DateTime? AcknowledgedAt, string? AcknowledgedByName, string State, string? Note);

public sealed record ReportDocumentRow(Guid Id, string FileName, Core.Documents.DocumentFileFormat Format, DateTime GeneratedAt, string GeneratedByName);

public sealed record CourtRecipient(Guid ServiceId, string Name);

/// <summary>A report as its reader sees it: what the record pre-filled, what the author wrote, its documents and transmissions.</summary>
public sealed record ReportView(
    Guid Id, Guid ChildId, ReportKind Kind, string Title, ReportState State, DateOnly PeriodFrom, DateOnly PeriodTo, ReportPrefill Prefill,
    IReadOnlyList<string> PrefillSources, string? EvaluationDevelopment, string? EvaluationRelations, string? EvaluationSchooling, string? EvaluationAutonomy,
    string? PlanAssessment, IReadOnlyList<ReportProposals> Proposals, string? ProposalsText, string AuthorName, DateTime UpdatedAt,
    string? ValidatedByName, DateTime? ValidatedAt, int Version, IReadOnlyList<HighlightChoice> HighlightChoices,
    IReadOnlyList<ReportDocumentRow> Documents, IReadOnlyList<TransmissionRow> Transmissions, IReadOnlyList<CourtRecipient> Courts,
    bool MayEdit, bool MayValidate);

public sealed class TransmissionRequest
{
    /// <summary>A court's service in Ariane; or leave empty and give <see cref="RecipientName"/> and the channel used.</summary>
    public Guid? RecipientServiceId { get; set; }

    [StringLength(300, ErrorMessage = "Le destinataire tient en 300 caractères.")]
    public string? RecipientName { get; set; }

    public TransmissionChannel Channel { get; set; } = TransmissionChannel.Ariane;

    [StringLength(1000, ErrorMessage = "La note tient en 1 000 caractères.")]
    [MultiLine]
    public string? Note { get; set; }
}

/// <summary>One line of a court's inbox: the document, the child by dossier number and name, the sender, the state.</summary>
public sealed record CourtInboxRow(Guid Id, Guid DocumentId, string DocumentName, string DossierNumber, string ChildName, string SentByName, DateTime SentAt,
    string RecipientName, DateTime? OpenedAt, DateTime? AcknowledgedAt, string? AcknowledgedByName);
