using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Audit;

/// <summary>
/// What the DPO and the cadres oversee (docs/decisions/0007-tenancy.md, Oversight): each département is
/// the controller of its own children's data, so its DPO searches its own audit chain and the rows about
/// its children (whichever chain they were written to, such as before a transfer in), the platform rows
/// (sign-ins) of the accounts that work in the département, and its cadres
/// receive the break-the-glass alerts on its children only. The platform's DPO searches the platform
/// chain (sign-ins, platform administration) and no child's rows.
/// </summary>
public sealed record AuditReach(bool Platform, IReadOnlyList<string> DepartementCodes)
{
    public IQueryable<AuditRecord> Records(AppDbContext db, IQueryable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        var codes = DepartementCodes;
        var platform = Platform;
        var children = Children(db.Children).Select(c => c.Id);
        var staff = db.Memberships.Where(m => m.Service!.Organisation!.DepartementCode != null && codes.Contains(m.Service.Organisation.DepartementCode))
            .Select(m => m.UserId);
        return records.Where(r => codes.Contains(r.Chain)
            || (r.Chain == AuditChains.Platform && (platform || (r.UserId != null && staff.Contains(r.UserId.Value))))
            || (r.ChildId != null && children.Contains(r.ChildId.Value)));
    }

    /// <summary>The children overseen: those of the reach's départements, now.</summary>
    public IQueryable<Core.Children.Child> Children(IQueryable<Core.Children.Child> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var codes = DepartementCodes;
        return children.Where(c => codes.Contains(c.ResponsibleDepartementCode));
    }
}

public sealed class AuditScope(AppDbContext db, CurrentUser currentUser)
{
    /// <summary>Null when the user holds <paramref name="permission"/> nowhere.</summary>
    public async Task<AuditReach?> ForAsync(Permission permission, CancellationToken cancellationToken) =>
        await GrantPlaces.ForAsync(db, await currentUser.SubjectAsync(cancellationToken), permission, cancellationToken) is { } places
            ? new AuditReach(places.Platform, places.DepartementCodes)
            : null;
}
