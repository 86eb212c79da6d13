using Ariane.Core.Facilities;
using Ariane.Core.Placements;

namespace Ariane.Web.Features.Facilities;

/// <summary>How the places screens say things: one place, so that the board, the request and the inbox agree.</summary>
public static class FacilityLabels
{
    public static string Status(PlacementRequestStatus status) => status switch
    {
        PlacementRequestStatus.Sent => "Envoyée",
        PlacementRequestStatus.InformationMissing => "Informations manquantes",
        PlacementRequestStatus.Refused => "Refusée",
        PlacementRequestStatus.Accepted => "Acceptée — place réservée",
        PlacementRequestStatus.Withdrawn => "Retirée",
        PlacementRequestStatus.Fulfilled => "Honorée",
        _ => "Inconnu",
    };

    /// <summary>The badge class of a status: green when a place is held or taken, red when refused.</summary>
    public static string StatusClass(PlacementRequestStatus status) => status switch
    {
        PlacementRequestStatus.Accepted or PlacementRequestStatus.Fulfilled => "badge ok",
        PlacementRequestStatus.Refused => "badge off",
        PlacementRequestStatus.InformationMissing => "badge warn",
        _ => "badge",
    };

    public static string Sex(AcceptedSex sex) => sex switch
    {
        AcceptedSex.Boys => "Garçons",
        AcceptedSex.Girls => "Filles",
        _ => "Filles et garçons",
    };

    public static string Ages(int min, int max) => min == max ? $"{min} ans" : $"{min} à {max} ans";

    public static string Years(int age) => age <= 1 ? $"{age} an" : $"{age} ans";

    public static IReadOnlyList<CareType> CareTypes { get; } = Enum.GetValues<CareType>();

    /// <summary>« mis à jour le 03/12 à 14 h 05 par Mme X » (Paris time; the year only when it is not this one).</summary>
    public static string Freshness(DateTime updatedAtUtc, string? byName, DateTime nowUtc, bool capital = false)
    {
        var text = FreshnessText(updatedAtUtc, byName, nowUtc);
        return capital ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static string FreshnessText(DateTime updatedAtUtc, string? byName, DateTime nowUtc)
    {
        var at = Shared.Format.ToParis(updatedAtUtc);
        var now = Shared.Format.ToParis(nowUtc);
        var day = at.Year == now.Year
            ? at.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture)
            : at.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var time = at.ToString("H' h 'mm", System.Globalization.CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(byName) ? $"mis à jour le {day} à {time}" : $"mis à jour le {day} à {time} par {byName}";
    }
}
