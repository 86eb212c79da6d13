using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

public enum UserStatusFilter
{
    All = 0,
    Active = 1,
    Inactive = 2,
}

public enum UserState
{
    Active,
    Deactivated,
    Locked,
}

public sealed class SearchUsersRequest
{
    [StringLength(100, ErrorMessage = "La recherche ne peut dépasser 100 caractères.")]
    [Display(Name = "Nom ou identifiant")]
    public string? Q { get; set; }

    [Display(Name = "État")]
    public UserStatusFilter Status { get; set; }

    /// <summary>Keyset cursor: the normalized identifier of the last account of the previous page.</summary>
    [StringLength(256, ErrorMessage = "Curseur de page invalide.")]
    public string? After { get; set; }
}

public sealed record UserRow(
    Guid Id, string UserName, string DisplayName, string? JobTitle, bool TwoFactorEnabled, UserState State, bool IsDemo,
    IReadOnlyList<string> Memberships);

public sealed record UserPage(IReadOnlyList<UserRow> Items, string? NextAfter);

/// <summary>Lists accounts by identifier, 50 a page (keyset, in SQL), with their memberships: two queries per page.</summary>
public sealed class SearchUsers(AppDbContext db, AdminScope scope, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<Result<UserPage>> HandleAsync(SearchUsersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reach = await scope.ForAsync(Permission.ManageUsers, cancellationToken);
        if (reach is null)
        {
            return Result<UserPage>.Forbidden();
        }

        var errors = Validation.Check(request);
        if (errors.Count > 0)
        {
            return Result<UserPage>.Invalid(errors);
        }

        var query = reach.Users(db).AsNoTracking();
        query = request.Status switch
        {
            UserStatusFilter.Active => query.Where(u => u.IsActive),
            UserStatusFilter.Inactive => query.Where(u => !u.IsActive),
            _ => query,
        };
        if (request.Q?.Trim() is { Length: > 0 } q)
        {
            var pattern = "%" + EscapeLike(q.ToUpperInvariant()) + "%";
#pragma warning disable CA1304, CA1311 // Translated to SQL UPPER(): the display name has no normalized column.
            query = query.Where(u => EF.Functions.Like(u.NormalizedUserName!, pattern, "\\")
                || EF.Functions.Like(u.NormalizedEmail!, pattern, "\\")
                || EF.Functions.Like(u.DisplayName.ToUpper(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }

        if (!string.IsNullOrEmpty(request.After))
        {
            var after = request.After;
#pragma warning disable CA1309 // Translated to SQL: the database's ordering, the same one ORDER BY uses.
            query = query.Where(u => string.Compare(u.NormalizedUserName, after) > 0);
#pragma warning restore CA1309
        }

        var rows = await query
            .OrderBy(u => u.NormalizedUserName)
            .Take(PageSize + 1)
            .Select(u => new { u.Id, u.UserName, u.NormalizedUserName, u.DisplayName, u.JobTitle, u.TwoFactorEnabled, u.IsActive, u.LockoutEnd, u.IsDemoAccount })
            .ToListAsync(cancellationToken);
        var shown = rows.Take(PageSize).ToList();
        var ids = shown.Select(r => r.Id).ToList();
        var memberships = (await db.Memberships.AsNoTracking()
                .Where(m => ids.Contains(m.UserId))
                .Select(m => new { m.UserId, Service = m.Service!.Name, Role = m.Role!.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.UserId, m => $"{m.Service} — {m.Role}");

        var now = time.GetUtcNow();
        var items = shown.Select(r => new UserRow(
                r.Id, r.UserName ?? string.Empty, r.DisplayName, r.JobTitle, r.TwoFactorEnabled,
                !r.IsActive ? UserState.Deactivated : r.LockoutEnd > now ? UserState.Locked : UserState.Active,
                r.IsDemoAccount, [.. memberships[r.Id].Order(FrenchOrder.Comparer)]))
            .ToList();
        var next = rows.Count > PageSize ? shown[^1].NormalizedUserName : null;
        return Result<UserPage>.Ok(new UserPage(items, next));
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
