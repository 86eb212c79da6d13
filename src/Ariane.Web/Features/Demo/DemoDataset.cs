using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Demo;

/// <summary>A demo login, as shown on the demo page.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string RoleName, string ServiceName);

/// <summary>
/// Seeds the fictional "Département de la Vallée": its organisations and services, one demo account per
/// persona and a deterministic set of fictional children with their families and assignments, each part
/// written by the seed step of the module it belongs to (<see cref="ModuleCatalogue.DemoSeedSteps"/>). Runs once:
/// when demo accounts already exist it only lists them. Everything is written in one transaction, so a
/// failed run leaves nothing behind and the next start tries again.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider time, ILogger<DemoSeeder> logger)
{
    /// <summary>The seed of the generator: the same dataset on every machine.</summary>
    public const int RandomSeed = 20261122;

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(int childCount, string password, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(childCount);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (await db.Users.AnyAsync(u => u.IsDemoAccount, ct))
        {
            var existing = await ListAccountsAsync(ct);
            logger.LogInformation("Demo dataset already present ({Accounts} demo accounts): not seeded again.", existing.Count);
            return existing;
        }

        var started = time.GetTimestamp();
        var previousActor = db.Audit.Actor;
        db.Audit.Actor = AuditActor.System;
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var children = await strategy.ExecuteAsync(
                async token =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    var written = await SeedInTransactionAsync(childCount, password, token);
                    await transaction.CommitAsync(token);
                    return written;
                },
                ct);

            logger.LogInformation(
                "Demo dataset seeded in {ElapsedMs} ms: {Accounts} accounts, {Children} children ({Steps} steps).",
                (long)time.GetElapsedTime(started).TotalMilliseconds,
                DemoStructure.Accounts.Count,
                children,
                ModuleCatalogue.DemoSeedSteps.Count);
        }
        finally
        {
            db.Audit.Actor = previousActor;
        }

        return await ListAccountsAsync(ct);
    }

    private async Task<int> SeedInTransactionAsync(int childCount, string password, CancellationToken ct)
    {
        var context = new DemoSeedContext(db, users, time.GetUtcNow().UtcDateTime, childCount, password, logger);
        foreach (var step in ModuleCatalogue.DemoSeedSteps)
        {
            await step.RunAsync(context, ct);
        }

        return context.Children.Count;
    }

    private async Task<IReadOnlyList<DemoAccount>> ListAccountsAsync(CancellationToken ct)
    {
        var rows = await (
                from u in db.Users.AsNoTracking()
                where u.IsDemoAccount
                join m in db.Memberships on u.Id equals m.UserId
                join s in db.Services on m.ServiceId equals s.Id
                join r in db.AccessRoles on m.RoleCode equals r.Code
                select new DemoAccount(u.UserName ?? string.Empty, u.DisplayName, r.Name, s.Name))
            .ToListAsync(ct);

        var order = DemoStructure.Accounts
            .Select((spec, index) => (spec.UserName, index))
            .ToDictionary(x => x.UserName, x => x.index, StringComparer.Ordinal);
        return [.. rows
            .OrderBy(a => order.GetValueOrDefault(a.UserName, int.MaxValue))
            .ThenBy(a => a.UserName, StringComparer.Ordinal)
            .ThenBy(a => a.ServiceName, StringComparer.Ordinal)];
    }
}
