namespace Ariane.Core.Audit;

/// <summary>What the DPO asks of the trail: who searched, who opened, who changed, who was refused...</summary>
public enum AuditEventKind
{
    /// <summary>Searches and lists: views that show several children at once.</summary>
    Search = 1,
    /// <summary>Openings: reads of one record, or of the audit about it.</summary>
    Opening = 2,
    /// <summary>Changes to data, including grants of exceptional access and alerts.</summary>
    Change = 3,
    /// <summary>Refused accesses.</summary>
    Refusal = 4,
    Authentication = 5,
    Administration = 6,
}

/// <summary>The one place that says which kind each audit event is.</summary>
public static class AuditEventKinds
{
    private static readonly Dictionary<AuditEventKind, AuditEventType[]> ByKind = Enum.GetValues<AuditEventType>()
        .GroupBy(Of).ToDictionary(g => g.Key, g => g.ToArray());

    public static AuditEventKind Of(AuditEventType type) => type switch
    {
        AuditEventType.ChildSearched or AuditEventType.DuplicateCheckPerformed or AuditEventType.ChildLookupByDpo
            or AuditEventType.AuditSearched or AuditEventType.TransfersViewed => AuditEventKind.Search,
        AuditEventType.ChildViewed or AuditEventType.LinkedPersonsViewed or AuditEventType.AssignmentsViewed
            or AuditEventType.BreakGlassOpened or AuditEventType.ChildAccessLogViewed or AuditEventType.AccessAlertsViewed
            or AuditEventType.ExportProduced => AuditEventKind.Opening,
        AuditEventType.AccessDenied => AuditEventKind.Refusal,
        AuditEventType.AuditVerified => AuditEventKind.Administration,
        // Blocks: a new event of these blocks needs no line here.
        >= (AuditEventType)100 and < (AuditEventType)200 => AuditEventKind.Authentication,
        >= (AuditEventType)200 and < (AuditEventType)300 => AuditEventKind.Administration,
        // Everything else writes: child record, exceptional-access grants and alerts, generic changes.
        _ => AuditEventKind.Change,
    };

    /// <summary>The event types of one kind, for a SQL filter.</summary>
    public static IReadOnlyList<AuditEventType> TypesOf(AuditEventKind kind) => ByKind.GetValueOrDefault(kind, []);
}
