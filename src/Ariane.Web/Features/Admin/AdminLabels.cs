using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Web.Features.Admin.Users;

namespace Ariane.Web.Features.Admin;

/// <summary>
/// French labels of the enums only the administration pages show. Sections and access levels are labelled
/// once, in <see cref="Shared.Format"/>, and read the same on the roles table as on a child's record.
/// </summary>
public static class AdminLabels
{
    public static IReadOnlyList<Section> Sections { get; } =
        [Section.Identity, Section.Social, Section.Health, Section.Judicial, Section.ConcernAuthor];

    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Departement => "Département",
        OrganisationKind.AssociationGestionnaire => "Association gestionnaire",
        OrganisationKind.Mdph => "MDPH",
        OrganisationKind.EducationNationale => "Éducation nationale",
        OrganisationKind.Pjj => "Protection judiciaire de la jeunesse (PJJ)",
        OrganisationKind.Court => "Juridiction",
        OrganisationKind.Health => "Santé",
        OrganisationKind.Platform => "Opérateur de la plateforme",
        _ => "Autre",
    };

    public static string Of(ServiceKind kind) => kind switch
    {
        ServiceKind.IntakeUnit => "CRIP (recueil des informations préoccupantes)",
        ServiceKind.AseTerritorial => "ASE — service territorial",
        ServiceKind.Pmi => "PMI",
        ServiceKind.Mecs => "MECS",
        ServiceKind.FosterCareService => "Service d'accueil familial",
        ServiceKind.OpenSettingService => "Milieu ouvert (AEMO / AED)",
        ServiceKind.Mdph => "MDPH",
        ServiceKind.School => "Service scolaire",
        ServiceKind.Observatory => "Observatoire (ODPE)",
        ServiceKind.Administration => "Administration",
        ServiceKind.LieuDeVie => "Lieu de vie et d'accueil",
        ServiceKind.Court => "Tribunal pour enfants",
        _ => "Autre",
    };

    public static string Of(UserState state) => state switch
    {
        UserState.Deactivated => "désactivé",
        UserState.Locked => "verrouillé",
        _ => "actif",
    };

    public static string Of(AccessScope scope) => scope switch
    {
        AccessScope.Personal => "Enfants qui lui sont nominativement confiés",
        AccessScope.Service => "Enfants affectés à son service",
        AccessScope.Departement => "Tous les enfants du département",
        _ => "Aucun dossier d'enfant",
    };

    public static string Of(Permission permission) => permission switch
    {
        Permission.CreateChild => "Créer un dossier d'enfant",
        Permission.BreakGlass => "Accès d'urgence (bris de glace)",
        Permission.ViewChildAudit => "Voir qui a consulté un dossier",
        Permission.SearchAudit => "Rechercher dans le journal d'audit",
        Permission.ManageUsers => "Gérer les comptes et les habilitations",
        Permission.ManageOrganisations => "Gérer les organisations et les services",
        Permission.ReceiveAccessAlerts => "Recevoir les alertes d'accès d'urgence",
        Permission.Delegate => "Déléguer ses dossiers à un collègue",
        Permission.ManageAssignments => "Affecter services et professionnels à un enfant",
        Permission.ProposeTransfer => "Proposer le transfert d'un enfant à un autre département",
        Permission.DecideTransfer => "Accepter ou refuser le transfert d'un enfant venant d'un autre département",
        _ => permission.ToString(),
    };

    /// <summary>Each single permission held in a set of flags, in declaration order.</summary>
    public static IEnumerable<Permission> Split(Permission permissions) =>
        Enum.GetValues<Permission>().Where(p => p != Permission.None && (permissions & p) == p);

    public static string FinessCategory(int? code) =>
        code is { } c ? (FinessCategories.Labels.TryGetValue(c, out var label) ? $"{c} — {label}" : c.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "—";
}
