using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Ariane.Core.Children;
using Ariane.Web.Features.Demo;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Modules;

/// <summary>
/// The demo dataset is assembled from the seed steps the modules contribute. Whatever their number, it must
/// be the same fiction on every machine and every run: same départements, accounts, children, families and
/// assignments (compared without the random ids and the timestamps).
/// </summary>
public sealed class DemoDatasetTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int Children = 250;

    /// <summary>The second département's caseload for 250 Vallée children (one in twenty, at least eight).</summary>
    private const int CollinesChildren = 12;

    [Fact]
    public async Task The_demo_dataset_is_the_same_on_every_run()
    {
        var first = await SeedAndFingerprintAsync(app);
        var other = new SqliteApp();
        await ((IAsyncLifetime)other).InitializeAsync();
        try
        {
            var second = await SeedAndFingerprintAsync(other);
            Assert.Equal(first.Summary, second.Summary);
            Assert.Equal(first.Hash, second.Hash);
            Console.WriteLine($"Demo dataset fingerprint: {first.Summary} {first.Hash}");
        }
        finally
        {
            await ((IAsyncLifetime)other).DisposeAsync();
        }

        Assert.Contains($"children={Children + CollinesChildren}", first.Summary, StringComparison.Ordinal);

        // Two départements: Les Collines' children are theirs, and some are placed at the MECS Les Tilleuls,
        // which serves both; its educator's service follows children of both départements.
        var byDepartement = await app.WithDbAsync(db => db.Children.GroupBy(c => c.ResponsibleDepartementCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        // (The test world's own children are of « 98 » and « 97 »; the demo's Vallée is « 99 ».)
        Assert.Equal(Children, byDepartement["99"]);
        var mecsDepartements = await app.WithDbAsync(db => db.ServiceAssignments
            .Where(a => a.Service!.Name == "MECS Les Tilleuls" && a.EndsOn == null)
            .Join(db.Children, a => a.ChildId, c => c.Id, (a, c) => c.ResponsibleDepartementCode).Distinct().ToListAsync());
        Assert.Equal(["98", "99"], mecsDepartements.Order(StringComparer.Ordinal));
        Assert.Contains("accounts=", first.Summary, StringComparison.Ordinal);
    }

    private static async Task<(string Summary, string Hash)> SeedAndFingerprintAsync(ArianeApp target)
    {
        await using var scope = target.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ariane.Persistence.AppDbContext>();
        // The test world's accounts step aside: its demo account would make the seeder believe the dataset is
        // already there, and some of its logins are also demo logins. This fixture serves this test only.
        await db.Users.ExecuteUpdateAsync(s => s
            .SetProperty(u => u.IsDemoAccount, false)
            .SetProperty(u => u.UserName, u => "test." + u.UserName)
            .SetProperty(u => u.NormalizedUserName, u => "TEST." + u.NormalizedUserName));
        var before = await db.Children.Select(c => c.Id).ToListAsync();
        var usersBefore = await db.Users.Select(u => u.Id).ToListAsync();
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider, new FixedTime());
        var accounts = await seeder.SeedAsync(Children, TestWorld.Password, CancellationToken.None);

        var services = await db.Services.AsNoTracking().Include(s => s.Organisation).ToDictionaryAsync(s => s.Id, s => $"{s.Organisation!.Name}/{s.Name}");
        var users = await db.Users.AsNoTracking().Where(u => !usersBefore.Contains(u.Id)).ToListAsync();
        var userNames = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName ?? string.Empty);
        var memberships = await db.Memberships.AsNoTracking().Where(m => !usersBefore.Contains(m.UserId)).ToListAsync();
        var children = await db.Children.AsNoTracking().Where(c => !before.Contains(c.Id))
            .Include(c => c.LinkedPersons).Include(c => c.Addresses).Include(c => c.ServiceAssignments).Include(c => c.WorkerAssignments)
            .AsSplitQuery().ToListAsync();

        var lines = new List<string>();
        lines.AddRange(services.Values.Select(s => "service " + s));
        lines.AddRange(users.Select(u => $"user {u.UserName} {u.DisplayName} {u.JobTitle} {u.IsActive} {u.TwoFactorEnabled}"));
        lines.AddRange(memberships.Select(m => $"membership {userNames[m.UserId]} {services[m.ServiceId]} {m.RoleCode}"));
        lines.AddRange(children.Select(c => string.Join(" / ",
            new[] { "child " + Scalars(c) }
                .Concat(c.LinkedPersons.Select(p => "person " + Scalars(p)).Order(StringComparer.Ordinal))
                .Concat(c.Addresses.Select(a => "address " + Scalars(a)).Order(StringComparer.Ordinal))
                .Concat(c.ServiceAssignments.Select(a => $"service {services[a.ServiceId]} " + Scalars(a)).Order(StringComparer.Ordinal))
                .Concat(c.WorkerAssignments.Select(a => $"worker {userNames[a.UserId]} " + Scalars(a)).Order(StringComparer.Ordinal)))));
        lines.Sort(StringComparer.Ordinal);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        var summary = $"accounts={accounts.Count} users={users.Count} children={children.Count} persons={children.Sum(c => c.LinkedPersons.Count)} "
            + $"addresses={children.Sum(c => c.Addresses.Count)} services={children.Sum(c => c.ServiceAssignments.Count)} workers={children.Sum(c => c.WorkerAssignments.Count)}";
        return (summary, hash);
    }

    /// <summary>Every plain value of an entity, in a stable order; ids (random) and instants (the clock) left out.</summary>
    private static string Scalars(object entity) => string.Join(";", entity.GetType()
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
        .Where(p => IsPlain(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => $"{p.Name}={Convert.ToString(p.GetValue(entity), CultureInfo.InvariantCulture)}"));

    private static bool IsPlain(Type t) => t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(DateOnly) || t == typeof(PartialDate);

    /// <summary>The seed's "today": a fixed day, so that ages and dates do not move with the calendar.</summary>
    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    }
}
