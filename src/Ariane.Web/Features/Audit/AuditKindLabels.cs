using Ariane.Core.Audit;

namespace Ariane.Web.Features.Audit;

/// <summary>The French names of the kinds of audit events (the DPO's filter), once.</summary>
public static class AuditKindLabels
{
    public static string Of(AuditEventKind kind) => kind switch
    {
        AuditEventKind.Search => "Recherches et listes",
        AuditEventKind.Opening => "Consultations",
        AuditEventKind.Change => "Modifications",
        AuditEventKind.Refusal => "Accès refusés",
        AuditEventKind.Authentication => "Connexions",
        AuditEventKind.Administration => "Administration",
        _ => kind.ToString(),
    };
}
