using Ariane.Core.Children;

namespace Ariane.Core.Tests.Children;

public class DossierNumbersTests
{
    [Theory]
    [InlineData("99", 2026, 123, "99-2026-000123")]
    [InlineData("2A", 2027, 1, "2A-2027-000001")]
    [InlineData("971", 2026, 1234567, "971-2026-1234567")]
    public void Reads_departement_year_and_sequence(string departement, int year, int sequence, string expected) =>
        Assert.Equal(expected, DossierNumbers.Format(departement, year, sequence));

    [Theory]
    [InlineData("2026-12-31T22:59:00Z", 2026)]
    [InlineData("2026-12-31T23:00:00Z", 2027)]
    [InlineData("2027-06-30T23:30:00Z", 2027)]
    public void A_record_is_numbered_in_the_french_year_of_its_creation(string createdAtUtc, int year) =>
        Assert.Equal(year, DossierNumbers.YearOf(DateTime.Parse(createdAtUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Theory]
    [InlineData("99-2026-000123", "99-2026-000123", null)]
    [InlineData("99-2026-123", "99-2026-000123", null)]
    [InlineData("2a-2026-5", "2A-2026-000005", null)]
    [InlineData("2026-000123", null, "-2026-000123")]
    [InlineData("2026-123", null, "-2026-000123")]
    [InlineData("000123", null, "-000123")]
    [InlineData("123", null, "-000123")]
    [InlineData("0123", null, "-000123")]
    public void Understands_a_number_typed_whole_or_by_its_end(string typed, string? exact, string? suffix)
    {
        Assert.True(DossierNumbers.TryParseSearch(typed, out var e, out var s));
        Assert.Equal(exact, e);
        Assert.Equal(suffix, s);
    }

    [Theory]
    [InlineData("2015")]
    [InlineData("2015-03")]
    [InlineData("03-2015")]
    [InlineData("12/03/2015")]
    [InlineData("dupont")]
    [InlineData("99-2026")]
    public void Leaves_birth_dates_and_names_alone(string typed) =>
        Assert.False(DossierNumbers.TryParseSearch(typed, out _, out _));
}
