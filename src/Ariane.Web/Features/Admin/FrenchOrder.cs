using System.Globalization;

namespace Ariane.Web.Features.Admin;

/// <summary>
/// Alphabetical order as a French reader expects it ("Éducation" among the E, not after Z). Lists of
/// organisations, services and roles are short, so they are sorted in memory rather than by the
/// database's binary collation.
/// </summary>
internal static class FrenchOrder
{
    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase);
}
