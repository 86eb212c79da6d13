using Ariane.Core.Children;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Persistence.Audit;
using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Demo;

/// <summary>A demo login, as shown on the demo page.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string RoleName, string ServiceName);

/// <summary>
/// Seeds the fictional "Département de la Vallée": its organisations and services, one demo account per
/// persona and a deterministic set of fictional children with their families and assignments. Runs once:
/// when demo accounts already exist it only lists them. Everything is written in one transaction, so a
/// failed run leaves nothing behind and the next start tries again.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider time, ILogger<DemoSeeder> logger)
{
    /// <summary>The seed of the generator: the same dataset on every machine.</summary>
    public const int RandomSeed = 20261122;

    /// <summary>Children written per SaveChanges: each save also writes their hash-chained audit rows.</summary>
    private const int BatchSize = 200;

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
                "Demo dataset seeded in {ElapsedMs} ms: {Accounts} accounts, {Children} children, {LinkedPersons} linked persons, {ServiceAssignments} service assignments, {WorkerAssignments} worker assignments.",
                (long)time.GetElapsedTime(started).TotalMilliseconds,
                DemoStructure.Accounts.Count,
                children.Count,
                children.Sum(c => c.LinkedPersons.Count),
                children.Sum(c => c.ServiceAssignments.Count),
                children.Sum(c => c.WorkerAssignments.Count));
        }
        finally
        {
            db.Audit.Actor = previousActor;
        }

        return await ListAccountsAsync(ct);
    }

    private async Task<IReadOnlyList<Child>> SeedInTransactionAsync(int childCount, string password, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var structure = new DemoStructure();
        var userIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var memberships = new List<Membership>();
        foreach (var spec in DemoStructure.Accounts)
        {
            var user = await CreateUserAsync(spec, password, now);
            userIds[spec.UserName] = user.Id;
            memberships.Add(new Membership
            {
                UserId = user.Id,
                ServiceId = spec.Service(structure).Id,
                RoleCode = spec.RoleCode,
                CreatedAt = now,
            });
        }

        db.Organisations.AddRange(structure.Organisations);
        db.Memberships.AddRange(memberships);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation(
            "Demo structure created: {Organisations} organisations, {Services} services, {Memberships} memberships.",
            structure.Organisations.Count, structure.ServiceCount, memberships.Count);

        var today = DateOnly.FromDateTime(now);
        var generator = new DemoChildGenerator(new Random(RandomSeed), today, structure, userIds);
        var children = generator.Generate(childCount);
        foreach (var batch in children.Chunk(BatchSize))
        {
            db.Children.AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return children;
    }

    private async Task<AppUser> CreateUserAsync(DemoAccountSpec spec, string password, DateTime now)
    {
        var user = new AppUser
        {
            UserName = spec.UserName,
            DisplayName = spec.DisplayName,
            JobTitle = spec.JobTitle,
            IsActive = true,
            IsDemoAccount = true,
            CreatedAt = now,
            TwoFactorEnabled = false,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException($"Demo account '{spec.UserName}' could not be created: {errors}");
        }

        return user;
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
