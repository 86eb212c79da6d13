using Ariane.Core.Access;
using Ariane.Core.Journal;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Journal;

/// <summary>What the journal form shows before saving: the child, whether the author may write a health entry, and
/// « qui pourra lire cette note » for each section the author may write in.</summary>
public sealed record JournalFormView(JournalChild Child, bool MayWriteSocial, bool MayWriteHealth, IReadOnlyDictionary<Section, JournalReaders.Readers> Readers, IReadOnlyList<(Guid Id, string Title)> Goals, bool IncidentsOnly = false);

/// <summary>Prepares the journal form for an author who may write one of the journal's sections of the child.</summary>
public sealed class JournalForm(AppDbContext db, ChildAccess access)
{
    public async Task<Result<JournalFormView>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<JournalFormView>.NotFound();
        }

        var incidentsOnly = JournalProjection.RecordsIncidentsOnly(opening);
        var writable = incidentsOnly ? [Section.Social] : JournalProjection.Writable(opening);
        if (writable.Count == 0)
        {
            await access.OpenAsync(childId, AccessOperation.Write, Section.Social, cancellationToken);
            return Result<JournalFormView>.Forbidden();
        }

        var roles = await db.AccessRoles.AsNoTracking().ToListAsync(cancellationToken);
        var readers = writable.ToDictionary(s => s, s => JournalReaders.For(s, roles));
        var goals = (await db.PlanGoals.AsNoTracking().Where(g => g.ChildId == childId && g.Status == Core.Plans.GoalStatus.InProgress)
            .OrderBy(g => g.StartsOn).ThenBy(g => g.Id).Take(50).Select(g => new { g.Id, g.Title }).ToListAsync(cancellationToken)).Select(g => (g.Id, g.Title)).ToList();
        var child = await JournalProjection.ChildAsync(db, opening, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result<JournalFormView>.Ok(new JournalFormView(child, writable.Contains(Section.Social), writable.Contains(Section.Health), readers, goals, incidentsOnly));
    }
}
