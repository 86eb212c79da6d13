namespace Ariane.Core.Placements;

/// <summary>
/// Rules of a stay (docs/domain.md, Placements): no overlap with another stay of the same child (a change of
/// place ends the previous one the day before); hotels banned under 16 and limited to 2 months from 16 to
/// 21 (loi du 7 février 2022, since 1 February 2024), warned 15 days before the limit.
/// </summary>
public static class PlacementRules
{
    public const int HotelMinAgeYears = 16;
    public const int HotelMaxMonths = 2;
    public const int HotelWarningDays = 15;

    public static IEnumerable<(string Field, string Message)> Check(
        PlaceKind kind, DateOnly startsOn, DateOnly? endsOn, DateOnly? childBirth, DateOnly today,
        IEnumerable<(DateOnly Start, DateOnly? End)> otherStays)
    {
        ArgumentNullException.ThrowIfNull(otherStays);
        if (startsOn > today.AddDays(31))
        {
            yield return ("startsOn", "Un accueil ne s'enregistre pas plus d'un mois à l'avance.");
        }

        if (endsOn is { } end && end < startsOn)
        {
            yield return ("endsOn", "La fin de l'accueil doit suivre son début.");
        }

        if (kind == PlaceKind.Hotel)
        {
            if (childBirth is null)
            {
                yield return ("placeKind", "L'hébergement à l'hôtel est interdit avant 16 ans : la date de naissance de l'enfant doit être connue.");
            }
            else if (startsOn < childBirth.Value.AddYears(HotelMinAgeYears))
            {
                yield return ("placeKind", "L'hébergement à l'hôtel est interdit pour un mineur de moins de 16 ans (loi du 7 février 2022).");
            }
            else if (endsOn is { } hotelEnd && hotelEnd > startsOn.AddMonths(HotelMaxMonths))
            {
                yield return ("endsOn", $"L'hébergement à l'hôtel est limité à 2 mois : au plus tard le {startsOn.AddMonths(HotelMaxMonths):dd/MM/yyyy}.");
            }
        }

        foreach (var (otherStart, otherEnd) in otherStays)
        {
            if (startsOn <= (otherEnd ?? DateOnly.MaxValue) && otherStart <= (endsOn ?? DateOnly.MaxValue))
            {
                yield return ("startsOn", $"L'enfant est déjà accueilli ailleurs à ces dates (depuis le {otherStart:dd/MM/yyyy}) : terminez cet accueil ou enregistrez un changement de lieu.");
                yield break;
            }
        }
    }

    /// <summary>The last day a hotel stay may last, and whether the warning is due on <paramref name="today"/>.</summary>
    public static (DateOnly Limit, bool Warn) HotelLimit(DateOnly startsOn, DateOnly today)
    {
        var limit = startsOn.AddMonths(HotelMaxMonths);
        return (limit, today >= limit.AddDays(-HotelWarningDays));
    }
}
