using Ariane.Core.Common;

namespace Ariane.Core.Children;

/// <summary>
/// Two records found to be the same child, merged (docs/domain.md, Merging two records): every row of the
/// absorbed child now belongs to the survivor, the absorbed <see cref="Child"/> row is kept, marked with
/// <see cref="Child.MergedIntoId"/>, and this row keeps what the absorbed record was — its dossier number,
/// which still leads to the survivor, and its identity as it stood (<see cref="AbsorbedIdentity"/>, JSON).
/// The two <see cref="Audit.AuditEventType.ChildrenMerged"/> rows are the audit of the merge.
/// </summary>
[NotAuditedData("the merge writes an explicit ChildrenMerged event on each of the two children, with the reason; the absorbed record's own change (MergedIntoId) is audited as data")]
public sealed class ChildMerge : Entity
{
    public Guid AbsorbedChildId { get; set; }
    public Guid SurvivorChildId { get; set; }
    public required string AbsorbedDossierNumber { get; set; }
    /// <summary>The absorbed record's identity fields at the merge, as JSON: nothing typed on it is lost.</summary>
    public required string AbsorbedIdentity { get; set; }
    public required string Reason { get; set; }
    public Guid MergedByUserId { get; set; }
    public required string MergedByName { get; set; }
    public DateTime MergedAt { get; set; }

    public const int ReasonMaxLength = 1000;
}
