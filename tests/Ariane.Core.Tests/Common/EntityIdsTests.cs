using Ariane.Core.Common;

namespace Ariane.Core.Tests.Common;

public class EntityIdsTests
{
    [Fact]
    public void A_version_7_id_tells_when_it_was_created()
    {
        var at = new DateTimeOffset(2026, 6, 1, 9, 30, 15, 250, TimeSpan.Zero);
        var id = Guid.CreateVersion7(at);

        Assert.Equal(at.UtcDateTime, EntityIds.CreatedAt(id));
        Assert.True(EntityIds.CreatedBefore(id, at.UtcDateTime));
        Assert.False(EntityIds.CreatedBefore(id, at.UtcDateTime.AddMilliseconds(-1)));
    }

    [Fact]
    public void An_id_of_another_version_tells_nothing_and_counts_as_before()
    {
        var random = Guid.NewGuid();

        Assert.Null(EntityIds.CreatedAt(random));
        Assert.True(EntityIds.CreatedBefore(random, DateTime.UnixEpoch));
    }
}
