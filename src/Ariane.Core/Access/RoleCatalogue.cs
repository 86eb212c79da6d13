using static Ariane.Core.Access.AccessLevel;

namespace Ariane.Core.Access;

/// <summary>
/// The default roles, one per persona of docs/domain.md §1. They seed the Roles table; the policy only
/// ever reads the stored rows, so a département can adjust them without a code change.
/// </summary>
public static class RoleCatalogue
{
    public const string CripAgent = "crip_agent";
    public const string Evaluator = "evaluator";
    public const string Referent = "referent_ase";
    public const string Cadre = "cadre_ase";
    public const string Educator = "educator";
    public const string HeadOfService = "head_of_service";
    public const string FosterCarer = "foster_carer";
    public const string HealthProfessional = "health_professional";
    public const string Partner = "partner";
    public const string Observatory = "observatory";
    public const string Dpo = "dpo";
    public const string Administrator = "administrator";
    public const string CourtClerk = "court_clerk";

    public static IReadOnlyList<Role> Defaults { get; } =
    [
        Make(CripAgent, "Agent CRIP", "Reçoit et qualifie les informations préoccupantes pour tout le département.",
            AccessScope.Departement, Permission.CreateChild | Permission.ManageAssignments | Permission.DecideTransfer
                | Permission.RecordConcern | Permission.QualifyConcern | Permission.MergeChildren | Permission.FindPlaces,
            identity: Write, social: Write, health: Existence, judicial: Read, concernAuthor: Read),
        Make(Evaluator, "Évaluateur", "Évalue les situations des enfants confiés à son service.",
            AccessScope.Service, Permission.Evaluate,
            identity: Write, social: Write, health: Existence, judicial: Read, concernAuthor: None),
        Make(Referent, "Référent ASE", "Suit le dossier complet des enfants de son service.",
            AccessScope.Service, Permission.CreateChild | Permission.BreakGlass | Permission.Delegate | Permission.ManageAssignments | Permission.ProposeTransfer
                | Permission.Evaluate | Permission.RecordMeasure | Permission.FindPlaces | Permission.ValidatePlan,
            identity: Write, social: Write, health: Existence, judicial: Write, concernAuthor: None),
        Make(Cadre, "Cadre ASE / inspecteur", "Décide, signe, voit les échéances du département et les accès aux dossiers.",
            AccessScope.Departement, Permission.CreateChild | Permission.ViewChildAudit | Permission.ReceiveAccessAlerts | Permission.Delegate | Permission.ManageAssignments
                | Permission.ProposeTransfer | Permission.DecideTransfer | Permission.RecordConcern | Permission.QualifyConcern | Permission.ValidateAssessment
                | Permission.MergeChildren | Permission.RecordMeasure | Permission.ProtectChild | Permission.KnowProtectedPlace
                | Permission.FindPlaces | Permission.ManageFacilities | Permission.ValidatePlan | Permission.ValidateReport,
            identity: Write, social: Write, health: Existence, judicial: Write, concernAuthor: Read),
        Make(Educator, "Éducateur", "Suit au quotidien les enfants accueillis ou accompagnés par son établissement.",
            AccessScope.Service, Permission.BreakGlass,
            identity: Read, social: Write, health: Existence, judicial: Read, concernAuthor: None),
        Make(HeadOfService, "Chef de service", "Encadre l'équipe d'un établissement ou d'un service.",
            AccessScope.Service, Permission.BreakGlass | Permission.Delegate | Permission.ManageAssignments | Permission.ManagePlaces,
            identity: Write, social: Write, health: Existence, judicial: Read, concernAuthor: None),
        Make(FosterCarer, "Assistant familial", "Accueille des enfants à son domicile ; voit les enfants qui lui sont confiés.",
            AccessScope.Personal, Permission.RecordIncident,
            identity: Read, social: Read, health: Existence, judicial: None, concernAuthor: None),
        Make(HealthProfessional, "Médecin / psychologue / infirmier PMI", "Seul à lire la section santé des enfants de son service.",
            AccessScope.Service, Permission.BreakGlass | Permission.Evaluate | Permission.ContributeToPlan,
            identity: Read, social: Read, health: Write, judicial: None, concernAuthor: None),
        Make(Partner, "Partenaire (MDPH, Éducation nationale)", "Voit uniquement les enfants affectés à son service.",
            AccessScope.Service, Permission.ContributeToPlan,
            identity: Read, social: Existence, health: None, judicial: None, concernAuthor: None),
        Make(Observatory, "Observatoire (ODPE)", "Indicateurs et export OLINPE, sans accès nominatif aux dossiers.",
            AccessScope.None, Permission.ReadAvailability,
            identity: None, social: None, health: None, judicial: None, concernAuthor: None),
        Make(Dpo, "Délégué à la protection des données", "Contrôle la traçabilité : journal d'audit et alertes d'accès.",
            AccessScope.None, Permission.SearchAudit | Permission.ViewChildAudit | Permission.ReceiveAccessAlerts,
            identity: None, social: None, health: None, judicial: None, concernAuthor: None),
        Make(CourtClerk, "Juge des enfants / greffe", "Reçoit les rapports transmis à sa juridiction, les ouvre et en accuse réception ; n'accède pas aux dossiers.",
            AccessScope.None, Permission.ReceiveTransmissions,
            identity: None, social: None, health: None, judicial: None, concernAuthor: None),
        Make(Administrator, "Administrateur", "Gère les comptes, les organisations et les habilitations.",
            AccessScope.None, Permission.ManageUsers | Permission.ManageOrganisations,
            identity: None, social: None, health: None, judicial: None, concernAuthor: None),
    ];

    private static Role Make(
        string code, string name, string description, AccessScope scope, Permission permissions,
        AccessLevel identity, AccessLevel social, AccessLevel health, AccessLevel judicial, AccessLevel concernAuthor) =>
        new()
        {
            Code = code,
            Name = name,
            Description = description,
            Scope = scope,
            Permissions = permissions,
            IdentityAccess = identity,
            SocialAccess = social,
            HealthAccess = health,
            JudicialAccess = judicial,
            ConcernAuthorAccess = concernAuthor,
        };
}
