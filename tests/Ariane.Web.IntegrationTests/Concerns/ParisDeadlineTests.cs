using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Web.Features.Shared;

namespace Ariane.Web.IntegrationTests.Concerns;

/// <summary>
/// The deadline runs from the day of receipt in Paris, not in UTC (docs/domain.md §2.2): an IP received at
/// half past midnight in Paris is of that Paris day, on both sides of the changes of time.
/// </summary>
public sealed class ParisDeadlineTests
{
    private static readonly ConcernDeadlineOptions Law = new();

    [Theory]
    // Summer time (UTC+2): 22:30 UTC on 24 October is 00:30 on the 25th in Paris.
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25", "2027-01-25")]
    // The night clocks go back (25 October 2026, 03:00 → 02:00): 00:30 UTC is 02:30 summer time, 01:30 UTC 02:30 winter time.
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25", "2027-01-25")]
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25", "2027-01-25")]
    // Winter time (UTC+1): 23:30 UTC on 28 March is 00:30 on the 29th, the night clocks go forward.
    [InlineData("2026-03-28T23:30:00Z", "2026-03-29", "2026-06-29")]
    // 22:59 UTC on 30 November is still the 30th in Paris (23:59), due on the last day of February.
    [InlineData("2026-11-30T22:59:00Z", "2026-11-30", "2027-02-28")]
    // A minute later it is 1 December in Paris.
    [InlineData("2026-11-30T23:00:00Z", "2026-12-01", "2027-03-01")]
    public void The_paris_day_of_receipt_sets_the_due_date(string receivedUtc, string parisDay, string due)
    {
        var utc = DateTime.Parse(receivedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var day = DateOnly.FromDateTime(Format.ToParis(utc));
        Assert.Equal(DateOnly.Parse(parisDay, System.Globalization.CultureInfo.InvariantCulture), day);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), ConcernDeadlines.DueOn(day, [new PartialDate(2015, 1, 1)], false, Law));
    }

    [Fact]
    public void A_time_typed_in_the_hour_skipped_in_spring_is_taken_just_after_the_jump()
    {
        var stored = Format.FromParis(new DateTime(2026, 3, 29, 2, 30, 0));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), stored);
        Assert.Equal(new DateOnly(2026, 3, 29), DateOnly.FromDateTime(Format.ToParis(stored)));
    }
}
