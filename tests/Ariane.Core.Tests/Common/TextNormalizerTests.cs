using System.Globalization;
using Ariane.Core.Common;

namespace Ariane.Core.Tests.Common;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Élodie-Marie d'Arc", "ELODIE MARIE D ARC")]
    [InlineData("élodie", "ELODIE")]
    [InlineData("ÇÀÂÉÈÊËÎÏÔÙÛÜŸ", "CAAEEEEIIOUUUY")]
    [InlineData("çàâéèêëîïôùûüÿ", "CAAEEEEIIOUUUY")]
    [InlineData("Anaïs Noël", "ANAIS NOEL")]
    [InlineData("jean dupont", "JEAN DUPONT")]
    [InlineData("JeAn DuPoNt", "JEAN DUPONT")]
    public void Removes_accents_and_upper_cases(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("Jean-Pierre", "JEAN PIERRE")]
    [InlineData("Jean--Pierre", "JEAN PIERRE")]
    [InlineData("Jean - Pierre", "JEAN PIERRE")]
    [InlineData("N'Diaye", "N DIAYE")]
    [InlineData("N’Diaye", "N DIAYE")]
    [InlineData("d'Arc-Lefèvre", "D ARC LEFEVRE")]
    [InlineData("Dupont.", "DUPONT")]
    [InlineData("-Dupont-", "DUPONT")]
    [InlineData("Dupont (née Martin)", "DUPONT NEE MARTIN")]
    public void Turns_hyphens_apostrophes_and_punctuation_into_single_spaces(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("Œuvre", "OEUVRE")]
    [InlineData("cœur", "COEUR")]
    [InlineData("Lætitia", "LAETITIA")]
    [InlineData("ÆLIS", "AELIS")]
    [InlineData("Strauß", "STRAUSS")]
    public void Expands_ligatures(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("  Jean   Pierre  ", "JEAN PIERRE")]
    [InlineData("Jean\tPierre\nMarie", "JEAN PIERRE MARIE")]
    [InlineData("Jean\u00a0Pierre", "JEAN PIERRE")]
    public void Collapses_and_trims_whitespace(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("-'- .")]
    public void Empty_null_or_only_punctuation_gives_empty_string(string? input) =>
        Assert.Equal(string.Empty, TextNormalizer.Normalize(input));

    [Fact]
    public void Keeps_digits()
    {
        Assert.Equal("LOUIS 14", TextNormalizer.Normalize("Louis 14"));
    }

    [Fact]
    public void Does_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // Turkish upper-cases 'i' to 'İ' under culture-sensitive rules.
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal("ISTANBUL IGDIR", TextNormalizer.Normalize("istanbul iğdir"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Normalize_is_idempotent()
    {
        var once = TextNormalizer.Normalize("  Élodie-Marie  d'Arc œ ");
        Assert.Equal(once, TextNormalizer.Normalize(once));
    }

    [Fact]
    public void Tokens_splits_the_normalized_text()
    {
        Assert.Equal(["JEAN", "PIERRE", "D", "ARC"], TextNormalizer.Tokens("  Jean-Pierre   d'Arc "));
        Assert.Empty(TextNormalizer.Tokens(null));
        Assert.Empty(TextNormalizer.Tokens("  "));
    }

    [Fact]
    public void SearchKey_wraps_each_token_in_pipes()
    {
        // A compound name also appears joined, so "jeanpierre" typed without the hyphen is found.
        Assert.Equal("|JEAN|PIERRE|JEANPIERRE|DUPONT|", TextNormalizer.SearchKey("Jean-Pierre", "Dupont"));
    }

    [Fact]
    public void SearchKey_contains_every_token_of_every_name_delimited_by_pipes()
    {
        var key = TextNormalizer.SearchKey("Dupont-Martin", "Élodie Marie", "d'Arc");

        foreach (var token in new[] { "DUPONT", "MARTIN", "ELODIE", "MARIE", "D", "ARC" })
        {
            Assert.Contains("|" + token + "|", key, StringComparison.Ordinal);
        }

        Assert.StartsWith("|", key, StringComparison.Ordinal);
        Assert.EndsWith("|", key, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchKey_is_deduplicated_across_names_case_and_accents()
    {
        Assert.Equal("|MARIE|ANNE|MARIEANNE|", TextNormalizer.SearchKey("Marie", "marie", "Marie-Anne", "MARIÉ"));
    }

    [Fact]
    public void SearchKey_lets_a_token_prefix_be_found_whatever_the_field()
    {
        var key = TextNormalizer.SearchKey("Dupont", "Jean-Pierre");

        // What LIKE '%|PIER%' does in SQL.
        Assert.Contains("|PIER", key, StringComparison.Ordinal);
        Assert.Contains("|DUP", key, StringComparison.Ordinal);
        // A token is found by its start only, not its middle.
        Assert.DoesNotContain("|IERRE", key, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchKey_ignores_null_and_empty_names()
    {
        Assert.Equal("|JEAN|", TextNormalizer.SearchKey(null, "", "Jean", "  "));
        Assert.Empty(TextNormalizer.Tokens(TextNormalizer.SearchKey(null, "")));
    }
}
