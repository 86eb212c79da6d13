using Ariane.Core.Access;
using Ariane.Core.Organisations;

namespace Ariane.Web.Features.Demo;

/// <summary>A demo account: its login, the person it stands for and its one membership.</summary>
internal sealed record DemoAccountSpec(
    string UserName,
    string DisplayName,
    string JobTitle,
    string RoleCode,
    Func<DemoStructure, Service> Service);

/// <summary>
/// The organisations and services of the fictional "Département de la Vallée" (code 99) and of its
/// neighbour, the "Département des Collines" (code 98); the association « Les Tilleuls » serves both.
/// The FINESS numbers start with 99, a département code that does not exist in the real FINESS register.
/// </summary>
internal sealed class DemoStructure
{
    public const string DepartementCode = "99";

    /// <summary>The second département (docs/decisions/0007-tenancy.md): its staff see none of La Vallée's children.</summary>
    public const string CollinesCode = "98";

    public DemoStructure()
    {
        var departement = NewOrganisation("Département de la Vallée", OrganisationKind.Departement, DepartementCode);
        Crip = AddService(departement, "CRIP — cellule de recueil des informations préoccupantes", ServiceKind.IntakeUnit);
        AseNord = AddService(departement, "ASE — Territoire Nord", ServiceKind.AseTerritorial);
        AseSud = AddService(departement, "ASE — Territoire Sud", ServiceKind.AseTerritorial);
        Pmi = AddService(departement, "PMI de la Vallée", ServiceKind.Pmi);
        FosterCare = AddService(departement, "Service d'accueil familial départemental", ServiceKind.FosterCareService, "990000236", 236);
        Observatory = AddService(departement, "Observatoire départemental (ODPE)", ServiceKind.Observatory);
        Direction = AddService(departement, "Direction — administration et conformité", ServiceKind.Administration);

        var association = NewOrganisation("Association Les Tilleuls", OrganisationKind.AssociationGestionnaire, null);
        Mecs = AddService(association, "MECS Les Tilleuls", ServiceKind.Mecs, "990000177", 177);
        OpenSetting = AddService(association, "Service AEMO/AED Les Tilleuls", ServiceKind.OpenSettingService, "990000295", 295);

        var mdph = NewOrganisation("MDPH de la Vallée", OrganisationKind.Mdph, DepartementCode);
        Mdph = AddService(mdph, "MDPH de la Vallée", ServiceKind.Mdph);

        var education = NewOrganisation("Éducation nationale — DSDEN de la Vallée", OrganisationKind.EducationNationale, DepartementCode);
        School = AddService(education, "Service social en faveur des élèves", ServiceKind.School);

        var collines = NewOrganisation("Département des Collines", OrganisationKind.Departement, CollinesCode);
        CollinesCrip = AddService(collines, "CRIP des Collines", ServiceKind.IntakeUnit);
        CollinesAse = AddService(collines, "ASE des Collines", ServiceKind.AseTerritorial);
        CollinesPmi = AddService(collines, "PMI des Collines", ServiceKind.Pmi);
        var collinesMdph = NewOrganisation("MDPH des Collines", OrganisationKind.Mdph, CollinesCode);
        CollinesMdph = AddService(collinesMdph, "MDPH des Collines", ServiceKind.Mdph);

        var platform = NewOrganisation("Plateforme Ariane", OrganisationKind.Platform, null);
        Platform = AddService(platform, "Exploitation de la plateforme", ServiceKind.Administration);

        var court = NewOrganisation("Tribunal judiciaire de la Vallée", OrganisationKind.Court, DepartementCode);
        JuvenileCourt = AddService(court, "Tribunal pour enfants", ServiceKind.Court);

        Organisations = [departement, association, mdph, education, collines, collinesMdph, platform, court];
    }

    public IReadOnlyList<Organisation> Organisations { get; }
    public Service Crip { get; }
    public Service AseNord { get; }
    public Service AseSud { get; }
    public Service Pmi { get; }
    public Service FosterCare { get; }
    public Service Observatory { get; }
    public Service Direction { get; }
    public Service Mecs { get; }
    public Service OpenSetting { get; }
    public Service Mdph { get; }
    public Service School { get; }
    public Service CollinesCrip { get; }
    public Service CollinesAse { get; }
    public Service CollinesPmi { get; }
    public Service CollinesMdph { get; }
    public Service Platform { get; }
    /// <summary>The juvenile court: its judge and clerk receive the reports in « Documents reçus ».</summary>
    public Service JuvenileCourt { get; }

    public int ServiceCount => Organisations.Sum(o => o.Services.Count);

    /// <summary>The demo accounts, one per persona of docs/domain.md §1, in the order they are listed.</summary>
    public static IReadOnlyList<DemoAccountSpec> Accounts { get; } =
    [
        new("crip.agent", "Nadia Benaïssa", "Agente de la CRIP", RoleCatalogue.CripAgent, s => s.Crip),
        new("evaluateur", "Julien Marchetti", "Travailleur social, évaluateur", RoleCatalogue.Evaluator, s => s.AseNord),
        new("referent.nord", "Claire Dubreuil", "Référente ASE — Territoire Nord", RoleCatalogue.Referent, s => s.AseNord),
        new("referent.sud", "Karim Hadjadj", "Référent ASE — Territoire Sud", RoleCatalogue.Referent, s => s.AseSud),
        new("cadre.ase", "Sophie Lemaire-Castel", "Inspectrice enfance, cadre ASE", RoleCatalogue.Cadre, s => s.AseNord),
        new("educateur.mecs", "Thomas Perrichon", "Éducateur spécialisé", RoleCatalogue.Educator, s => s.Mecs),
        new("chef.mecs", "Isabelle Fourcade", "Cheffe de service éducatif", RoleCatalogue.HeadOfService, s => s.Mecs),
        new("educateur.aemo", "Léa Garnaud", "Éducatrice AEMO/AED", RoleCatalogue.Educator, s => s.OpenSetting),
        new("assistant.familial", "Martine Rollinger", "Assistante familiale", RoleCatalogue.FosterCarer, s => s.FosterCare),
        new("medecin.pmi", "Dr Hélène Vasseur-Nadal", "Médecin de PMI", RoleCatalogue.HealthProfessional, s => s.Pmi),
        new("psychologue.mecs", "Antoine Bessières", "Psychologue", RoleCatalogue.HealthProfessional, s => s.Mecs),
        new("partenaire.mdph", "Sandrine Carrel", "Chargée d'évaluation MDPH", RoleCatalogue.Partner, s => s.Mdph),
        new("partenaire.en", "Olivier Lamberty", "Assistant de service social scolaire", RoleCatalogue.Partner, s => s.School),
        new("observatoire", "Camille Roussel-Ait", "Chargée d'études ODPE", RoleCatalogue.Observatory, s => s.Observatory),
        new("dpo", "François Meunier-Daval", "Délégué à la protection des données", RoleCatalogue.Dpo, s => s.Direction),
        new("admin", "Nathalie Girardot", "Administratrice fonctionnelle", RoleCatalogue.Administrator, s => s.Direction),
        new("crip.collines", "Yasmine Ould-Brahim", "Agente de la CRIP des Collines", RoleCatalogue.CripAgent, s => s.CollinesCrip),
        new("cadre.collines", "Bertrand Salvetat", "Inspecteur enfance, cadre ASE des Collines", RoleCatalogue.Cadre, s => s.CollinesAse),
        new("referent.collines", "Maëlle Guichard", "Référente ASE des Collines", RoleCatalogue.Referent, s => s.CollinesAse),
        new("juge.enfants", "Mme la juge Anne Forestier", "Juge des enfants", RoleCatalogue.CourtClerk, s => s.JuvenileCourt),
        new("greffe.tpe", "Gilles Marchand", "Greffier du tribunal pour enfants", RoleCatalogue.CourtClerk, s => s.JuvenileCourt),
        new("admin.plateforme", "Rémi Castagnet", "Administrateur de la plateforme (tous départements, aucun dossier)", RoleCatalogue.Administrator, s => s.Platform),
    ];

    private static Organisation NewOrganisation(string name, OrganisationKind kind, string? departementCode) =>
        new() { Name = name, Kind = kind, DepartementCode = departementCode };

    private static Service AddService(Organisation organisation, string name, ServiceKind kind, string? finess = null, int? finessCategory = null)
    {
        var service = new Service
        {
            OrganisationId = organisation.Id,
            Name = name,
            Kind = kind,
            Finess = finess,
            FinessCategory = finessCategory,
        };
        organisation.Services.Add(service);
        return service;
    }
}
