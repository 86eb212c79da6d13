using Ariane.Core.Organisations;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Demo;

/// <summary>The administration module's part: organisations, services, one account per persona and its membership.</summary>
internal static class DemoStructureStep
{
    public static async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var structure = context.Structure;
        var memberships = new List<Membership>();
        foreach (var spec in DemoStructure.Accounts)
        {
            var user = await CreateUserAsync(context, spec);
            context.UserIds[spec.UserName] = user.Id;
            memberships.Add(new Membership
            {
                UserId = user.Id,
                ServiceId = spec.Service(structure).Id,
                RoleCode = spec.RoleCode,
                CreatedAt = context.Now,
            });
        }

        db.Organisations.AddRange(structure.Organisations);
        db.Memberships.AddRange(memberships);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        context.Logger.LogInformation(
            "Demo structure created: {Organisations} organisations, {Services} services, {Memberships} memberships.",
            structure.Organisations.Count, structure.ServiceCount, memberships.Count);
    }

    private static async Task<AppUser> CreateUserAsync(DemoSeedContext context, DemoAccountSpec spec)
    {
        var user = new AppUser
        {
            UserName = spec.UserName,
            DisplayName = spec.DisplayName,
            JobTitle = spec.JobTitle,
            IsActive = true,
            IsDemoAccount = true,
            CreatedAt = context.Now,
            TwoFactorEnabled = false,
        };
        var result = await context.Users.CreateAsync(user, context.Password);
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException($"Demo account '{spec.UserName}' could not be created: {errors}");
        }

        return user;
    }
}

/// <summary>The child record module's part: the children with their families, addresses and assignments.</summary>
internal static class DemoChildrenStep
{
    /// <summary>Children written per SaveChanges: each save also writes their hash-chained audit rows.</summary>
    private const int BatchSize = 200;

    public static async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var generator = new DemoChildGenerator(new Random(DemoSeeder.RandomSeed), context.Today, context.Structure, context.UserIds);
        var children = generator.Generate(context.ChildCount);
        foreach (var batch in children.Chunk(BatchSize))
        {
            context.Db.Children.AddRange(batch);
            await context.Db.SaveChangesAsync(ct);
            context.Db.ChangeTracker.Clear();
        }

        context.Children.AddRange(children);
        context.Logger.LogInformation(
            "Demo children created: {Children} children, {LinkedPersons} linked persons, {ServiceAssignments} service assignments, {WorkerAssignments} worker assignments.",
            children.Count,
            children.Sum(c => c.LinkedPersons.Count),
            children.Sum(c => c.ServiceAssignments.Count),
            children.Sum(c => c.WorkerAssignments.Count));
    }
}
