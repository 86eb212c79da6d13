using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ariane.Web.IntegrationTests.Audit;

/// <summary>
/// The model test (docs/architecture.md, Audit): every persisted type says whether the audit records its
/// changes, and every row that carries a child id is child data with a declared section, so that what the
/// audit captures on writes is driven by these declarations (AuditChangeCollector reads nothing else).
/// Walks the EF model: a new module's entities are checked without a change here.
/// </summary>
public abstract class ModelAuditTests(ArianeApp app, ITestOutputHelper output)
{
    private List<Type> EntityTypes()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType).Select(t => t.ClrType).Distinct().ToList();
    }

    /// <summary>Types of ASP.NET Core Identity and other libraries: not ours to annotate.</summary>
    private static bool IsLibraryType(Type type) => type.Assembly != typeof(Entity).Assembly && type.Assembly != typeof(AppDbContext).Assembly;

    [Fact]
    public void Every_entity_that_carries_a_child_id_is_child_data_with_a_declared_section()
    {
        // The audit's own rows name a child, and are no child data of any section: they say so.
        var types = EntityTypes().Where(t => !IsLibraryType(t) && !t.IsDefined(typeof(NotAuditedDataAttribute), inherit: false)).ToList();
        output.WriteLine($"{types.Count} entity types: {string.Join(", ", types.Select(t => t.Name).Order(StringComparer.Ordinal))}");
        var wrong = new List<string>();
        foreach (var type in types)
        {
            var childId = type.GetProperty("ChildId")?.PropertyType;
            var section = type.GetCustomAttributes(typeof(RecordSectionAttribute), inherit: false).Length == 1;
            if (childId == typeof(Guid) && !typeof(IChildData).IsAssignableFrom(type))
            {
                wrong.Add($"{type.Name} has a ChildId but is not IChildData");
            }

            if (childId == typeof(Guid?) && !typeof(IAudited).IsAssignableFrom(type))
            {
                wrong.Add($"{type.Name} may carry a ChildId but is not IAudited");
            }

            if ((childId is not null || typeof(IChildData).IsAssignableFrom(type)) && !section)
            {
                wrong.Add($"{type.Name} carries child data but declares no [RecordSection]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Contains(typeof(Core.Children.Child), types);
    }

    [Fact]
    public void Every_entity_is_audited_or_says_why_not()
    {
        var silent = EntityTypes()
            .Where(t => !IsLibraryType(t))
            .Where(t => !typeof(IAudited).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes(typeof(NotAuditedDataAttribute), inherit: false) is not [NotAuditedDataAttribute { Reason.Length: > 0 }])
            .Select(t => t.Name)
            .ToList();
        Assert.True(silent.Count == 0, "Entities neither IAudited nor [NotAuditedData(reason)]:\n" + string.Join('\n', silent));
    }

    /// <summary>What the declarations drive: the child, the section and the event of a real write.</summary>
    [Fact]
    public async Task A_write_is_audited_against_the_child_in_the_declared_section_with_the_declared_event()
    {
        var child = app.World.ChildNord;
        var since = await app.WithDbAsync(db => db.AuditRecords.MaxAsync(r => r.Sequence));
        await app.WithDbAsync(async db =>
        {
            db.ChildAddresses.Add(new Core.Children.ChildAddress { ChildId = child, Line = "3 rue du Modèle", PostalCode = "99100", City = "Valbourg", From = new DateOnly(2026, 1, 1) });
            db.Delegations.Add(new Delegation
            {
                FromUserId = app.World.Users["referent"],
                ToUserId = app.World.Users["referent.sud"],
                ChildId = child,
                StartsAt = DateTime.UtcNow,
                EndsAt = DateTime.UtcNow.AddDays(1),
                Reason = "Congés",
            });
            return await db.SaveChangesAsync();
        });

        var rows = await app.WithDbAsync(db => db.AuditRecords.AsNoTracking().Where(r => r.Sequence > since).OrderBy(r => r.Sequence)
            .Select(r => new { r.EventType, r.ChildId, r.Section, r.EntityType, r.Details }).ToListAsync());
        var address = Assert.Single(rows, r => r.EntityType == "ChildAddress");
        Assert.Equal((AuditEventType.AddressAdded, child, Section.Identity), (address.EventType, address.ChildId, address.Section));
        Assert.Contains("Valbourg", address.Details, StringComparison.Ordinal);
        // A delegation of one child is on that child's access log.
        var delegation = Assert.Single(rows, r => r.EntityType == "Delegation");
        Assert.Equal((AuditEventType.DelegationGranted, child, Section.Identity), (delegation.EventType, delegation.ChildId, delegation.Section));
    }
}

public sealed class ModelAuditTests_Sqlite(SqliteApp app, ITestOutputHelper output) : ModelAuditTests(app, output), IClassFixture<SqliteApp>;

public sealed class ModelAuditTests_Postgres(PostgresApp app, ITestOutputHelper output) : ModelAuditTests(app, output), IClassFixture<PostgresApp>;
