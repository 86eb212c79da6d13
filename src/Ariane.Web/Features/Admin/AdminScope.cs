using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin;

/// <summary>
/// What an administrator manages (docs/decisions/0007-tenancy.md, Administration): a platform
/// administrator (a membership in an organisation of kind <see cref="OrganisationKind.Platform"/>)
/// manages everything; an administrator of a département manages the organisations of that département
/// and those that belong to none (associations, whose establishments serve several), and the accounts
/// that work there or nowhere yet; an administrator of an association manages that association only.
/// </summary>
public sealed record AdminReach(bool Platform, IReadOnlyList<string> DepartementCodes, IReadOnlyList<Guid> OwnOrganisationIds)
{
    public IQueryable<Organisation> Organisations(IQueryable<Organisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        if (Platform)
        {
            return organisations;
        }

        var codes = DepartementCodes;
        var own = OwnOrganisationIds;
        var departemental = codes.Count > 0;
        return organisations.Where(o => (o.DepartementCode != null && codes.Contains(o.DepartementCode))
            || (o.DepartementCode == null && o.Kind != OrganisationKind.Platform && departemental)
            || own.Contains(o.Id));
    }

    /// <summary>The accounts managed: those with a membership in a managed organisation, or with none at all.</summary>
    public IQueryable<AppUser> Users(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Platform)
        {
            return db.Users;
        }

        var organisations = Organisations(db.Organisations).Select(o => o.Id);
        return db.Users.Where(u => !db.Memberships.Any(m => m.UserId == u.Id)
            || db.Memberships.Any(m => m.UserId == u.Id && organisations.Contains(m.Service!.OrganisationId)));
    }

    /// <summary>A département code an organisation may be given: any for the platform, else one's own (or none).</summary>
    public bool MayUseDepartementCode(string? code) => Platform || code is null || DepartementCodes.Contains(code);
}

public sealed class AdminScope(AppDbContext db, CurrentUser currentUser)
{
    /// <summary>Null when the user holds <paramref name="permission"/> nowhere.</summary>
    public async Task<AdminReach?> ForAsync(Permission permission, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var serviceIds = subject.Grants.Where(g => g.Role.Has(permission)).Select(g => g.ServiceId).Distinct().ToList();
        if (serviceIds.Count == 0)
        {
            return null;
        }

        var organisations = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.OrganisationId, s.Organisation!.Kind, s.Organisation.DepartementCode })
            .ToListAsync(cancellationToken);
        return new AdminReach(
            organisations.Any(o => o.Kind == OrganisationKind.Platform),
            [.. organisations.Where(o => o.DepartementCode is not null).Select(o => o.DepartementCode!).Distinct()],
            [.. organisations.Select(o => o.OrganisationId).Distinct()]);
    }
}
