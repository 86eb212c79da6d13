using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;

namespace Ariane.Core.Placements;

/// <summary>
/// The protected (no-trace) flag of a child (docs/domain.md §3), set by a cadre with a reason and lifted
/// the same way; the rows keep the history. While one is active, <see cref="Children.Child.IsProtected"/> is
/// true: no automatic letter, SMS or reminder is produced for the family, and the place of care is hidden
/// from whoever does not strictly need it (<see cref="ProtectedPlace"/>). The reason tells the family's
/// situation (violence, a parent to keep away): social section.
/// </summary>
[RecordSection(Section.Social)]
[AuditEvents(Created = AuditEventType.ChildProtectionSet, Updated = AuditEventType.ChildProtectionLifted)]
public sealed class ChildProtection : Entity, IChildData
{
    public Guid ChildId { get; set; }
    public required string Reason { get; set; }
    public DateTime SetAt { get; set; }
    public Guid SetByUserId { get; set; }
    public required string SetByName { get; set; }
    public DateTime? LiftedAt { get; set; }
    public Guid? LiftedByUserId { get; set; }
    public string? LiftedByName { get; set; }
    public string? LiftReason { get; set; }
}

/// <summary>
/// Who may know where a protected child lives (docs/domain.md §3: « strictly need »): the people of the
/// place itself (members of the host facility's service, the foster carer), the child's named référent,
/// and the roles granted <see cref="Permission.KnowProtectedPlace"/> in the child's département (cadre).
/// Everyone else, however well linked to the child, reads « lieu d'accueil protégé ». Pure, tested as a table.
/// </summary>
public static class ProtectedPlace
{
    public static bool MayKnow(
        AccessSubject subject, string childDepartementCode, bool isNamedReferent, Guid? hostServiceId, Guid? hostUserId)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (isNamedReferent || (hostUserId is { } u && u == subject.UserId))
        {
            return true;
        }

        return subject.Grants.Any(g =>
            (hostServiceId is { } s && g.ServiceId == s)
            || (g.Role.Has(Permission.KnowProtectedPlace) && g.DepartementCode == childDepartementCode));
    }

    public const string HiddenLabel = "Lieu d'accueil protégé";
}
