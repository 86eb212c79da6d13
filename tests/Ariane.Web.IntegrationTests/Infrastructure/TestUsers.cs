using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>Accounts made by a test for itself, so that no other test's links to a child can interfere.</summary>
public static class TestUsers
{
    /// <summary>One account with <paramref name="roleCode"/> in a service of its own, with 2FA like every professional.</summary>
    public static async Task<(Guid UserId, Guid ServiceId, string UserName)> CreateUserAsync(this ArianeApp app, string roleCode, string prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        var serviceId = await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Name = $"Organisation {prefix} {roleCode}", Kind = OrganisationKind.AssociationGestionnaire, DepartementCode = TestWorld.Departement };
            var service = new Service { OrganisationId = organisation.Id, Name = $"Service {prefix} {roleCode}", Kind = ServiceKind.Mecs };
            db.Organisations.Add(organisation);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        return (await app.CreateUserInAsync(serviceId, roleCode, prefix), serviceId, $"{prefix}.{roleCode}");
    }

    /// <summary>A département of the test's own (code, name), with one service: for a third party to a transfer.</summary>
    public static Task<Guid> CreateDepartementAsync(this ArianeApp app, string code, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Name = name, Kind = OrganisationKind.Departement, DepartementCode = code };
            var service = new Service { OrganisationId = organisation.Id, Name = $"Direction — {name}", Kind = ServiceKind.Administration };
            db.Organisations.Add(organisation);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
    }

    /// <summary>One account « prefix.role » with <paramref name="roleCode"/> in an existing service, with 2FA.</summary>
    public static async Task<Guid> CreateUserInAsync(this ArianeApp app, Guid serviceId, string roleCode, string prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var userName = $"{prefix}.{roleCode}";
        var user = new AppUser { UserName = userName, DisplayName = $"{prefix} {roleCode}", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestWorld.Password)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        app.World.TotpKeys[userName] = (await users.GetAuthenticatorKeyAsync(user))!;
        await users.SetTwoFactorEnabledAsync(user, true);
        db.Memberships.Add(new Membership { UserId = user.Id, ServiceId = serviceId, RoleCode = roleCode, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return user.Id;
    }
}
