using System.Globalization;
using Ariane.Core.Concerns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ariane.Persistence;

/// <summary>
/// Gives each new IP its CRIP number (« IP-99-2026-000123 ») inside the transaction that saves it, from
/// the same counter table as the dossier numbers (<see cref="DossierNumbering"/>), in its own sequence per
/// département and year (counter key « IP99 »): the number said on the phone and printed on the
/// acknowledgement is known when the IP is stored, and never given twice.
/// </summary>
internal static class ConcernNumbering
{
    public static List<Concern> Unnumbered(ChangeTracker tracker) =>
        [.. tracker.Entries<Concern>().Where(e => e.State == EntityState.Added && string.IsNullOrEmpty(e.Entity.Number)).Select(e => e.Entity)];

    public static async Task AssignAsync(AppDbContext db, IReadOnlyList<Concern> concerns, CancellationToken cancellationToken)
    {
        foreach (var group in concerns.GroupBy(c => (c.DepartementCode, Year: Core.Children.DossierNumbers.YearOf(c.ReceivedAt))))
        {
            var count = group.Count();
            var last = await DossierNumbering.ReserveAsync(db, "IP" + group.Key.DepartementCode, group.Key.Year, count, cancellationToken);
            var next = last - count + 1;
            foreach (var concern in group)
            {
                concern.Number = string.Create(CultureInfo.InvariantCulture, $"IP-{group.Key.DepartementCode}-{group.Key.Year:0000}-{next++:000000}");
            }
        }
    }

    public static void Forget(IReadOnlyList<Concern> concerns)
    {
        foreach (var concern in concerns)
        {
            concern.Number = string.Empty;
        }
    }
}
