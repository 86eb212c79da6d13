using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>A record merged into another: where it is now (the API's 404 names it, the page redirects there).</summary>
public sealed record ChildMergedInto(Guid SurvivorId, string SurvivorDossierNumber)
{
    public string Message => $"Ce dossier a été fusionné dans le dossier N° {SurvivorDossierNumber}.";
}

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

        if (decision.MergedIntoId is { } survivorId)
        {
            // A merged record: the caller shows the survivor instead (docs/domain.md, Merging two records).
            var number = await db.Children.Where(c => c.Id == survivorId).Select(c => c.DossierNumber).SingleAsync(cancellationToken);
            db.Audit.Record(AuditEventType.ChildViewed, childId, Section.Identity, decision.Basis, entityType: "Child", entityId: childId,
                details: $"{{\"mergedInto\":\"{survivorId}\"}}");
            await db.SaveChangesAsync(cancellationToken);
            return new Result<ChildRecord>(ResultStatus.NotFound, null, Current: new ChildMergedInto(survivorId, number));
        }

        var child = await db.Children.AsNoTracking()
            .Include(c => c.LinkedPersons)
            .Include(c => c.Addresses)
            .SingleAsync(c => c.Id == childId, cancellationToken);
        var rights = new SectionRights(
            decision.LevelFor(Section.Identity),
            decision.LevelFor(Section.Social),
            decision.LevelFor(Section.Health),
            decision.LevelFor(Section.Judicial),
            decision.LevelFor(Section.ConcernAuthor));

        // A motive, a worker's role and a linked person's notes each belong to a section of their own:
        // a user who cannot read it gets the line without the value, in the page and in the API alike.
        var services = (await db.ServiceAssignments.AsNoTracking()
            .Where(a => a.ChildId == childId)
            .OrderByDescending(a => a.StartsOn)
            .Select(a => new { a.Id, a.ServiceId, ServiceName = a.Service!.Name, a.MotiveCode, MotiveLabel = a.Motive!.Label, MotiveSection = (Section?)a.Motive!.Section, a.StartsOn, a.EndsOn })
            .ToListAsync(cancellationToken))
            .Select(a =>
            {
                var shown = a.MotiveSection is { } section && rights.MayRead(section);
                return new ServiceAssignmentDto(a.Id, a.ServiceId, a.ServiceName, shown ? a.MotiveCode : null, shown ? a.MotiveLabel : null,
                    MotiveWithheld: a.MotiveCode is not null && !shown, a.StartsOn, a.EndsOn);
            })
            .ToList();
        var workers = (await db.WorkerAssignments.AsNoTracking()
            .Where(a => a.ChildId == childId)
            .OrderByDescending(a => a.StartsOn)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new WorkerAssignmentDto(a.Id, a.UserId, u.DisplayName, a.Role, a.StartsOn, a.EndsOn))
            .ToListAsync(cancellationToken))
            .Select(w => rights.MayRead(WorkerRoles.SectionOf(w.Role!.Value)) ? w : w with { Role = null })
            .ToList();
        var notesShown = rights.MayRead(LinkedPerson.NotesSection);
        var family = await FamilyAsync(childId, cancellationToken);

        // A département that transferred the child out reads what it recorded: what existed when the
        // transfer was accepted (docs/decisions/0007-tenancy.md). Item ids are time-ordered (version 7):
        // their creation time is in them.
        var cutoff = decision.RecordedBefore;
        bool Recorded(Guid id) => cutoff is not { } c || EntityIds.CreatedBefore(id, c);

        // Where it went from them, not where it went next: a later transfer is between two other départements.
        var responsible = cutoff is { } handOver
            ? await db.DepartementTransfers.Where(t => t.ChildId == childId && t.State == TransferState.Accepted && t.DecidedAt == handOver)
                .Select(t => t.ToDepartementCode).FirstOrDefaultAsync(cancellationToken) ?? child.ResponsibleDepartementCode
            : child.ResponsibleDepartementCode;

        db.Audit.Record(AuditEventType.ChildViewed, childId, Section.Identity, decision.Basis, entityType: "Child", entityId: childId);
        await db.SaveChangesAsync(cancellationToken);

        return Result<ChildRecord>.Ok(new ChildRecord(
            child.Id, child.DossierNumber, child.BirthName, child.UsageName, child.FirstNames, child.Sex,
            child.BirthDate.ToString(), child.BirthDate.Year, child.BirthDate.Month, child.BirthDate.Day,
            child.BirthPlace, child.Nationality, child.Ins, child.Version, child.CreatedAt, child.UpdatedAt,
            decision.Basis, rights,
            child.LinkedPersons.Where(p => Recorded(p.Id)).OrderBy(p => p.Relation).ThenBy(p => p.LastName).Select(ChildMapping.ToDto)
                .Select(p => notesShown ? p : p with { Notes = null }).ToList(),
            child.Addresses.Where(a => Recorded(a.Id)).OrderByDescending(a => a.From).Select(ChildMapping.ToDto).ToList(),
            [.. services.Where(a => Recorded(a.Id))],
            [.. workers.Where(w => Recorded(w.Id))],
            family,
            responsible,
            await db.Organisations.Where(o => o.Kind == Core.Organisations.OrganisationKind.Departement && o.DepartementCode == responsible)
                .Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? responsible,
            cutoff));
    }

    /// <summary>
    /// The other children who share a parent with this one (<see cref="LinkedPerson.ParentKeyOf"/>), among
    /// those the user may open: one query. Children the user may not open are neither listed nor counted,
    /// since even their number would tell that a brother or sister is followed (docs/domain.md, family).
    /// </summary>
    private async Task<IReadOnlyList<FamilyMemberDto>> FamilyAsync(Guid childId, CancellationToken cancellationToken)
    {
        var readable = await access.ReadableAsync(Section.Identity, cancellationToken);
        var persons = db.LinkedPersons.AsNoTracking();
        // Joins on the key rather than Contains: Contains on a nullable column is translated with a null-safe
        // comparison that no index serves, which read every child and every linked person (ChildListColumns too).
        var keys = persons.Where(p => p.ChildId == childId && p.ParentKey != null).Select(p => p.ParentKey).Distinct();
        var rows = await (
                from key in keys
                join p in persons on key equals p.ParentKey
                join c in readable on p.ChildId equals c.Id
                where c.Id != childId
                orderby c.BirthDate.Year, c.BirthDate.Month, c.BirthDate.Day, c.Id
                select new { Child = c, p.Relation })
            // A child shares at most two parents: two rows each.
            .Take(MaxFamily * 2)
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.Child.Id)
            .Take(MaxFamily)
            .Select(g =>
            {
                var child = g.First().Child;
                var shared = g.Select(r => r.Relation).Where(r => r is PersonRelation.Mother or PersonRelation.Father).Distinct().Order().ToList();
                return new FamilyMemberDto(child.Id, child.DossierNumber, child.DisplayName, child.BirthDate.ToString(), shared);
            })
            .ToList();
    }

    /// <summary>A family larger than this is a matching error (a common name), not a fratrie: the list stops there.</summary>
    private const int MaxFamily = 30;
}
