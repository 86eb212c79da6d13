using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>Opens a child's record (identity section): policy first, then a fixed number of queries, then the audit row.</summary>
public sealed class GetChild(AppDbContext db, ChildAccess access)
{
    public async Task<Result<ChildRecord>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, AccessOperation.Read, Section.Identity, cancellationToken);
        if (!decision.Allowed)
        {
            return Result<ChildRecord>.NotFound();
        }

        var child = await db.Children.AsNoTracking()
            .Include(c => c.LinkedPersons)
            .Include(c => c.Addresses)
            .SingleAsync(c => c.Id == childId, cancellationToken);
        var services = await db.ServiceAssignments.AsNoTracking()
            .Where(a => a.ChildId == childId)
            .OrderByDescending(a => a.StartsOn)
            .Select(a => new ServiceAssignmentDto(a.Id, a.ServiceId, a.Service!.Name, a.Purpose, a.StartsOn, a.EndsOn))
            .ToListAsync(cancellationToken);
        var workers = await db.WorkerAssignments.AsNoTracking()
            .Where(a => a.ChildId == childId)
            .OrderByDescending(a => a.StartsOn)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new WorkerAssignmentDto(a.Id, a.UserId, u.DisplayName, a.Role, a.StartsOn, a.EndsOn))
            .ToListAsync(cancellationToken);

        var rights = new SectionRights(
            decision.LevelFor(Section.Identity),
            decision.LevelFor(Section.Social),
            decision.LevelFor(Section.Health),
            decision.LevelFor(Section.Judicial),
            decision.LevelFor(Section.ConcernAuthor));

        db.Audit.Record(AuditEventType.ChildViewed, childId, Section.Identity, decision.Basis, entityType: "Child", entityId: childId);
        await db.SaveChangesAsync(cancellationToken);

        return Result<ChildRecord>.Ok(new ChildRecord(
            child.Id, child.BirthName, child.UsageName, child.FirstNames, child.Sex,
            child.BirthDate.ToString(), child.BirthDate.Year, child.BirthDate.Month, child.BirthDate.Day,
            child.BirthPlace, child.Nationality, child.Ins, child.Version, child.CreatedAt, child.UpdatedAt,
            decision.Basis, rights,
            child.LinkedPersons.OrderBy(p => p.Relation).ThenBy(p => p.LastName).Select(ChildMapping.ToDto).ToList(),
            child.Addresses.OrderByDescending(a => a.From).Select(ChildMapping.ToDto).ToList(),
            services,
            workers));
    }
}
