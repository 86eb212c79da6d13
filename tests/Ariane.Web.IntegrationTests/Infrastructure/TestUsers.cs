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
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var organisation = new Organisation { Name = $"Organisation {prefix} {roleCode}", Kind = OrganisationKind.AssociationGestionnaire, DepartementCode = TestWorld.Departement };
        var service = new Service { OrganisationId = organisation.Id, Name = $"Service {prefix} {roleCode}", Kind = ServiceKind.Mecs };
        db.Organisations.Add(organisation);
        db.Services.Add(service);
        var userName = $"{prefix}.{roleCode}";
        var user = new AppUser { UserName = userName, DisplayName = $"{prefix} {roleCode}", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestWorld.Password)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        app.World.TotpKeys[userName] = (await users.GetAuthenticatorKeyAsync(user))!;
        await users.SetTwoFactorEnabledAsync(user, true);
        db.Memberships.Add(new Membership { UserId = user.Id, ServiceId = service.Id, RoleCode = roleCode, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (user.Id, service.Id, userName);
    }
}
