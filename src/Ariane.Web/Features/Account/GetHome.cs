using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Account;

/// <summary>One role held in one service, as the home page lists it.</summary>
public sealed record HomeGrant(string RoleName, string ServiceName, string OrganisationName);

/// <summary>What the home page needs: who is signed in, their roles and services, and what they may do. No child data.</summary>
public sealed record HomeView(string DisplayName, IReadOnlyList<HomeGrant> Grants, AccessSubject Subject, int OpenAlerts)
{
    /// <summary>Works with children's records (a scope other than « none »): search, create, delegations.</summary>
    public bool WorksWithChildren => Subject.Grants.Any(g => g.Role.Scope != AccessScope.None);

    public bool Can(Permission permission) => Subject.Has(permission);
}

/// <summary>The home page's facts: the person's display name and each role with its service and organisation (two queries).</summary>
public sealed class GetHome(AppDbContext db, CurrentUser currentUser, Audit.AccessAlerts alerts)
{
    public async Task<HomeView> HandleAsync(CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var userId = subject.UserId;
        var displayName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        // The same memberships as the subject's grants (active service), with the names to show.
        var grants = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Service!.IsActive)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new HomeGrant(m.Role!.Name, m.Service!.Name, m.Service.Organisation!.Name))
            .ToListAsync(cancellationToken);
        if (subject.Grants.Count == 0)
        {
            grants = [];
        }

        var openAlerts = await alerts.OpenCountAsync(cancellationToken);
        return new HomeView(displayName ?? currentUser.UserName ?? string.Empty, grants, subject, openAlerts);
    }
}
