using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;

namespace Ariane.Web.Infrastructure.Modules;

/// <summary>
/// One module's part of the demo dataset. Steps run in <paramref name="Order"/> within the seeding transaction;
/// a later step reads what earlier ones wrote from the <see cref="DemoSeedContext"/> (the accounts' ids, the
/// children). A step that draws random values uses its own generator seeded from
/// <see cref="DemoSeeder.RandomSeed"/>, so that adding a step never changes what the others produce.
/// </summary>
public sealed record DemoSeedStep(int Order, string Name, Func<DemoSeedContext, CancellationToken, Task> RunAsync);

/// <summary>What the demo seed steps share: the database, the fictional département, and each step's output.</summary>
public sealed class DemoSeedContext
{
    internal DemoSeedContext(AppDbContext db, UserManager<AppUser> users, DateTime now, int childCount, string password, ILogger logger)
    {
        Db = db;
        Users = users;
        Now = now;
        ChildCount = childCount;
        Password = password;
        Logger = logger;
    }

    public AppDbContext Db { get; }
    public UserManager<AppUser> Users { get; }
    /// <summary>The instant of the seeding (UTC); its date is the dataset's "today".</summary>
    public DateTime Now { get; }
    public DateOnly Today => DateOnly.FromDateTime(Now);
    public int ChildCount { get; }
    /// <summary>The password of every demo account.</summary>
    public string Password { get; }
    public ILogger Logger { get; }

    /// <summary>The fictional "Département de la Vallée": organisations, services and the persona accounts.</summary>
    internal DemoStructure Structure { get; } = new();

    /// <summary>Demo account ids by login, once the accounts step has run.</summary>
    public Dictionary<string, Guid> UserIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The children written, once the children step has run.</summary>
    public List<Child> Children { get; } = [];
}
