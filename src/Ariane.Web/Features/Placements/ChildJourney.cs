using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Measures;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

public sealed record JourneyMeasure(
    Guid Id, string KindCode, string KindLabel, MeasureFramework Framework, string FrameworkLabel,
    DateOnly DecidedOn, DateOnly? StartsOn, DateOnly? EndedOn, MeasureState State, string StateLabel, string Link);

public sealed record JourneyStay(
    Guid Id, Guid? MeasureId, PlaceKind PlaceKind, string PlaceKindLabel, CareType CareType, string CareTypeLabel,
    string Place, string? PlaceDetail, bool PlaceHidden, DateOnly StartsOn, DateOnly? EndsOn, string? Reason, string? EndReason,
    bool IsCurrent, string? Error, DateOnly? HotelLimit, string? Warning, int Version);

/// <summary>One line of the timeline: a measure or a stay, dated by its start.</summary>
public sealed record JourneyItem(DateOnly Date, string Kind, JourneyMeasure? Measure, JourneyStay? Stay);

/// <summary>The child's path (parcours): measures and stays merged, most recent first.</summary>
public sealed record ChildJourneyView(
    Guid ChildId, bool IsProtected, int ChangesOfPlace, JourneyStay? CurrentStay, IReadOnlyList<JourneyItem> Timeline,
    bool MayRecord, bool MayProtect);

/// <summary>
/// The child's path through protection (docs/domain.md, Placements): measures with their framework and
/// state, stays with their place (hidden for a protected child from whoever does not need it), the reason
/// of each change and « N changements de lieu » (OLINPE CHGLIEU/NBCHGLIEU: the stays after the first).
/// A stay with no measure in force on its start is an error to fix; a hotel stay shows its legal limit.
/// </summary>
public sealed class ChildJourney(AppDbContext db, ChildAccess access, PlaceNames places, TimeProvider time)
{
    public const string NoMeasureError = "Accueil sans mesure en vigueur";
    public const int MaxStays = 200;

    public async Task<Result<ChildJourneyView>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var (opening, refusal) = await PlacementGate.OpenAsync(access, childId, AccessOperation.Read, null, cancellationToken);
        if (refusal is { } r)
        {
            return PlacementGate.Refuse<ChildJourneyView>(r);
        }

        var view = await BuildAsync(opening, cancellationToken);
        db.Audit.Record(AuditEventType.PlacementsViewed, childId, Section.Social, opening.Basis, details: $$"""{"shown":{{view.Timeline.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<ChildJourneyView>.Ok(view);
    }

    /// <summary>The view for an opening already decided (the write handlers answer with it; the caller audits).</summary>
    public async Task<ChildJourneyView> BuildAsync(ChildOpening opening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var childId = opening.ChildId;
        var today = Format.Today(time);
        var isProtected = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => c.IsProtected).SingleAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.ChildId == childId)
            .OrderByDescending(m => m.DecidedOn).Take(MaxStays).ToListAsync(cancellationToken);
        var stays = await db.Placements.AsNoTracking().Where(p => p.ChildId == childId)
            .OrderByDescending(p => p.StartsOn).Take(MaxStays).ToListAsync(cancellationToken);
        if (opening.RecordedBefore is { } cutoff)
        {
            measures = [.. measures.Where(m => Core.Common.EntityIds.CreatedBefore(m.Id, cutoff))];
            stays = [.. stays.Where(s => Core.Common.EntityIds.CreatedBefore(s.Id, cutoff))];
        }

        var shown = await places.ForAsync(opening, isProtected, stays, cancellationToken);
        var items = new List<JourneyItem>();
        foreach (var m in measures)
        {
            var kind = MeasureKinds.Find(m.KindCode);
            items.Add(new JourneyItem(m.StartsOn ?? m.DecidedOn, "measure", new JourneyMeasure(
                m.Id, m.KindCode, kind?.Label ?? m.KindCode, m.Framework, FrameworkLabel(m.Framework), m.DecidedOn, m.StartsOn, m.EndedOn,
                m.State, StateLabel(m.State), $"/Measures/Details/{m.Id}"), null));
        }

        JourneyStay? current = null;
        foreach (var s in stays)
        {
            var measure = s.MeasureId is { } mid ? measures.FirstOrDefault(m => m.Id == mid) : null;
            var inForce = measure is not null && measure.State != MeasureState.Decided
                && (measure.StartsOn ?? measure.DecidedOn) <= s.StartsOn && (measure.EndedOn is null || measure.EndedOn >= s.StartsOn);
            DateOnly? limit = null;
            string? warning = null;
            if (s.PlaceKind == PlaceKind.Hotel)
            {
                var (hotelLimit, warn) = PlacementRules.HotelLimit(s.StartsOn, today);
                limit = hotelLimit;
                if (warn && (s.EndsOn is null || s.EndsOn > hotelLimit.AddDays(-PlacementRules.HotelWarningDays)))
                {
                    warning = $"L'hébergement à l'hôtel doit prendre fin au plus tard le {hotelLimit:dd/MM/yyyy} (2 mois au plus).";
                }
            }

            var place = shown[s.Id];
            var stay = new JourneyStay(
                s.Id, s.MeasureId, s.PlaceKind, PlaceKinds.Label(s.PlaceKind), s.CareType, PlaceKinds.CareTypeLabel(s.CareType),
                // The reasons are free text that may name the place (« arrivée au foyer … »): hidden with it.
                place.Name, place.Detail, place.Hidden, s.StartsOn, s.EndsOn, place.Hidden ? null : s.Reason, place.Hidden ? null : s.EndReason, s.IsCurrentOn(today),
                inForce ? null : NoMeasureError, limit, warning, s.Version);
            if (stay.IsCurrent && current is null)
            {
                current = stay;
            }

            items.Add(new JourneyItem(s.StartsOn, "stay", null, stay));
        }

        var timeline = items.OrderByDescending(i => i.Date).ThenBy(i => i.Kind == "stay" ? 0 : 1).ToList();
        var mayRecord = opening.May(AccessOperation.Write, Section.Social) && PlacementGate.HoldsInDepartement(opening, Permission.RecordMeasure);
        var mayProtect = opening.May(AccessOperation.Write, Section.Social) && PlacementGate.HoldsInDepartement(opening, Permission.ProtectChild);
        return new ChildJourneyView(childId, isProtected, Math.Max(0, stays.Count - 1), current, timeline, mayRecord, mayProtect);
    }

    public static string FrameworkLabel(MeasureFramework framework) =>
        framework == MeasureFramework.Judicial ? "Judiciaire" : "Administrative";

    public static string StateLabel(MeasureState state) => state switch
    {
        MeasureState.Decided => "Décidée",
        MeasureState.InProgress => "En cours",
        _ => "Terminée",
    };
}
