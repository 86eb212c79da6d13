using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Journal;
using Ariane.Persistence;
using Ariane.Web.Features.Placements;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Journal;

/// <summary>One child as the foster carer's phone shows them: who may see or call them, what is coming, the on-call number.</summary>
public sealed record FosterChild(Guid ChildId, string Name, string? Age, ContactRightsCard? ContactRights, IReadOnlyList<JournalEntryView> Coming, string? OnCall);

/// <summary>Configuration « Journal »: the on-call number (astreinte) of each département, shown to foster carers.</summary>
public sealed class JournalOptions
{
    public Dictionary<string, string> OnCallNumbers { get; set; } = [];
}

/// <summary>
/// The foster carer's view (docs/domain.md, Journal), phone-first: the children named on them as assistant familial,
/// each opened through the access policy (what they may know and nothing more), with « qui peut voir ou appeler cet
/// enfant », the visits, appointments and hearings ahead from the journal (a health appointment by its practical
/// summary), and the département's on-call number. One journal audit row per child shown.
/// </summary>
public sealed class FosterChildren(AppDbContext db, ChildAccess access, ChildContactRights contacts, CurrentUser currentUser, TimeProvider time, IOptions<JournalOptions> options)
{
    public const int ComingShown = 5;

    public async Task<IReadOnlyList<FosterChild>> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? Guid.Empty;
        var today = Format.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await db.WorkerAssignments.AsNoTracking()
            .Where(w => w.UserId == userId && w.Role == WorkerRole.FosterCarer && w.StartsOn <= today && (w.EndsOn == null || w.EndsOn >= today))
            .OrderBy(w => w.StartsOn).Select(w => w.ChildId).Distinct().Take(10).ToListAsync(cancellationToken);
        var result = new List<FosterChild>();
        foreach (var childId in ids)
        {
            var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
            if (!opening.Allowed)
            {
                continue;
            }

            var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
                .Select(c => new { c.BirthName, c.UsageName, c.FirstNames, c.BirthDate, c.ResponsibleDepartementCode }).SingleAsync(cancellationToken);
            var coming = await JournalProjection.Select(
                    db.JournalEntries.AsNoTracking().Where(e => e.ChildId == childId && e.OccurredAt >= now && JournalRules.IncidentKinds.Contains(e.Kind) == false)
                        .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id),
                    db.PlanGoals, JournalProjection.For(opening), opening.Subject.UserId, [])
                .Take(ComingShown).ToListAsync(cancellationToken);
            var card = (await contacts.HandleAsync(childId, cancellationToken)).Value;
            db.Audit.Record(AuditEventType.JournalListed, childId, Section.Social, opening.Basis, details: $$"""{"coming":{{coming.Count}}}""");
            result.Add(new FosterChild(childId, Core.Children.Child.NameOf(child.BirthName, child.UsageName, child.FirstNames),
                Format.Age(child.BirthDate.Year, child.BirthDate.Month, child.BirthDate.Day, today), card, [.. coming.Select(JournalProjection.Labelled)],
                options.Value.OnCallNumbers.GetValueOrDefault(child.ResponsibleDepartementCode)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
