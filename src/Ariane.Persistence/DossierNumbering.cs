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

    /// <summary>New children still missing their number or their responsible département (an import may bring its own number).</summary>
    public static List<Child> Unnumbered(ChangeTracker tracker) =>
        [.. tracker.Entries<Child>().Where(e => e.State == EntityState.Added
            && (string.IsNullOrEmpty(e.Entity.DossierNumber) || string.IsNullOrEmpty(e.Entity.ResponsibleDepartementCode))).Select(e => e.Entity)];

    /// <summary>Numbers <paramref name="children"/> in the order they were added, one counter move per year.</summary>
    public static async Task AssignAsync(AppDbContext db, IReadOnlyList<Child> children, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return;
        }

        if (children.Any(c => string.IsNullOrEmpty(c.ResponsibleDepartementCode)))
        {
            var installation = await InstallationDepartementCodeAsync(db, cancellationToken);
            foreach (var child in children.Where(c => string.IsNullOrEmpty(c.ResponsibleDepartementCode)))
            {
                child.ResponsibleDepartementCode = installation;
            }
        }

        foreach (var group in children.Where(c => string.IsNullOrEmpty(c.DossierNumber)).GroupBy(c => (Departement: c.ResponsibleDepartementCode, Year: DossierNumbers.YearOf(c.CreatedAt))))
        {
            var count = group.Count();
            var last = await ReserveAsync(db, group.Key.Departement, group.Key.Year, count, cancellationToken);
            var next = last - count + 1;
            foreach (var child in group)
            {
                child.DossierNumber = DossierNumbers.Format(group.Key.Departement, group.Key.Year, next++);
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
    /// A new record is numbered in the sequence of its responsible département. One saved without one (a
    /// creator in an association, an import) takes the installation's: its first département organisation,
    /// the rule by which the migrations numbered and placed the existing records.
    /// </summary>
    private static async Task<string> InstallationDepartementCodeAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Departement && o.DepartementCode != null && o.DepartementCode != string.Empty)
            .OrderBy(o => o.Id)
            .Select(o => o.DepartementCode)
            .FirstOrDefaultAsync(cancellationToken)
        ?? FallbackDepartementCode;

    /// <summary>Moves the counter by <paramref name="count"/> and returns its new value: the last number reserved.</summary>
    internal static async Task<int> ReserveAsync(AppDbContext db, string departement, int year, int count, CancellationToken cancellationToken)
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
