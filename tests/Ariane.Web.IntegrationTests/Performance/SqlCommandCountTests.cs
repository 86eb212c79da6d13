using Ariane.Core.Children;
using Ariane.Web.IntegrationTests.Infrastructure;

namespace Ariane.Web.IntegrationTests.Performance;

/// <summary>
/// A page or an API answer issues a bounded number of SQL commands (docs/performance.md, T4): the main
/// requests are counted with 60 matching children (more than a page), then again after 400 more, and the counts must be
/// the same. Each request is counted twice and the smaller count kept, so that a background job's command
/// (the export of audit heads) cannot make the test fail; a count that grows with the data still does.
/// </summary>
public abstract class SqlCommandCountTests(ArianeApp app)
{
    private const string Name = "Martinot";

    [Fact]
    public async Task The_main_requests_issue_as_many_SQL_commands_with_400_more_children()
    {
        var first = await AddChildrenAsync(60);
        var small = await CountAsync(first);
        await AddChildrenAsync(400);
        var large = await CountAsync(first);

        Assert.Equal(small, large);
        // The record page is composed of the handlers of each card (identity, IPs, measures and places, contact rights),
        // each opening the record through the access policy and writing its own audit row: more commands, but as many
        // for one child as for 460.
        Assert.All(small, c => Assert.InRange(c.Value, 1, c.Key == "record page" ? 40 : 30));
    }

    private async Task<SortedDictionary<string, long>> CountAsync(Guid child)
    {
        var crip = await app.ApiAsync("crip");
        var referent = await app.ApiAsync("referent");
        var web = await app.WebAsync("referent");
        var page = await Json.ReadAsync(await crip.GetAsync("/api/v1/children?pageSize=5"));
        var cursor = page.GetProperty("nextCursor").GetString();
        var requests = new (string Name, HttpClient Client, string Url)[]
        {
            ("search, département user", crip, $"/api/v1/children?q={Name}&pageSize=10"),
            ("search, service user", referent, $"/api/v1/children?q={Name}&pageSize=10"),
            ("list, second page", crip, "/api/v1/children?pageSize=5&after=" + Uri.EscapeDataString(cursor!)),
            ("open record, département user", crip, $"/api/v1/children/{child}"),
            ("open record, service user", referent, $"/api/v1/children/{child}"),
            ("search page", web, $"/Children?q={Name}"),
            ("record page", web, $"/Children/Details/{child}"),
        };
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, client, url) in requests)
        {
            var fewest = long.MaxValue;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var before = app.SqlCommands.Count;
                using var response = await client.GetAsync(url);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                fewest = Math.Min(fewest, app.SqlCommands.Count - before);
            }

            counts[name] = fewest;
        }

        return counts;
    }

    /// <summary>Children named <see cref="Name"/>, assigned to the referent's service, each with a mother and an address.</summary>
    private Task<Guid> AddChildrenAsync(int count) => app.WithDbAsync(async db =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var children = Enumerable.Range(0, count).Select(i =>
        {
            var child = new Child
            {
                BirthName = Name,
                FirstNames = $"Enfant{Guid.NewGuid().ToString("N")[..6]}",
                Sex = Sex.Female,
                BirthDate = new PartialDate(2015, 1 + (i % 12), 1 + (i % 28)),
                ResponsibleDepartementCode = TestWorld.Departement,
            };
            child.LinkedPersons.Add(new LinkedPerson { ChildId = child.Id, Relation = PersonRelation.Mother, LastName = Name, FirstNames = "Sophie", BirthDate = new PartialDate(1985, 3, 4), HasParentalAuthority = true });
            child.Addresses.Add(new ChildAddress { ChildId = child.Id, Line = "3 rue des Tests", City = "Valcourt", PostalCode = "98000", From = today.AddYears(-1) });
            child.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = app.World.Services["nord"], StartsOn = today.AddDays(-30) });
            return child;
        }).ToList();
        db.Children.AddRange(children);
        await db.SaveChangesAsync();
        return children[0].Id;
    });
}

public sealed class SqlCommandCountTests_Sqlite(SqliteApp app) : SqlCommandCountTests(app), IClassFixture<SqliteApp>;

public sealed class SqlCommandCountTests_Postgres(PostgresApp app) : SqlCommandCountTests(app), IClassFixture<PostgresApp>;
