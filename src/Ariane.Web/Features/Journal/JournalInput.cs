using Ariane.Core.Access;
using Ariane.Core.Journal;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Journal;

/// <summary>The checks and the copy shared by recording and correcting an entry (docs/domain.md, Journal).</summary>
internal static class JournalInput
{
    /// <summary>How far ahead a planned visit, appointment or hearing may be dated.</summary>
    private const int PlannedDaysAhead = 366;

    /// <summary>A few minutes of slack for a phone whose clock runs ahead.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(10);

    public static Dictionary<string, string[]> Validate(JournalEntryRequest request, Section section, DateTime now, out DateTime occurredAt)
    {
        var errors = Validation.Check(request);
        Validation.Defined(request.Kind, "kind", errors);
        Validation.Defined(request.Section, "section", errors);
        occurredAt = now;
        if (request.OccurredOn is { } typed && !InRange(typed))
        {
            // Checked before the conversion from Paris time, which fails at the ends of the calendar.
            Validation.Add(errors, "occurredOn", "Vérifiez la date : elle est hors de la période possible.");
        }
        else if (request.OccurredOn is { } day)
        {
            if (request.OccurredTime is not { } time)
            {
                Validation.Add(errors, "occurredTime", "Indiquez l'heure (HH:MM).");
            }
            else
            {
                occurredAt = Format.FromParis(day.ToDateTime(time));
            }
        }
        else if (request.OccurredTime is not null)
        {
            Validation.Add(errors, "occurredOn", "Indiquez la date (JJ/MM/AAAA).");
        }

        if (request.Kind is { } kind && Enum.IsDefined(kind))
        {
            if (occurredAt > now + ClockSlack && !JournalRules.MayBePlanned(kind))
            {
                Validation.Add(errors, "occurredOn", $"{JournalRules.Label(kind)} : la date ne peut pas être dans le futur.");
            }
            else if (occurredAt > now.AddDays(PlannedDaysAhead))
            {
                Validation.Add(errors, "occurredOn", "La date est à plus d'un an.");
            }
        }

        if (section != Section.Health && !string.IsNullOrWhiteSpace(request.PracticalSummary))
        {
            Validation.Add(errors, "practicalSummary", "Le résumé pratique accompagne une note de santé : pour une autre note, écrivez tout dans les faits.");
        }

        return errors;
    }

    /// <summary>The days a journal or report date may take: 1990 to 2100 (a date typed 0001 or 9999 is a slip).</summary>
    public static bool InRange(DateOnly day) => day.Year is >= 1990 and <= 2100;

    public static void Apply(JournalEntry entry, JournalEntryRequest request, DateTime occurredAt)
    {
        entry.Kind = request.Kind!.Value;
        entry.OccurredAt = occurredAt;
        entry.Fact = ChildInput.Clean(request.Fact)!;
        entry.Assessment = ChildInput.Clean(request.Assessment);
        entry.PracticalSummary = entry.Section == Section.Health ? ChildInput.Clean(request.PracticalSummary) : null;
        entry.PlanGoalId = request.PlanGoalId;
    }

    /// <summary>The linked objective must be one of this child's plan.</summary>
    public static async Task CheckGoalAsync(Persistence.AppDbContext db, Guid childId, JournalEntryRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (request.PlanGoalId is { } goalId && !await db.PlanGoals.AnyAsync(g => g.Id == goalId && g.ChildId == childId, cancellationToken))
        {
            Validation.Add(errors, "planGoalId", "Choisissez un objectif du projet de cet enfant.");
        }
    }

    /// <summary>The view of an entry for a reader who may read its section in full.</summary>
    public static JournalEntryView FullView(JournalEntry e, bool mayCorrect) =>
        new(e.Id, e.ChildId, e.Kind, JournalRules.Label(e.Kind), e.Section, JournalVisibility.Full, e.OccurredAt, e.Fact, e.Assessment,
            e.PracticalSummary, e.AuthorName, e.AuthorServiceName, e.RecordedAt, e.Version, mayCorrect, e.PlanGoalId);
}
