using Ariane.Core.Access;
using Ariane.Core.Journal;
using Ariane.Core.Plans;
using Ariane.Core.Reports;
using Ariane.Persistence;
using Ariane.Web.Features.Placements;
using Ariane.Web.Features.Plans;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// Builds what a report says from the record (docs/domain.md §2.6, no re-typing): the child's identity; the measures and
/// stays that overlap the period, from the child's journey (a protected child's place hidden as the journey hides it);
/// the plan's objectives and actions with their progress; the latest evaluation per domain; and the social journal
/// entries of the period the author chose. A health entry is never quoted: the report is social.
/// </summary>
public sealed class ReportPrefiller(AppDbContext db, ChildJourney journey, GetPlan plans, PlanGate planGate)
{
    public const int HighlightChoices = 100;

    public async Task<ReportPrefill> BuildAsync(ChildOpening opening, DateOnly from, DateOnly to, IReadOnlyCollection<Guid> highlightIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var childId = opening.ChildId;
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames, c.BirthDate }).SingleAsync(cancellationToken);
        var path = await journey.BuildAsync(opening, cancellationToken);
        var measures = path.Timeline.Where(i => i.Measure is { } m && (m.StartsOn ?? m.DecidedOn) <= to && (m.EndedOn is null || m.EndedOn >= from))
            .Select(i => i.Measure!).OrderBy(m => m.StartsOn ?? m.DecidedOn)
            .Select(m => new PrefillMeasure(m.KindLabel, m.FrameworkLabel, m.DecidedOn, m.StartsOn, m.EndedOn, m.StateLabel)).ToList();
        var stays = path.Timeline.Where(i => i.Stay is { } s && s.StartsOn <= to && (s.EndsOn is null || s.EndsOn >= from))
            .Select(i => i.Stay!).OrderBy(s => s.StartsOn)
            .Select(s => new PrefillStay(s.Place, s.PlaceKindLabel, s.StartsOn, s.EndsOn)).ToList();

        var goals = new List<PrefillGoal>();
        var actions = new List<PrefillAction>();
        string? referent = null;
        DateOnly? evaluatedOn = null;
        var evaluation = new List<PrefillDomain>();
        if (await planGate.OpenAsync(childId, cancellationToken) is { } plan)
        {
            var view = await plans.BuildAsync(plan, cancellationToken);
            referent = view.Referent;
            goals.AddRange(view.Goals.OrderBy(g => g.StartsOn).Select(g => new PrefillGoal(g.Id, g.DomainLabel, g.ForLabel, g.Title, g.OwnerServiceName, g.Progress, g.StatusLabel, g.DueOn)));
            actions.AddRange(view.Actions.OrderBy(a => a.StartsOn).Select(a => new PrefillAction(a.Title, a.GoalTitle, a.OwnerServiceName, a.Progress, a.StatusLabel)));
            evaluatedOn = view.FollowUp.EvaluatedOn;
            evaluation.AddRange(view.FollowUp.Domains.Select(d => new PrefillDomain(d.DomainLabel, d.Concerning, d.Satisfactory, d.NoAnswer)));
        }

        var ids = highlightIds.ToList();
        var highlights = ids.Count == 0 ? [] : await db.JournalEntries.AsNoTracking()
            .Where(e => e.ChildId == childId && ids.Contains(e.Id) && e.Section == Section.Social)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.OccurredAt, e.Kind, e.Fact, e.AuthorName }).ToListAsync(cancellationToken);
        var name = Core.Children.Child.NameOf(child.BirthName, child.UsageName, child.FirstNames);
        DateOnly? birth = child.BirthDate is { Year: { } y, Month: { } m, Day: { } d } ? new DateOnly(y, m, d) : null;
        return new ReportPrefill(name, child.DossierNumber, birth, referent, measures, stays, goals, actions, evaluatedOn, evaluation,
            [.. highlights.Select(h => new PrefillHighlight(h.Id, h.OccurredAt, JournalRules.Label(h.Kind), h.Fact, h.AuthorName))]);
    }

    /// <summary>The social journal entries of the period the author may quote, newest first.</summary>
    public async Task<List<(Guid Id, DateTime OccurredAt, JournalEntryKind Kind, string Fact, string AuthorName)>> ChoicesAsync(Guid childId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = Shared.Format.FromParis(from.ToDateTime(TimeOnly.MinValue));
        var end = Shared.Format.FromParis(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await db.JournalEntries.AsNoTracking()
            .Where(e => e.ChildId == childId && e.Section == Section.Social && e.OccurredAt >= start && e.OccurredAt < end)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(HighlightChoices)
            .Select(e => new { e.Id, e.OccurredAt, e.Kind, e.Fact, e.AuthorName }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.OccurredAt, r.Kind, r.Fact, r.AuthorName))];
    }
}
