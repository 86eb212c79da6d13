using Ariane.Core.Access;
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
            .Where(s => s.IsActive)
            .Select(s => new AssignableService(s.Id, s.Name, s.Organisation!.Name))
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .Select(u => new AssignableUser(u.Id, u.DisplayName, u.JobTitle,
                db.Memberships.Where(m => m.UserId == u.Id && m.Service!.IsActive).OrderBy(m => m.CreatedAt).Select(m => m.Service!.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new AssignableTargets(
            services.OrderBy(s => s.OrganisationName, StringComparer.CurrentCulture).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList(),
            users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList());
    }
}
