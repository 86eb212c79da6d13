using System.Globalization;

namespace Ariane.Web.Features.Measures;

/// <summary>One line of the waiting list or of the échéances: the child by dossier number and name, the measure.</summary>
public sealed record MeasureBoardRow(
    Guid MeasureId, Guid ChildId, string DossierNumber, string ChildName, string KindLabel, Core.Measures.MeasureFramework Framework,
    DateOnly DecidedOn, DateOnly? StartsOn, DateOnly? PlannedEndOn, Guid ServiceId, string ServiceName, int Days);

/// <summary>A page of a measures' board, with the total count of what it lists and the next page's cursor.</summary>
public sealed record MeasureBoard(int Count, int Overdue, IReadOnlyList<MeasureBoardRow> Rows, string? Next);

/// <summary>The keyset cursor of the measures' boards: a date and an id, opaque to the client.</summary>
internal static class BoardCursor
{
    public const int PageSize = 50;

    public static string Format(DateOnly day, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{day:yyyyMMdd}.{id:N}");

    public static bool TryParse(string? value, out DateOnly day, out Guid id)
    {
        (day, id) = (default, default);
        var parts = value?.Split('.');
        return parts is { Length: 2 }
            && DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && Guid.TryParseExact(parts[1], "N", out id);
    }
}
