using Ariane.Core.Children;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Demo;

/// <summary>
/// The children of the second demo département, « des Collines » (98): followed by its ASE, and a few of
/// them placed at the MECS Les Tilleuls, which the Vallée's educators also work in. So the demo shows
/// tenancy as users meet it: the Collines' CRIP sees none of La Vallée's children, La Vallée's CRIP none
/// of the Collines', and the MECS educator sees the children of both that are placed with the MECS.
/// </summary>
internal static class DemoCollinesStep
{
    private static readonly DemoCity[] Cities =
    [
        new("Mont-les-Collines", "98100", true),
        new("Saint-Aubin-des-Coteaux", "98200", true),
        new("Bellevue-sur-Crête", "98300", false),
    ];

    /// <summary>A small caseload: enough to search, list and transfer, whatever the Vallée's size.</summary>
    public static int CountFor(int valleeChildren) => valleeChildren == 0 ? 0 : Math.Clamp(valleeChildren / 20, 8, 400);

    public static async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var count = CountFor(context.ChildCount);
        if (count == 0)
        {
            return;
        }

        // Its own seed: the Vallée's dataset stays the same as before the Collines existed.
        var random = new Random(DemoSeeder.RandomSeed + 98);
        var structure = context.Structure;
        var today = context.Today;
        var children = new List<Child>();
        for (var i = 0; i < count; i++)
        {
            var city = Cities[random.Next(Cities.Length)];
            var lastName = DemoNames.LastNames[random.Next(DemoNames.LastNames.Count)];
            var girl = random.NextDouble() < 0.5;
            var firstNames = girl ? DemoNames.GirlFirstNames : DemoNames.BoyFirstNames;
            var born = today.AddDays(-random.Next(365, 17 * 365));
            var child = new Child
            {
                BirthName = lastName,
                FirstNames = firstNames[random.Next(firstNames.Count)],
                Sex = girl ? Sex.Female : Sex.Male,
                BirthDate = new PartialDate(born.Year, born.Month, born.Day),
                BirthPlace = city.Name,
                Nationality = "Française",
                ResponsibleDepartementCode = DemoStructure.CollinesCode,
            };
            var line = $"{random.Next(1, 120)} {DemoNames.Streets[random.Next(DemoNames.Streets.Count)]}";
            child.LinkedPersons.Add(new LinkedPerson
            {
                ChildId = child.Id,
                Relation = PersonRelation.Mother,
                LastName = lastName,
                FirstNames = DemoNames.WomanFirstNames[random.Next(DemoNames.WomanFirstNames.Count)],
                HasParentalAuthority = true,
                AddressLine = line,
                PostalCode = city.PostalCode,
                City = city.Name,
            });
            var followedSince = today.AddDays(-random.Next(30, 2000));
            child.ServiceAssignments.Add(new ServiceAssignment
            {
                ChildId = child.Id,
                ServiceId = structure.CollinesAse.Id,
                StartsOn = followedSince,
                MotiveCode = AssignmentMotiveCatalogue.AseFollowUp,
            });
            child.WorkerAssignments.Add(new WorkerAssignment
            {
                ChildId = child.Id,
                UserId = context.UserIds["referent.collines"],
                Role = WorkerRole.CaseWorker,
                StartsOn = followedSince,
            });

            // One child in three, aged 6 or more, is placed at the MECS of the association both départements use.
            var placed = i % 3 == 0 && today.Year - born.Year >= 6;
            if (placed)
            {
                var since = followedSince.AddDays(random.Next(0, 30));
                child.ServiceAssignments.Add(new ServiceAssignment
                {
                    ChildId = child.Id,
                    ServiceId = structure.Mecs.Id,
                    StartsOn = since > today ? today : since,
                    MotiveCode = AssignmentMotiveCatalogue.Placement,
                });
            }

            child.Addresses.Add(new ChildAddress
            {
                ChildId = child.Id,
                Line = placed ? "MECS Les Tilleuls, 14 allée des Tilleuls" : line,
                PostalCode = placed ? DemoNames.Cities[0].PostalCode : city.PostalCode,
                City = placed ? DemoNames.Cities[0].Name : city.Name,
                From = followedSince,
            });
            children.Add(child);
        }

        context.Db.Children.AddRange(children);
        await context.Db.SaveChangesAsync(ct);
        context.Db.ChangeTracker.Clear();
        context.Children.AddRange(children);
        context.Logger.LogInformation(
            "Demo children of Les Collines created: {Children} children, {Placed} placed at the MECS Les Tilleuls.",
            children.Count, children.Count(c => c.ServiceAssignments.Count > 1));
    }
}
