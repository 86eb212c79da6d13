using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Core.Journal;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// A journal entry as typed on the phone form or pushed by an establishment's software. The section, when left
/// out, follows the type (<see cref="JournalRules.DefaultSection"/>); the date and time, when both left out, are
/// now (the « après la visite » form sends only a type and a text).
/// </summary>
public sealed class JournalEntryRequest
{
    [Required(ErrorMessage = "Choisissez le type de note.")]
    public JournalEntryKind? Kind { get; set; }

    /// <summary>Social or Health; empty: the type's usual section for this author.</summary>
    public Section? Section { get; set; }

    /// <summary>The day it happened (Paris); with <see cref="OccurredTime"/>, or both empty for « maintenant ».</summary>
    public DateOnly? OccurredOn { get; set; }

    public TimeOnly? OccurredTime { get; set; }

    [Required(ErrorMessage = "Écrivez ce qui s'est passé.")]
    [StringLength(JournalRules.FactMaxLength, ErrorMessage = "Les faits tiennent en 8 000 caractères.")]
    [MultiLine]
    public string? Fact { get; set; }

    [StringLength(JournalRules.AssessmentMaxLength, ErrorMessage = "L'analyse tient en 8 000 caractères.")]
    [MultiLine]
    public string? Assessment { get; set; }

    /// <summary>For a health entry: what the team needs to know (« traitement le soir à 20 h »), readable by all.</summary>
    [StringLength(JournalRules.PracticalSummaryMaxLength, ErrorMessage = "Le résumé pratique tient en 500 caractères.")]
    [MultiLine]
    public string? PracticalSummary { get; set; }

    /// <summary>The objective of the child's plan this entry relates to (optional).</summary>
    public Guid? PlanGoalId { get; set; }

    /// <summary>Required to correct an entry: the version read.</summary>
    public int Version { get; set; }
}

/// <summary>
/// An entry as its reader may see it: <see cref="Visibility"/> SummaryOnly leaves the fact and the assessment out
/// (null, never sent), and keeps the date, type, author and practical summary.
/// </summary>
public sealed record JournalEntryView(
    Guid Id, Guid ChildId, JournalEntryKind Kind, string KindLabel, Section Section, JournalVisibility Visibility,
    DateTime OccurredAt, string? Fact, string? Assessment, string? PracticalSummary,
    string AuthorName, string? AuthorServiceName, DateTime RecordedAt, int Version, bool MayCorrect,
    Guid? PlanGoalId = null, string? PlanGoalTitle = null, IReadOnlyList<JournalAttachmentView>? Attachments = null);

/// <summary>A file attached to an entry, listed only to whoever reads the entry in full (it is in the entry's section).</summary>
public sealed record JournalAttachmentView(Guid Id, string FileName, string ContentType, long Size);

/// <summary>The child as the journal's pages name them: dossier number always, the name for identity readers.</summary>
public sealed record JournalChild(Guid Id, string DossierNumber, string? DisplayName);

/// <summary>A page of the timeline, newest first, with the cursor of the next (older) page.</summary>
public sealed record JournalPage(JournalChild Child, IReadOnlyList<JournalEntryView> Entries, string? Next, bool MayWrite, bool MayWriteHealth);

/// <summary>The timeline's filters: one type, a period (Paris days, inclusive), the cursor of the page.</summary>
public sealed record JournalFilter(JournalEntryKind? Kind = null, DateOnly? From = null, DateOnly? To = null, string? After = null);
