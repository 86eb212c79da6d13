using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Persistence.Identity;

namespace Ariane.Bench.Generator;

/// <summary>A professional account of the generated dataset, with the one membership it has.</summary>
internal sealed record GeneratedUser(AppUser User, Membership Membership);

/// <summary>An ASE territory and the référents who follow its children.</summary>
internal sealed record Territory(Service Service, IReadOnlyList<GeneratedUser> Referents);

/// <summary>A MECS of an association (no département of its own), located in one département, with its educators.</summary>
internal sealed record Mecs(Service Service, string LocatedIn, IReadOnlyList<GeneratedUser> Educators);

/// <summary>What one département is made of: its services and the accounts that work there.</summary>
internal sealed record DepartementStructure(
    string Code,
    int Children,
    int Current,
    Organisation Organisation,
    Service Crip,
    Service Direction,
    IReadOnlyList<Territory> Territories,
    GeneratedUser CripAgent,
    GeneratedUser Cadre,
    GeneratedUser Dpo)
{
    /// <summary>The MECS located in this département, of every association.</summary>
    public List<Mecs> Mecs { get; } = [];

    /// <summary>The juvenile court of the département, whose clerk (greffe.&lt;code&gt;) receives the reports in Ariane.</summary>
    public Service? Court { get; set; }
}

/// <summary>
/// The organisations, services and accounts of every département (CRIP, direction, PMI, ASE territories,
/// MDPH), the associations whose MECS serve several départements, and the platform. Account names are
/// predictable so that the bench can sign in: crip.&lt;code&gt;, cadre.&lt;code&gt;, dpo.&lt;code&gt;,
/// referent.&lt;code&gt;.&lt;territory&gt;.&lt;n&gt;, educateur.&lt;code&gt;.&lt;mecs&gt;.&lt;n&gt;, greffe.&lt;code&gt;, admin.plateforme.
/// </summary>
internal sealed class Structure
{
    /// <summary>A référent follows about this many children at a time (the order of magnitude seen in the field).</summary>
    private const int ChildrenPerReferent = 30;

    private readonly string passwordHash;
    private readonly DateTime createdAt;

    public Structure(string passwordHash, DateTime createdAt)
    {
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public List<Organisation> Organisations { get; } = [];

    public List<Service> Services { get; } = [];

    public List<GeneratedUser> Users { get; } = [];

    public List<DepartementStructure> Departements { get; } = [];

    public void Build(IReadOnlyList<(string Code, int Children, int Current)> split)
    {
        var platform = Organisation("Plateforme Ariane", OrganisationKind.Platform, null);
        User(Service(platform, "Administration de la plateforme", ServiceKind.Administration), "admin.plateforme", "Administrateur de la plateforme", RoleCatalogue.Administrator);

        foreach (var (code, children, current) in split)
        {
            var organisation = Organisation($"Département {code}", OrganisationKind.Departement, code);
            var crip = Service(organisation, "CRIP", ServiceKind.IntakeUnit);
            var direction = Service(organisation, "Direction enfance famille", ServiceKind.Administration);
            Service(organisation, "PMI", ServiceKind.Pmi);
            var territoryCount = Math.Max(2, (int)Math.Ceiling(current / 2500.0));
            var territories = new List<Territory>();
            for (var t = 1; t <= territoryCount; t++)
            {
                var service = Service(organisation, $"ASE Territoire {t}", ServiceKind.AseTerritorial);
                var referentCount = Math.Max(2, current / territoryCount / ChildrenPerReferent);
                var referents = Enumerable.Range(1, referentCount)
                    .Select(n => User(service, Invariant($"referent.{code}.{t}.{n}"), Invariant($"Référent {n}, territoire {t} ({code})"), RoleCatalogue.Referent))
                    .ToList();
                territories.Add(new Territory(service, referents));
            }

            var mdph = Organisation($"MDPH {code}", OrganisationKind.Mdph, code);
            Service(mdph, "Équipe pluridisciplinaire", ServiceKind.Mdph);
            Departements.Add(new DepartementStructure(
                code, children, current, organisation, crip, direction, territories,
                User(crip, $"crip.{code}", $"Agent CRIP ({code})", RoleCatalogue.CripAgent),
                User(direction, $"cadre.{code}", $"Cadre ASE ({code})", RoleCatalogue.Cadre),
                User(direction, $"dpo.{code}", $"DPO ({code})", RoleCatalogue.Dpo)));
            var tribunal = Organisation($"Tribunal judiciaire {code}", OrganisationKind.Court, code);
            var court = Service(tribunal, "Tribunal pour enfants", ServiceKind.Court);
            User(court, $"greffe.{code}", $"Greffe du tribunal pour enfants ({code})", RoleCatalogue.CourtClerk);
            Departements[^1].Court = court;
        }

        AddAssociations();
    }

    /// <summary>
    /// One association for every three départements in a row, with MECS in each of them (more in larger
    /// ones): a child of one département may be placed in a MECS located in the next one.
    /// </summary>
    private void AddAssociations()
    {
        for (var first = 0; first < Departements.Count; first += 3)
        {
            var association = Organisation(Invariant($"Association Les Tilleuls {first / 3 + 1}"), OrganisationKind.AssociationGestionnaire, null);
            foreach (var departement in Departements.Skip(first).Take(3))
            {
                var count = 2 + departement.Current / 1500;
                for (var m = 1; m <= count; m++)
                {
                    var service = Service(association, Invariant($"MECS {departement.Code}-{m}"), ServiceKind.Mecs);
                    var educators = Enumerable.Range(1, 3)
                        .Select(n => User(service, Invariant($"educateur.{departement.Code}.{m}.{n}"), Invariant($"Éducateur {n}, MECS {departement.Code}-{m}"), RoleCatalogue.Educator))
                        .ToList();
                    departement.Mecs.Add(new Mecs(service, departement.Code, educators));
                }
            }
        }
    }

    private Organisation Organisation(string name, OrganisationKind kind, string? code)
    {
        var organisation = new Organisation { Id = Guid.CreateVersion7(createdAt), Name = name, Kind = kind, DepartementCode = code };
        Organisations.Add(organisation);
        return organisation;
    }

    private Service Service(Organisation organisation, string name, ServiceKind kind)
    {
        var service = new Service { Id = Guid.CreateVersion7(createdAt), OrganisationId = organisation.Id, Name = name, Kind = kind };
        Services.Add(service);
        return service;
    }

    private GeneratedUser User(Service service, string userName, string displayName, string roleCode)
    {
        // One password hash for all: PBKDF2 is slow by design, and the salt it embeds need not differ for
        // benchmark accounts (docs/performance.md). Two-factor is off: the bench runs the app without it.
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(createdAt),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = displayName,
            PasswordHash = passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = createdAt,
            // Their password is public: like the demo's, these accounts are refused outside demo mode (which,
            // finding demo accounts, seeds nothing more).
            IsDemoAccount = true,
        };
        var membership = new Membership { Id = Guid.CreateVersion7(createdAt), UserId = user.Id, ServiceId = service.Id, RoleCode = roleCode, CreatedAt = createdAt };
        var generated = new GeneratedUser(user, membership);
        Users.Add(generated);
        return generated;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
