using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>
/// A small fictional département seeded through the app's own services: a CRIP, two ASE territories,
/// a MECS, an MDPH and a direction; one account per persona, each with a known TOTP key; and children
/// assigned so that every access path can be exercised.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test-Password-2026!";

    public Dictionary<string, Guid> Users { get; } = [];
    public Dictionary<string, string> TotpKeys { get; } = [];
    public Dictionary<string, Guid> Services { get; } = [];

    public Guid ChildNord { get; private set; }
    public Guid ChildMdph { get; private set; }
    public Guid ChildSud { get; private set; }
    public Guid ChildElodie { get; private set; }
    public Guid ChildLoic { get; private set; }

    /// <summary>A child of the second département (« 97 », des Collines), hosted by the MECS.</summary>
    public Guid ChildCollines { get; private set; }

    public const string Departement = "98";
    public const string OtherDepartement = "97";

    public static async Task<TestWorld> SeedAsync(AppDbContext db, UserManager<AppUser> users)
    {
        var world = new TestWorld();
        var dept = new Organisation { Name = "Département de Test", Kind = OrganisationKind.Departement, DepartementCode = Departement };
        var mdphOrg = new Organisation { Name = "MDPH de Test", Kind = OrganisationKind.Mdph, DepartementCode = Departement };
        var asso = new Organisation { Name = "Association Test", Kind = OrganisationKind.AssociationGestionnaire };
        db.Organisations.AddRange(dept, mdphOrg, asso);
        await db.SaveChangesAsync();
        // A second département, for tenancy: its own CRIP and one child, that the first one must not reach.
        // Created after the first, so that "the installation's département" stays the first one.
        await Task.Delay(5);
        var collines = new Organisation { Name = "Département des Collines", Kind = OrganisationKind.Departement, DepartementCode = OtherDepartement };
        db.Organisations.Add(collines);
        // The operator of the platform: its administrator manages every département, and reads no child.
        var platform = new Organisation { Name = "Plateforme Ariane", Kind = OrganisationKind.Platform };
        db.Organisations.Add(platform);
        Service Add(Organisation org, string key, string name, ServiceKind kind)
        {
            var s = new Service { OrganisationId = org.Id, Name = name, Kind = kind };
            db.Services.Add(s);
            world.Services[key] = s.Id;
            return s;
        }

        Add(dept, "crip", "CRIP de Test", ServiceKind.IntakeUnit);
        Add(dept, "nord", "ASE Nord", ServiceKind.AseTerritorial);
        Add(dept, "sud", "ASE Sud", ServiceKind.AseTerritorial);
        Add(dept, "direction", "Direction", ServiceKind.Administration);
        Add(asso, "mecs", "MECS Test", ServiceKind.Mecs);
        Add(mdphOrg, "mdph", "MDPH Test", ServiceKind.Mdph);
        Add(collines, "crip.collines", "CRIP des Collines", ServiceKind.IntakeUnit);
        Add(platform, "platform", "Exploitation de la plateforme", ServiceKind.Administration);
        // Two juvenile courts: a judge reads only what was sent to hers.
        var court = new Organisation { Name = "Tribunal judiciaire de Test", Kind = OrganisationKind.Court, DepartementCode = Departement };
        var otherCourt = new Organisation { Name = "Tribunal judiciaire voisin", Kind = OrganisationKind.Court, DepartementCode = Departement };
        db.Organisations.AddRange(court, otherCourt);
        Add(court, "tpe", "Tribunal pour enfants", ServiceKind.Court);
        Add(otherCourt, "tpe.other", "Tribunal pour enfants", ServiceKind.Court);
        await db.SaveChangesAsync();

        (string User, string Service, string Role)[] accounts =
        [
            ("crip", "crip", RoleCatalogue.CripAgent),
            ("referent", "nord", RoleCatalogue.Referent),
            ("referent.sud", "sud", RoleCatalogue.Referent),
            ("cadre", "nord", RoleCatalogue.Cadre),
            ("educator", "mecs", RoleCatalogue.Educator),
            ("partner", "mdph", RoleCatalogue.Partner),
            ("health", "mecs", RoleCatalogue.HealthProfessional),
            ("dpo", "direction", RoleCatalogue.Dpo),
            ("admin", "direction", RoleCatalogue.Administrator),
            ("crip.collines", "crip.collines", RoleCatalogue.CripAgent),
            ("admin.platform", "platform", RoleCatalogue.Administrator),
            ("judge", "tpe", RoleCatalogue.CourtClerk),
            ("judge.other", "tpe.other", RoleCatalogue.CourtClerk),
        ];
        foreach (var (userName, service, role) in accounts)
        {
            var user = await CreateUserAsync(users, userName, twoFactor: true, world);
            db.Memberships.Add(new Membership { UserId = user.Id, ServiceId = world.Services[service], RoleCode = role, CreatedAt = DateTime.UtcNow });
        }

        var noFactor = await CreateUserAsync(users, "nofactor", twoFactor: false, world);
        db.Memberships.Add(new Membership { UserId = noFactor.Id, ServiceId = world.Services["nord"], RoleCode = RoleCatalogue.Referent, CreatedAt = DateTime.UtcNow });
        var enrolling = await CreateUserAsync(users, "enrolling", twoFactor: false, world);
        db.Memberships.Add(new Membership { UserId = enrolling.Id, ServiceId = world.Services["nord"], RoleCode = RoleCatalogue.Referent, CreatedAt = DateTime.UtcNow });
        var demo = new AppUser { UserName = "demo.user", DisplayName = "Compte démo", IsDemoAccount = true, CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(demo, Password));
        world.Users["demo.user"] = demo.Id;

        var start = new DateOnly(2024, 1, 1);
        Child NewChild(string birthName, string firstNames, PartialDate birth, params string[] services) =>
            NewChildOf(Departement, birthName, firstNames, birth, services);
        Child NewChildOf(string departement, string birthName, string firstNames, PartialDate birth, params string[] services)
        {
            var child = new Child { BirthName = birthName, FirstNames = firstNames, BirthDate = birth, Sex = Sex.Female, ResponsibleDepartementCode = departement };
            db.Children.Add(child);
            foreach (var s in services)
            {
                db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = world.Services[s], StartsOn = start });
            }

            return child;
        }

        world.ChildNord = NewChild("Bernard", "Camille", new PartialDate(2016, 5, 4), "nord").Id;
        world.ChildMdph = NewChild("Petit", "Jules", new PartialDate(2013, 9, 30), "nord", "mdph").Id;
        world.ChildSud = NewChild("Moreau", "Inès", new PartialDate(2018, 1, 15), "sud").Id;
        world.ChildElodie = NewChild("D'Arc-Dupont", "Élodie Marie", new PartialDate(2015, 3, 12), "nord", "mecs").Id;
        world.ChildLoic = NewChild("Le Goff", "Loïc", new PartialDate(2014, null, null), "sud").Id;
        world.ChildCollines = NewChildOf(OtherDepartement, "Vallonné", "Hortense", new PartialDate(2012, 7, 8), "crip.collines", "mecs").Id;
        db.LinkedPersons.Add(new LinkedPerson { ChildId = world.ChildNord, Relation = PersonRelation.Mother, LastName = "Bernard", FirstNames = "Sophie", HasParentalAuthority = true });
        db.WorkerAssignments.Add(new WorkerAssignment { ChildId = world.ChildNord, UserId = world.Users["referent"], Role = WorkerRole.CaseWorker, StartsOn = start });
        for (var i = 0; i < 30; i++)
        {
            NewChild("Durand", $"Enfant{i:00}", new PartialDate(2010 + (i % 8), 1 + (i % 12), 1 + i), "nord");
        }

        await db.SaveChangesAsync();
        return world;
    }

    private static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string userName, bool twoFactor, TestWorld world)
    {
        var user = new AppUser { UserName = userName, DisplayName = $"Test {userName}", CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(user, Password));
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            world.TotpKeys[userName] = (await users.GetAuthenticatorKeyAsync(user))!;
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        world.Users[userName] = user.Id;
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
