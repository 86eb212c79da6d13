using Ariane.Core.Access;
using Ariane.Core.Audit;

namespace Ariane.Web.Features.Audit;

public sealed record AuditEntryDto(
    long Sequence,
    DateTime OccurredAt,
    AuditEventType EventType,
    AuditOutcome Outcome,
    Guid? UserId,
    string? UserName,
    Guid? ChildId,
    Section? Section,
    AccessBasis? AccessBasis,
    string? EntityType,
    string? Reason,
    string? IpAddress);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextBefore);

internal static class AuditLabels
{
    public static string Of(AuditEventType type) => type switch
    {
        AuditEventType.LoginSucceeded => "Connexion",
        AuditEventType.LoginFailed => "Échec de connexion",
        AuditEventType.LockedOut => "Compte verrouillé",
        AuditEventType.Logout => "Déconnexion",
        AuditEventType.LogoutEverywhere => "Déconnexion de toutes les sessions",
        AuditEventType.TwoFactorEnabled => "Double authentification activée",
        AuditEventType.TwoFactorFailed => "Code de double authentification refusé",
        AuditEventType.RecoveryCodeUsed => "Code de secours utilisé",
        AuditEventType.TwoFactorReset => "Double authentification réinitialisée",
        AuditEventType.PasswordChanged => "Mot de passe changé",
        AuditEventType.ApiTokenIssued => "Jeton d'API délivré",
        AuditEventType.DemoAccountRefused => "Compte de démonstration refusé",
        AuditEventType.UserCreated => "Compte créé",
        AuditEventType.UserUpdated => "Compte modifié",
        AuditEventType.UserDeactivated => "Compte désactivé",
        AuditEventType.UserReactivated => "Compte réactivé",
        AuditEventType.MembershipAdded => "Habilitation ajoutée",
        AuditEventType.MembershipRemoved => "Habilitation retirée",
        AuditEventType.AccessDenied => "Accès refusé",
        AuditEventType.BreakGlassOpened => "Accès d'urgence (bris de glace)",
        AuditEventType.DelegationGranted => "Délégation accordée",
        AuditEventType.DelegationRevoked => "Délégation retirée",
        AuditEventType.AlertRaised => "Alerte levée",
        AuditEventType.AlertAcknowledged => "Alerte prise en compte",
        AuditEventType.AccessAlertsViewed => "Consultation des alertes d'accès",
        AuditEventType.ChildViewed => "Dossier consulté",
        AuditEventType.ChildSearched => "Recherche d'enfants",
        AuditEventType.ChildCreated => "Dossier créé",
        AuditEventType.ChildUpdated => "Identité modifiée",
        AuditEventType.LinkedPersonAdded => "Personne liée ajoutée",
        AuditEventType.LinkedPersonUpdated => "Personne liée modifiée",
        AuditEventType.LinkedPersonRemoved => "Personne liée retirée",
        AuditEventType.AddressAdded => "Adresse ajoutée",
        AuditEventType.AddressRemoved => "Adresse retirée",
        AuditEventType.AssignmentAdded => "Affectation ajoutée",
        AuditEventType.AssignmentUpdated => "Affectation modifiée",
        AuditEventType.DuplicateCheckPerformed => "Recherche de doublons",
        AuditEventType.ChildAccessLogViewed => "Consultation des accès au dossier",
        AuditEventType.AuditSearched => "Recherche dans le journal d'audit",
        AuditEventType.SessionExpired => "Session expirée",
        AuditEventType.OrganisationCreated => "Organisation créée",
        AuditEventType.OrganisationUpdated => "Organisation modifiée",
        AuditEventType.ServiceCreated => "Service créé",
        AuditEventType.ServiceUpdated => "Service modifié",
        AuditEventType.RoleUpdated => "Rôle modifié",
        AuditEventType.ChildDeleted => "Dossier supprimé",
        AuditEventType.LinkedPersonsViewed => "Personnes liées consultées",
        AuditEventType.AddressUpdated => "Adresse modifiée",
        AuditEventType.AssignmentRemoved => "Affectation retirée",
        AuditEventType.AssignmentsViewed => "Affectations consultées",
        AuditEventType.AuditVerified => "Vérification du journal d'audit",
        AuditEventType.ExportProduced => "Export produit",
        AuditEventType.DataCreated => "Donnée créée",
        AuditEventType.DataUpdated => "Donnée modifiée",
        AuditEventType.DataDeleted => "Donnée supprimée",
        _ => type.ToString(),
    };

    public static string Of(AccessBasis? basis) => basis switch
    {
        AccessBasis.DepartementScope => "rôle départemental",
        AccessBasis.ServiceAssignment => "service affecté",
        AccessBasis.PersonalAssignment => "professionnel nommé",
        AccessBasis.Delegation => "délégation",
        AccessBasis.BreakGlass => "bris de glace",
        AccessBasis.Denied => "refusé",
        _ => string.Empty,
    };

    public static string Of(Section? section) => section switch
    {
        Section.Identity => "Identité",
        Section.Social => "Social",
        Section.Health => "Santé",
        Section.Judicial => "Judiciaire",
        Section.ConcernAuthor => "Auteur de l'IP",
        _ => string.Empty,
    };
}
