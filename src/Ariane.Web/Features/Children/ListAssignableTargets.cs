using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

public sealed record AssignableService(Guid Id, string Name, string OrganisationName);

public sealed record AssignableUser(Guid Id, string DisplayName, string? JobTitle, string? ServiceName);

public sealed record AssignableTargets(IReadOnlyList<AssignableService> Services, IReadOnlyList<AssignableUser> Users);

/// <summary>
/// The active services (by organisation) and active professionals that can be assigned to a child or
/// receive a delegation: choices for the forms, no child data. Empty for users who may do neither.
/// Two queries whatever the size.
/// Only those who work with children are offered:
/// <list type="bullet">
/// <item>a professional holds at least one role, in an active service, whose scope reaches children's records
/// (not only <see cref="AccessScope.None"/> roles such as the DPO, the administrator or the observatory: assigned or
/// delegated, they still could not read the record);</item>
/// <item>a service is not of a kind that works on the organisation rather than with children
/// (<see cref="ServiceKind.Administration"/>, <see cref="ServiceKind.Observatory"/>), and if it has members, at least
/// one of them holds such a role. The kind decides for a service that has no members yet (a new establishment
/// can be assigned before its staff have accounts); the members' roles catch a service of another kind that
/// only hosts the DPO or the administrator.</item>
/// </list>
/// </summary>
public sealed class ListAssignableTargets(AppDbContext db, CurrentUser currentUser)
{
    public async Task<AssignableTargets> HandleAsync(CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Has(Permission.ManageAssignments) && !subject.Has(Permission.Delegate))
        {
            return new AssignableTargets([], []);
        }

        var services = await db.Services.AsNoTracking()
            .Where(s => s.IsActive && s.Kind != ServiceKind.Administration && s.Kind != ServiceKind.Observatory)
            .Where(s => !db.Memberships.Any(m => m.ServiceId == s.Id)
                || db.Memberships.Any(m => m.ServiceId == s.Id && m.Role!.Scope != AccessScope.None))
            .Select(s => new AssignableService(s.Id, s.Name, s.Organisation!.Name))
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .Where(u => db.Memberships.Any(m => m.UserId == u.Id && m.Service!.IsActive && m.Role!.Scope != AccessScope.None))
            .Select(u => new AssignableUser(u.Id, u.DisplayName, u.JobTitle,
                db.Memberships.Where(m => m.UserId == u.Id && m.Service!.IsActive && m.Role!.Scope != AccessScope.None).OrderBy(m => m.CreatedAt).Select(m => m.Service!.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new AssignableTargets(
            services.OrderBy(s => s.OrganisationName, StringComparer.CurrentCulture).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList(),
            users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList());
    }
}
