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
/// manages everything; an administrator of a département manages the organisations of that département;
/// an administrator of an association (an organisation of no département, whose establishments serve
/// several) manages that association only. An account is managed only when every one of its memberships
/// is in a managed organisation: a person who works for two départements, or for a département and an
/// association, is managed by the platform, so that no administrator takes over an account that reads
/// children beyond their reach. An account with no membership at all is the platform's too.
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
        return organisations.Where(o => (o.DepartementCode != null && codes.Contains(o.DepartementCode))
            || (own.Contains(o.Id) && o.Kind != OrganisationKind.Platform));
    }

    /// <summary>The accounts managed: those with at least one membership, all in managed organisations.</summary>
    public IQueryable<AppUser> Users(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Platform)
        {
            return db.Users;
        }

        var organisations = Organisations(db.Organisations).Select(o => o.Id);
        return db.Users.Where(u => db.Memberships.Any(m => m.UserId == u.Id)
            && !db.Memberships.Any(m => m.UserId == u.Id && !organisations.Contains(m.Service!.OrganisationId)));
    }

    /// <summary>Whether a membership in <paramref name="serviceId"/> is within reach (to remove it, for one).</summary>
    public IQueryable<Service> Services(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organisations = Organisations(db.Organisations).Select(o => o.Id);
        return db.Services.Where(s => organisations.Contains(s.OrganisationId));
    }

    /// <summary>
    /// A département code an organisation may be given: any (or none, for an association) by the platform,
    /// else one of one's own; an organisation of no département would be out of its creator's reach.
    /// </summary>
    public bool MayUseDepartementCode(string? code) => Platform || (code is not null && DepartementCodes.Contains(code));
}

public sealed class AdminScope(AppDbContext db, CurrentUser currentUser)
{
    /// <summary>Null when the user holds <paramref name="permission"/> nowhere.</summary>
    public async Task<AdminReach?> ForAsync(Permission permission, CancellationToken cancellationToken) =>
        await GrantPlaces.ForAsync(db, await currentUser.SubjectAsync(cancellationToken), permission, cancellationToken) is { } places
            ? new AdminReach(places.Platform, places.DepartementCodes, places.OrganisationIds)
            : null;
}
