namespace Ariane.Core.Common;

/// <summary>What an entity id tells by itself: <see cref="Entity.Id"/> is a version-7 GUID, which starts with its creation time.</summary>
public static class EntityIds
{
    /// <summary>
    /// The instant the id was created (millisecond precision), or null for an id of another version
    /// (imported data, bulk generators): then nothing is known from the id alone.
    /// </summary>
    public static DateTime? CreatedAt(Guid id)
    {
        if (id.Version != 7)
        {
            return null;
        }

        var bytes = id.ToByteArray(bigEndian: true);
        long milliseconds = 0;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        return DateTime.UnixEpoch.AddMilliseconds(milliseconds);
    }

    /// <summary>True when the id was created at or before <paramref name="instant"/>; an id that tells no time counts as before.</summary>
    public static bool CreatedBefore(Guid id, DateTime instant) => CreatedAt(id) is not { } created || created <= instant;
}
