using Ariane.Core.Children;

namespace Ariane.Core.Tests.Children;

public class PartialDateTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    // ---- TryParse -------------------------------------------------------------------------------

    [Theory]
    [InlineData("12/03/2015", 2015, 3, 12)]
    [InlineData("03/2015", 2015, 3, null)]
    [InlineData("2015", 2015, null, null)]
    [InlineData("2015-03-12", 2015, 3, 12)]
    [InlineData("2015-03", 2015, 3, null)]
    [InlineData("12/3/2015", 2015, 3, 12)]
    [InlineData("3/2015", 2015, 3, null)]
    [InlineData("12.03.2015", 2015, 3, 12)]
    [InlineData("12-03-2015", 2015, 3, 12)]
    [InlineData("12 03 2015", 2015, 3, 12)]
    [InlineData("  12/03/2015  ", 2015, 3, 12)]
    [InlineData(" 2015 ", 2015, null, null)]
    public void TryParse_reads_the_accepted_formats(string text, int year, int? month, int? day)
    {
        Assert.Equal(new PartialDate(year, month, day), PartialDate.TryParse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_of_nothing_is_unknown(string? text)
    {
        var parsed = PartialDate.TryParse(text);

        Assert.Equal(PartialDate.Unknown, parsed);
        Assert.Equal(new PartialDate(null, null, null), parsed);
    }

    [Fact]
    public void TryParse_accepts_an_impossible_day_which_IsValid_then_rejects()
    {
        var parsed = PartialDate.TryParse("31/02/2015");

        Assert.Equal(new PartialDate(2015, 2, 31), parsed);
        Assert.False(parsed!.IsValid(Today));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1/2/15")]
    [InlineData("12/03/15")]
    [InlineData("15")]
    [InlineData("20150312")]
    [InlineData("2015/03/12")]
    [InlineData("12/03/2015/1")]
    [InlineData("12/mars/2015")]
    [InlineData("12/03/02015")]
    [InlineData("+12/03/2015")]
    [InlineData("/")]
    public void TryParse_returns_null_for_what_is_not_a_date(string text)
    {
        Assert.Null(PartialDate.TryParse(text));
    }

    // ---- IsValid --------------------------------------------------------------------------------

    public static TheoryData<int?, int?, int?> ValidDates => new()
    {
        { null, null, null },
        { 2015, null, null },
        { 2015, 3, null },
        { 2015, 3, 12 },
        { 2016, 2, 29 },
        { 1900, 1, 1 },
        { 2025, null, null },
        { 2025, 6, null },
        { 2025, 6, 15 },
        { 2015, 12, 31 },
    };

    public static TheoryData<int?, int?, int?> InvalidDates => new()
    {
        { 2026, null, null },  // future year
        { 2025, 7, null },     // future month of this year
        { 2025, 6, 16 },       // tomorrow
        { 2015, null, 12 },    // day without month
        { null, null, 12 },    // day without month or year
        { null, 3, null },     // month without year
        { null, 3, 12 },       // day and month without year
        { 2015, 13, null },    // month 13
        { 2015, 13, 1 },
        { 2015, 0, null },     // month 0
        { 1899, null, null },  // before 1900
        { 1899, 12, 31 },
        { 2015, 2, 29 },       // not a leap year
        { 2015, 2, 31 },
        { 2015, 4, 31 },
        { 2015, 3, 0 },        // day 0
        { 2015, 3, 32 },
    };

    [Theory]
    [MemberData(nameof(ValidDates))]
    public void IsValid_accepts(int? year, int? month, int? day)
    {
        Assert.True(new PartialDate(year, month, day).IsValid(Today));
    }

    [Theory]
    [MemberData(nameof(InvalidDates))]
    public void IsValid_rejects(int? year, int? month, int? day)
    {
        Assert.False(new PartialDate(year, month, day).IsValid(Today));
    }

    // ---- ToString -------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, null, null, "inconnue")]
    [InlineData(2015, null, null, "2015")]
    [InlineData(2015, 3, null, "03/2015")]
    [InlineData(2015, 3, 12, "12/03/2015")]
    [InlineData(2015, 11, 1, "01/11/2015")]
    public void ToString_formats_in_french_order(int? year, int? month, int? day, string expected)
    {
        Assert.Equal(expected, new PartialDate(year, month, day).ToString());
    }

    [Fact]
    public void Unknown_displays_as_inconnue()
    {
        Assert.Equal("inconnue", PartialDate.Unknown.ToString());
    }

    [Theory]
    [InlineData(2015, null, null)]
    [InlineData(2015, 3, null)]
    [InlineData(2015, 3, 12)]
    [InlineData(2009, 10, 1)]
    public void ToString_of_a_known_date_parses_back_to_the_same_value(int year, int? month, int? day)
    {
        var date = new PartialDate(year, month, day);

        Assert.Equal(date, PartialDate.TryParse(date.ToString()));
    }
}
