using System.Globalization;

namespace Ariane.Web.Features.Journal;

/// <summary>The timeline's keyset cursor: the instant and id of the last entry shown, opaque to the client.</summary>
internal static class JournalCursor
{
    public const int PageSize = 50;

    public static string Format(DateTime occurredAt, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{occurredAt.Ticks}.{id:N}");

    public static bool TryParse(string? value, out DateTime occurredAt, out Guid id)
    {
        (occurredAt, id) = (default, default);
        var parts = value?.Split('.');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || !Guid.TryParseExact(parts[1], "N", out id))
        {
            return false;
        }

        occurredAt = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}
