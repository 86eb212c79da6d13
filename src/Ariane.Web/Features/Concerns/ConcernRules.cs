using Ariane.Core.Concerns;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Concerns;

/// <summary>Checks shared by recording and correcting an IP.</summary>
internal static class ConcernRules
{
    /// <summary>The instant of receipt from the Paris day and time typed (now when left empty); not in the future, not over a year ago.</summary>
    public static DateTime ReceivedAt(DateOnly? day, TimeOnly? at, TimeProvider time, Dictionary<string, string[]> errors)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = Format.Today(time);
        if (day is null)
        {
            return now;
        }

        // Without a time, a past day is taken at noon; today is taken as now, so that an IP received
        // today and typed after midnight, Paris time (the night on-call), is not "in the future".
        var utc = at is null && day == today ? now : Format.FromParis(day.Value.ToDateTime(at ?? new TimeOnly(12, 0)));
        if (day > today || utc > now.AddMinutes(5))
        {
            Validation.Add(errors, "receivedOn", "La date de réception ne peut pas être dans le futur.");
        }
        else if (day < today.AddYears(-1))
        {
            Validation.Add(errors, "receivedOn", "La date de réception remonte à plus d'un an : vérifiez-la.");
        }

        return utc > now ? now : utc;
    }

    public static void CheckCodes(int? transmitter, int? origin, Dictionary<string, string[]> errors)
    {
        if (transmitter is { } t && !ConcernNomenclature.IsTransmitter(t))
        {
            Validation.Add(errors, "transmitterCode", "Choisissez qui a transmis l'information dans la liste.");
        }

        if (origin is { } o && !ConcernNomenclature.IsOrigin(o))
        {
            Validation.Add(errors, "originCode", "Choisissez l'origine de l'information dans la liste.");
        }
    }
}
