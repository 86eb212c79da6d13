using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Journal;

/// <summary>What happened, as the journal sorts it (docs/domain.md, Journal).</summary>
public enum JournalEntryKind
{
    Visit = 1,
    /// <summary>Visite médiatisée: a parent's visit in the presence of a professional.</summary>
    SupervisedVisit = 2,
    Incident = 3,
    /// <summary>Fugue: the child left the place without leave.</summary>
    Runaway = 4,
    HealthAppointment = 5,
    SchoolEvent = 6,
    /// <summary>Audience: a hearing before the judge.</summary>
    Hearing = 7,
    /// <summary>A call or a meeting with a parent, a partner, the school.</summary>
    Contact = 8,
    Note = 9,
}

/// <summary>
/// One dated entry of the child's journal (docs/domain.md, Journal): what happened (the fact) kept apart from what
/// the author makes of it (the assessment). The entry has its own section, like an attachment: a health entry is
/// readable by health roles only; the others see that it exists, its date, type and author, and the
/// <see cref="PracticalSummary"/> its author wrote for them (« traitement le soir à 20 h »), which is social.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.JournalEntryRecorded, Updated = AuditEventType.JournalEntryUpdated, Deleted = AuditEventType.JournalEntryRemoved)]
public sealed class JournalEntry : Entity, IChildData, ISectionedData, IVersioned
{
    public Guid ChildId { get; set; }
    public JournalEntryKind Kind { get; set; }
    /// <summary><see cref="Section.Social"/> or <see cref="Section.Health"/> (<see cref="JournalRules.Sections"/>).</summary>
    public Section Section { get; set; }
    /// <summary>When it happened (UTC), which may be hours before it was written down.</summary>
    public DateTime OccurredAt { get; set; }
    /// <summary>What happened, as observed: who, what, where.</summary>
    public required string Fact { get; set; }
    /// <summary>The author's reading of it, kept apart from the fact.</summary>
    public string? Assessment { get; set; }
    /// <summary>For a health entry only: what the others need to know to look after the child (social).</summary>
    public string? PracticalSummary { get; set; }
    /// <summary>The objective of the child's plan this entry relates to, when the author links one.</summary>
    public Guid? PlanGoalId { get; set; }
    public Guid AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>The author's service when writing (« MECS Les Tilleuls »): the team reads who wrote it.</summary>
    public Guid? AuthorServiceId { get; set; }
    public string? AuthorServiceName { get; set; }
    public DateTime RecordedAt { get; set; }
    public int Version { get; set; }

    Section ISectionedData.AuditedSection => Section;
}
