using Ariane.Core.Children;
using Ariane.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ariane.Persistence;

/// <summary>
/// Gives each new child its dossier number (<see cref="DossierNumbers"/>) inside the transaction that
/// saves it, whoever creates it (the create handler, the demo seeder, an import): a number exists for
/// every stored child, and the audit row of its creation carries it.
/// <para>
/// The sequence is a counter row per département and year, moved by one atomic statement (insert, or
/// add to the existing row) that returns the new value. On PostgreSQL the statement locks the row until
/// the transaction ends, so a second creation waits and takes the next number; SQLite has one writer at a
/// time. A transaction that fails takes its increment back with it, so no number is given twice nor,
/// short of a deletion, skipped; the unique index on the number is the last guard.
/// </para>
/// </summary>
internal static class DossierNumbering
{
    /// <summary>The code used when no département organisation with a code exists: the demo's fictional « 99 ».</summary>
    public const string FallbackDepartementCode = "99";

    public static List<Child> Unnumbered(ChangeTracker tracker) =>
        [.. tracker.Entries<Child>().Where(e => e.State == EntityState.Added && string.IsNullOrEmpty(e.Entity.DossierNumber)).Select(e => e.Entity)];

    /// <summary>Numbers <paramref name="children"/> in the order they were added, one counter move per year.</summary>
    public static async Task AssignAsync(AppDbContext db, IReadOnlyList<Child> children, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return;
        }

        var departement = await DepartementCodeAsync(db, cancellationToken);
        foreach (var year in children.GroupBy(c => DossierNumbers.YearOf(c.CreatedAt)))
        {
            var count = year.Count();
            var last = await ReserveAsync(db, departement, year.Key, count, cancellationToken);
            var next = last - count + 1;
            foreach (var child in year)
            {
                child.DossierNumber = DossierNumbers.Format(departement, year.Key, next++);
            }
        }
    }

    /// <summary>Takes back numbers given in a transaction that did not commit, so that a retried save asks again.</summary>
    public static void Forget(IReadOnlyList<Child> children)
    {
        foreach (var child in children)
        {
            child.DossierNumber = string.Empty;
        }
    }

    /// <summary>
    /// The département whose sequence numbers a new record. One département per installation today: its
    /// organisation (the first created if there are several). Multi-département tenancy replaces this
    /// with the département the record belongs to; the migration that numbered the existing records used
    /// the same rule.
    /// </summary>
    private static async Task<string> DepartementCodeAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Departement && o.DepartementCode != null && o.DepartementCode != string.Empty)
            .OrderBy(o => o.Id)
            .Select(o => o.DepartementCode)
            .FirstOrDefaultAsync(cancellationToken)
        ?? FallbackDepartementCode;

    /// <summary>Moves the counter by <paramref name="count"/> and returns its new value: the last number reserved.</summary>
    private static async Task<int> ReserveAsync(AppDbContext db, string departement, int year, int count, CancellationToken cancellationToken)
    {
        // Plain SQL understood alike by PostgreSQL (9.5+) and SQLite (3.35+): an upsert that returns the row.
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO "DossierCounters" ("DepartementCode", "Year", "LastNumber") VALUES ({departement}, {year}, {count})
            ON CONFLICT ("DepartementCode", "Year") DO UPDATE SET "LastNumber" = "DossierCounters"."LastNumber" + excluded."LastNumber"
            RETURNING "LastNumber" AS "Value"
            """).ToListAsync(cancellationToken);
        return values.Single();
    }
}
