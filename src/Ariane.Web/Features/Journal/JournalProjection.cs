using Ariane.Core.Access;
using Ariane.Core.Journal;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// Reads entries as one reader may see them, in SQL: entries of a section the reader may not even know of are
/// not selected; for a section they know only exists (health, for most), the fact and the assessment columns are
/// not read at all (the query returns null), so that nothing of them reaches memory, a page or an answer.
/// </summary>
internal static class JournalProjection
{
    public sealed record Levels(IReadOnlyList<Section> Listed, IReadOnlyList<Section> Full);

    public static Levels For(ChildOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var listed = JournalRules.Sections.Where(s => JournalRules.VisibilityFor(opening.LevelFor(s)) != JournalVisibility.Hidden).ToList();
        var full = JournalRules.Sections.Where(s => JournalRules.VisibilityFor(opening.LevelFor(s)) == JournalVisibility.Full).ToList();
        return new Levels(listed, full);
    }

    public static IQueryable<JournalEntryView> Select(IQueryable<JournalEntry> entries, IQueryable<Core.Plans.PlanGoal> goals, Levels levels, Guid readerId, IReadOnlyList<Section> writable)
    {
        var listed = levels.Listed.ToList();
        var full = levels.Full.ToList();
        var mayWrite = writable.ToList();
        return entries.Where(e => listed.Contains(e.Section)).Select(e => new JournalEntryView(
            e.Id, e.ChildId, e.Kind, string.Empty, e.Section,
            full.Contains(e.Section) ? JournalVisibility.Full : JournalVisibility.SummaryOnly,
            e.OccurredAt,
            full.Contains(e.Section) ? e.Fact : null,
            full.Contains(e.Section) ? e.Assessment : null,
            e.PracticalSummary,
            e.AuthorName, e.AuthorServiceName, e.RecordedAt, e.Version,
            e.AuthorUserId == readerId && mayWrite.Contains(e.Section),
            e.PlanGoalId,
            goals.Where(g => g.Id == e.PlanGoalId).Select(g => g.Title).FirstOrDefault()));
    }

    /// <summary>The label is a constant of the type, set after reading (not a column).</summary>
    public static JournalEntryView Labelled(JournalEntryView view) => view with { KindLabel = JournalRules.Label(view.Kind) };

    /// <summary>The sections this reader may write entries in: what « corriger » is offered for (their own entries).</summary>
    public static IReadOnlyList<Section> Writable(ChildOpening opening) =>
        opening.RecordedBefore is null && opening.MergedIntoId is null
            ? [.. JournalRules.Sections.Where(s => opening.May(AccessOperation.Write, s))]
            : [];

    /// <summary>
    /// A reader of the journal who writes only incidents and runaways (the foster carer: social read and
    /// <see cref="Permission.RecordIncident"/>), on a live record.
    /// </summary>
    public static bool RecordsIncidentsOnly(ChildOpening opening) =>
        opening.RecordedBefore is null && opening.MergedIntoId is null && Writable(opening).Count == 0
        && opening.May(AccessOperation.Read, Section.Social) && opening.Subject.Has(Permission.RecordIncident);

    /// <summary>Whether this reader may attach files to an entry of theirs in this section: as they may write it, or the foster carer's incident.</summary>
    public static bool MayAttach(ChildOpening opening, Section section) =>
        Writable(opening).Contains(section) || (section == Section.Social && RecordsIncidentsOnly(opening));

    /// <summary>The child's dossier number, and name for an identity reader; the caller saves the audit row this adds.</summary>
    public static async Task<JournalChild> ChildAsync(AppDbContext db, ChildOpening opening, CancellationToken cancellationToken)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == opening.ChildId)
            .Select(c => new { c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames }).SingleAsync(cancellationToken);
        var name = Shared.IdentityRead.Names(db, opening) ? Core.Children.Child.NameOf(child.BirthName, child.UsageName, child.FirstNames) : null;

        return new JournalChild(opening.ChildId, child.DossierNumber, name);
    }
}
