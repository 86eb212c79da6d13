using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.IntegrationTests.Admin;

/// <summary>
/// Two administrators adding the same membership at the same instant both pass the duplicate check;
/// the unique index refuses the second, and the handlers must recognise it on either database.
/// </summary>
public abstract class UniqueViolationTests(ArianeApp app)
{
    [Fact]
    public async Task A_duplicate_membership_is_recognised_as_a_unique_violation()
    {
        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var existing = await db.Memberships.AsNoTracking().FirstAsync(m => m.UserId == app.World.Users["partner"]);
            db.Memberships.Add(new Membership { UserId = existing.UserId, ServiceId = existing.ServiceId, RoleCode = RoleCatalogue.Partner, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));
        Assert.True(DbErrors.IsUniqueViolation(exception), exception.InnerException?.GetType().Name);
    }
}

public sealed class UniqueViolationTests_Sqlite(SqliteApp app) : UniqueViolationTests(app), IClassFixture<SqliteApp>;

public sealed class UniqueViolationTests_Postgres(PostgresApp app) : UniqueViolationTests(app), IClassFixture<PostgresApp>;
