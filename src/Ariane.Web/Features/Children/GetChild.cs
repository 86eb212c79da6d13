using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>Opens a child's record (identity section): policy first, then a fixed number of queries, then the audit row.</summary>
public sealed class GetChild(AppDbContext db, ChildAccess access, CurrentUser currentUser)
{
    public async Task<Result<ChildRecord>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var facts = await access.FactsAsync(subject.UserId, childId, cancellationToken);
        var decision = facts is null ? AccessDecision.Deny : AccessPolicy.Decide(subject, AccessOperation.Read, facts, Section.Identity);
        if (!decision.Allowed)
        {
            await access.AuditDeniedAsync(childId, AccessOperation.Read, Section.Identity, cancellationToken);
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
            Level(subject, facts!, Section.Identity),
            Level(subject, facts!, Section.Social),
            Level(subject, facts!, Section.Health),
            Level(subject, facts!, Section.Judicial),
            Level(subject, facts!, Section.ConcernAuthor));

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

    /// <summary>The highest level the policy grants in a section: what the screens may show or offer.</summary>
    internal static AccessLevel Level(AccessSubject subject, ChildAccessFacts facts, Section section)
    {
        if (AccessPolicy.Decide(subject, AccessOperation.Write, facts, section).Allowed)
        {
            return AccessLevel.Write;
        }

        if (AccessPolicy.Decide(subject, AccessOperation.Read, facts, section).Allowed)
        {
            return AccessLevel.Read;
        }

        return AccessPolicy.Decide(subject, AccessOperation.SeeExistence, facts, section).Allowed ? AccessLevel.Existence : AccessLevel.None;
    }
}
