using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Documents;

/// <summary>
/// A file attached to a child's record, in one section (a medical certificate is Health): readable only by
/// whoever may read that section of the child. Its content type is the one detected from its bytes; the
/// file itself is in the file store under an opaque key. Optionally tied to an IP, to a journal entry (then in the
/// entry's own section: a file of a health entry is health) or to a validated version of the plan (its scanned signed
/// copy, social like the plan). Docs: docs/domain.md, Journal and PPE.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.AttachmentUploaded, Deleted = AuditEventType.AttachmentDeleted)]
public sealed class Attachment : Entity, IChildData, ISectionedData
{
    public Guid ChildId { get; set; }
    public Section Section { get; set; }
    public Guid? ConcernId { get; set; }
    public Guid? JournalEntryId { get; set; }
    public Guid? PlanVersionId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string FileKey { get; set; }
    public required string Sha256 { get; set; }
    public Guid UploadedByUserId { get; set; }
    public required string UploadedByName { get; set; }
    public DateTime UploadedAt { get; set; }

    Section ISectionedData.AuditedSection => Section;
}
