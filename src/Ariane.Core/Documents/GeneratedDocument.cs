using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Documents;

/// <summary>What a generated document is (docs/decisions/0010-documents.md).</summary>
public enum DocumentKind
{
    /// <summary>Accusé de réception d'une IP, to the professional who transmitted it.</summary>
    IpAcknowledgement = 1,
    /// <summary>Rapport d'évaluation d'une IP.</summary>
    AssessmentReport = 2,
    /// <summary>Projet pour l'enfant, complete: for the professionals and the signatories.</summary>
    ChildPlan = 3,
    /// <summary>The PPE told to the child, in words adapted to their age (docs/domain.md §2.5).</summary>
    ChildPlanForChild = 4,
    /// <summary>The PPE for the parents: what is proposed to them and to their child, who does what, their rights.</summary>
    ChildPlanForParents = 5,
    /// <summary>Rapport de situation (docs/domain.md §2.6).</summary>
    SituationReport = 6,
    /// <summary>Rapport de fin de mesure.</summary>
    EndOfMeasureReport = 7,
}

/// <summary>Administrative document (the département's own) or judicial (addressed to or produced for a court).</summary>
public enum LegalNature
{
    Administrative = 1,
    Judicial = 2,
}

public enum DocumentFileFormat
{
    Pdf = 1,
    Docx = 2,
}

/// <summary>What a generated document is built from.</summary>
public enum DocumentSourceKind
{
    Concern = 1,
    Assessment = 2,
    /// <summary>A validated version of the PPE (<see cref="Plans.ChildPlanVersion"/>).</summary>
    ChildPlanVersion = 3,
    /// <summary>A validated rapport de situation or de fin de mesure (<see cref="Reports.SituationReport"/>).</summary>
    SituationReport = 4,
}

/// <summary>The kind of passage to hide when the document is given on an access request (RGPD art. 15, CASF L. 226-2-2).</summary>
public enum RedactionCategory
{
    /// <summary>Third parties: what the parents and professionals said, adults of the household.</summary>
    ThirdParty = 1,
    /// <summary>Health content (secret médical).</summary>
    Health = 2,
    /// <summary>The identity of the protected author of an IP.</summary>
    ConcernAuthor = 3,
}

/// <summary>
/// A passage of a generated document to hide on an access request: its category, a stable key of the passage
/// in the document (« health.{observation id} », « perception.parents »), and its heading as printed. The text
/// itself is not repeated here: it is in the stored file.
/// </summary>
public sealed record RedactionTag(RedactionCategory Category, string Passage, string Label);

/// <summary>
/// One generation of a document for one child it concerns. A document about a household (an IP, its
/// evaluation) is one stored file listing the children, with one row per child sharing the same
/// <see cref="GenerationId"/> and <see cref="FileKey"/>: each child's record lists it and each child's access
/// log shows its downloads. Every generation is a new <see cref="Number"/>: nothing is overwritten.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.DocumentGenerated)]
public sealed class GeneratedDocument : Entity, IChildData
{
    public Guid ChildId { get; set; }
    /// <summary>Shared by the rows of one generation (one file).</summary>
    public Guid GenerationId { get; set; }
    public DocumentKind Kind { get; set; }
    public LegalNature LegalNature { get; set; }
    public DocumentFileFormat Format { get; set; }
    /// <summary>1, 2, 3... per kind and source, every format counted.</summary>
    public int Number { get; set; }
    public DocumentSourceKind SourceKind { get; set; }
    public Guid SourceId { get; set; }
    public required string DepartementCode { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>The opaque key of the file in the file store (IFileStore): never a path.</summary>
    public required string FileKey { get; set; }
    /// <summary>SHA-256 of the file, hexadecimal: what was generated can be checked later.</summary>
    public required string Sha256 { get; set; }
    /// <summary>The document shows health content: downloading it needs to read the health section of the child.</summary>
    public bool ContainsHealth { get; set; }
    /// <summary>The passages to hide on an access request, as JSON (<see cref="RedactionTag"/> list).</summary>
    public required string RedactionTags { get; set; }
    public Guid GeneratedByUserId { get; set; }
    public required string GeneratedByName { get; set; }
    public DateTime GeneratedAt { get; set; }
}

/// <summary>
/// A département's wording of a kind of document: header, footer, optional logo, the paragraphs with
/// placeholders (« {numero} », « {date} »). Without a row, the shipped default applies (DocumentTemplates).
/// </summary>
[AuditEvents(Created = AuditEventType.DocumentTemplateChanged, Updated = AuditEventType.DocumentTemplateChanged, Deleted = AuditEventType.DocumentTemplateChanged)]
public sealed class DocumentTemplate : Entity, IAudited, IVersioned
{
    public required string DepartementCode { get; set; }
    public DocumentKind Kind { get; set; }
    public required string HeaderText { get; set; }
    public required string FooterText { get; set; }
    /// <summary>The logo (PNG or JPEG) in the file store, when the département has one.</summary>
    public string? LogoFileKey { get; set; }
    /// <summary>Paragraph wording by key, as JSON (« intro », « closing »...); a key not given keeps the default.</summary>
    public required string Wording { get; set; }
    public int Version { get; set; }
}
