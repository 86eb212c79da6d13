using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Concerns;

/// <summary>Where an IP is in its life at the CRIP (docs/domain.md, CRIP).</summary>
public enum ConcernState
{
    /// <summary>Received, not yet qualified by the CRIP.</summary>
    ToQualify = 1,
    /// <summary>Qualified « à évaluer »: an evaluation is open or to open.</summary>
    InAssessment = 2,
    /// <summary>The evaluation is concluded and waits for the cadre's validation.</summary>
    ToValidate = 3,
    /// <summary>Validated conclusion, direct report to the prosecutor, judge already seized, or not an IP.</summary>
    Closed = 4,
}

/// <summary>How the IP reached the CRIP.</summary>
public enum ConcernChannel
{
    Phone = 1,
    Letter = 2,
    Email = 3,
    InPerson = 4,
    /// <summary>A form sent by the 119 (SNATED).</summary>
    Snated = 5,
    /// <summary>Through the platform from another service.</summary>
    Platform = 6,
    Other = 9,
}

/// <summary>
/// The CRIP's decision on an IP (TRAITINFO). Numbers follow OLINPE where it has a code: 1 to evaluate,
/// 3 direct report to the prosecutor (DATSIGN, MOTIFSIG), 4 information of the judge already seized
/// (DATJE); « not an IP » is not transmitted (0). Code 2 of TRAITINFO is not used here
/// (docs/domain.md, OLINPE variables).
/// </summary>
public enum ConcernQualification
{
    NotAConcern = 0,
    Evaluate = 1,
    ProsecutorReferral = 3,
    JudgeAlreadySeized = 4,
}

/// <summary>
/// An information préoccupante received by a département's CRIP: one household, one or several children.
/// Its content is social data of each child concerned; the reporter's identity is the
/// <see cref="Section.ConcernAuthor"/> section when protected (<see cref="ConcernReporter"/>). Readable only
/// by whoever may read the social section of every child it concerns (docs/architecture.md, Concerns).
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.ConcernRecorded, Updated = AuditEventType.ConcernUpdated)]
public sealed class Concern : Entity, IHouseholdData, IVersioned, ITimestamped
{
    /// <summary>The CRIP's number, « IP-99-2026-000123 »: said on the phone and printed on the acknowledgement.</summary>
    public string Number { get; set; } = string.Empty;
    public required string DepartementCode { get; set; }
    /// <summary>The CRIP service that received it.</summary>
    public Guid ReceivedByServiceId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public ConcernChannel Channel { get; set; }
    /// <summary>TRANSIP: who transmitted the information to the CRIP.</summary>
    public int TransmitterCode { get; set; }
    /// <summary>ORIGIP: who first had the information.</summary>
    public int OriginCode { get; set; }
    /// <summary>The nature of the danger (SANTE, SECURITE... VIOLSEX...): every code answered « oui ».</summary>
    public ConcernDangers Dangers { get; set; }
    /// <summary>Family difficulties noted with the IP (CONDADD, VIOLCONJ...).</summary>
    public FamilyDifficulties FamilyDifficulties { get; set; }
    /// <summary>The CRIP considers the danger grave and immediate: a shorter deadline, and the prosecutor.</summary>
    public bool GraveDanger { get; set; }
    public required string Narrative { get; set; }
    public ConcernState State { get; set; } = ConcernState.ToQualify;
    /// <summary>The evaluation's due date: 3 months after receipt, shorter by the configured rules.</summary>
    public DateOnly DueOn { get; set; }

    public ConcernQualification? Qualification { get; set; }
    public DateTime? QualifiedAt { get; set; }
    public Guid? QualifiedByUserId { get; set; }
    public string? QualifiedByName { get; set; }
    /// <summary>DATSIGN: date of the report to the prosecutor.</summary>
    public DateOnly? ProsecutorReferralOn { get; set; }
    /// <summary>MOTIFSIG: why the report went straight to the prosecutor.</summary>
    public string? ProsecutorReferralReason { get; set; }
    /// <summary>DATJE: date the judge already seized was informed.</summary>
    public DateOnly? JudgeInformedOn { get; set; }
    /// <summary>Why it is not an IP (no follow-up), or a note on the qualification.</summary>
    public string? QualificationNote { get; set; }

    public Guid RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<ConcernChild> Children { get; } = [];
    public List<ConcernAdult> Adults { get; } = [];

    public IEnumerable<Guid> AuditedChildIds => Children.Select(c => c.ChildId);

    public const int NarrativeMaxLength = 20000;
}

/// <summary>A child the IP concerns: named in it, or found in the household when the evaluation opened.</summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.ConcernChildAdded, Deleted = AuditEventType.ConcernChildRemoved)]
public sealed class ConcernChild : Entity, IChildData
{
    public Guid ConcernId { get; set; }
    public Guid ChildId { get; set; }
    public Children.Child? Child { get; set; }
}

/// <summary>An adult of the household as the IP describes them (not yet a linked person of a record).</summary>
[RecordSection(Section.Social)]
public sealed class ConcernAdult : Entity, IHouseholdData
{
    public Guid ConcernId { get; set; }
    public Concern? Concern { get; set; }
    public required string LastName { get; set; }
    public string? FirstNames { get; set; }
    /// <summary>Mère, père, beau-père, compagne... as said by the reporter.</summary>
    public string? Relation { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }

    public IEnumerable<Guid> AuditedChildIds => Concern?.AuditedChildIds ?? [];
}

/// <summary>
/// Who reported the IP. A private person's identity is protected (docs/domain.md §3): it belongs to the
/// <see cref="Section.ConcernAuthor"/> section, hidden from the family and from the roles that do not need
/// it. A professional acting in their function (school, hospital) is not protected: readable with the IP.
/// One row per IP; the row's section is that of its most sensitive content.
/// </summary>
[RecordSection(Section.ConcernAuthor)]
[AuditEvents(Created = AuditEventType.ConcernReporterRecorded, Updated = AuditEventType.ConcernReporterUpdated)]
public sealed class ConcernReporter : Entity, IHouseholdData
{
    public Guid ConcernId { get; set; }
    public Concern? Concern { get; set; }
    public bool IsProtected { get; set; } = true;
    public required string Name { get; set; }
    /// <summary>Institution and function for a professional; relation to the child for a private person.</summary>
    public string? Capacity { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>The section a reader needs to read this identity.</summary>
    public Section ReadSection => IsProtected ? Section.ConcernAuthor : Section.Social;

    public IEnumerable<Guid> AuditedChildIds => Concern?.AuditedChildIds ?? [];
}
