using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Shared;

/// <summary>
/// A page that names the child reads the identity section (docs/security.md, audit): the name is shown only to an
/// identity reader, and that read is on record as the record's page is, with a « fiche consultée » row saved with the
/// caller's own row. Pages of the journal, the plan and the reports name the child this way.
/// </summary>
internal static class IdentityRead
{
    /// <summary>Whether this reader may see the child's name; when so, the identity read is recorded (the caller saves).</summary>
    public static bool Names(AppDbContext db, ChildOpening opening)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(opening);
        if (!opening.May(AccessOperation.Read, Section.Identity))
        {
            return false;
        }

        db.Audit.Record(AuditEventType.ChildViewed, opening.ChildId, Section.Identity, opening.Basis, entityType: "Child", entityId: opening.ChildId);
        return true;
    }
}
