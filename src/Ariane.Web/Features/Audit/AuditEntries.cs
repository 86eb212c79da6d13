using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Audit;

/// <summary>The child an audit row is about, as the DPO identifies it without opening the record: name and dossier number.</summary>
public sealed record AuditChild(Guid Id, string Name, string DossierNumber)
{
    public static AuditChild? Of(Child? child) => child is null ? null : new AuditChild(child.Id, child.DisplayName, child.DossierNumber);
}

/// <summary>A child found by name in the DPO's view, with the birth date that tells namesakes apart.</summary>
public sealed record AuditChildMatch(AuditChild Child, string BirthDate);

/// <summary>
/// One page of audit rows with the people by name and service and the children by name and dossier
/// number: the page's query, then one query each for the people, their services and the children shown.
/// </summary>
internal static class AuditEntries
{
    public static async Task<List<AuditEntryDto>> PageAsync(AppDbContext db, IQueryable<AuditRecord> query, int take, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().OrderByDescending(r => r.Sequence).Take(take)
            .Select(r => new AuditEntryDto(r.Sequence, r.OccurredAt, r.EventType, r.Outcome, r.UserId, r.UserName, r.ChildId, r.Section, r.AccessBasis, r.EntityType, r.Reason, r.IpAddress))
            .ToListAsync(cancellationToken);
        var userIds = rows.Select(r => r.UserId).OfType<Guid>().Distinct().ToList();
        var childIds = rows.Select(r => r.ChildId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var services = (await db.Memberships.AsNoTracking().Where(m => userIds.Contains(m.UserId))
                .Select(m => new { m.UserId, m.Service!.Name }).ToListAsync(cancellationToken))
            .GroupBy(m => m.UserId)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(m => m.Name).Distinct().Order(StringComparer.Ordinal)));
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.BirthName, c.UsageName, c.FirstNames, c.DossierNumber })
            .ToDictionaryAsync(c => c.Id, c => new AuditChild(c.Id, Ariane.Core.Children.Child.NameOf(c.BirthName, c.UsageName, c.FirstNames), c.DossierNumber), cancellationToken);
        return rows.Select(r => r with
        {
            UserDisplayName = r.UserId is { } u ? names.GetValueOrDefault(u) : null,
            UserServices = r.UserId is { } s ? services.GetValueOrDefault(s) : null,
            Child = r.ChildId is { } c ? children.GetValueOrDefault(c) : null,
        }).ToList();
    }
}
