using Ariane.Core.Common;

namespace Ariane.Core.Tests.Common;

public class FrenchPhoneticTests
{
    private static string Sound(string name) => FrenchPhonetic.Encode(string.Concat(FrenchPhonetic.Words(name)));

    [Theory]
    // The examples of the search (docs/domain.md): spelled apart, said alike.
    [InlineData("roland", "Rolland")]
    [InlineData("lefebre", "Lefèvre")]
    [InlineData("lefebvre", "Lefèvre")]
    [InlineData("dupond", "Dupont")]
    [InlineData("philippe", "Filipe")]
    // Silent letters, doubled letters, « th », « ph », « au / eau », nasal vowels, soft c and g.
    [InlineData("Thomas", "Tomas")]
    [InlineData("Matthieu", "Mathieu")]
    [InlineData("Gauthier", "Gautier")]
    [InlineData("Renault", "Renaud")]
    [InlineData("Rousseaux", "Rousseau")]
    [InlineData("Laurent", "Lorant")]
    [InlineData("Bertrand", "Bertran")]
    [InlineData("Christophe", "Kristof")]
    [InlineData("Catherine", "Katherine")]
    [InlineData("Jérôme", "Gérome")]
    [InlineData("Françoise", "fransoise")]
    [InlineData("Georges", "Jorge")]
    [InlineData("Guillaume", "Guilhaume")]
    [InlineData("Baptiste", "Batiste")]
    [InlineData("Nathalie", "Natalie")]
    [InlineData("Yanis", "Iannis")]
    [InlineData("Lambert", "Lembert")]
    [InlineData("René", "Renée")]
    public void Spellings_of_one_sound_share_a_key(string typed, string stored) =>
        Assert.Equal(Sound(stored), Sound(typed));

    [Theory]
    [InlineData("Martin", "Morin")]
    [InlineData("Dupont", "Dumont")]
    [InlineData("Bernard", "Renard")]
    [InlineData("Moreau", "Moret")]
    [InlineData("Roland", "Rolin")]
    [InlineData("Simon", "Simone")]
    [InlineData("Léa", "Lia")]
    [InlineData("Louis", "Lucie")]
    [InlineData("Petit", "Petiot")]
    [InlineData("Camille", "Cyrille")]
    [InlineData("Inès", "Agnès")]
    public void Names_that_sound_different_keep_different_keys(string one, string other) =>
        Assert.NotEqual(Sound(one), Sound(other));

    [Fact]
    public void Ignores_accents_and_case_like_the_rest_of_the_search()
    {
        Assert.Equal(Sound("LÉA"), Sound("lea"));
        Assert.Equal(Sound("Chloé"), Sound("chloe"));
        Assert.Equal(Sound("Hélène"), Sound("helene"));
    }

    [Fact]
    public void The_stored_key_holds_every_name_word_and_compound_names_joined()
    {
        var key = FrenchPhonetic.Key("D'Arc-Dupont", null, "Élodie Marie");
        Assert.Contains("|" + Sound("Dupont") + "|", key, StringComparison.Ordinal);
        Assert.Contains("|" + Sound("Elodie") + "|", key, StringComparison.Ordinal);
        Assert.Contains("|" + Sound("darcdupont") + "|", key, StringComparison.Ordinal);
        Assert.StartsWith("|", key, StringComparison.Ordinal);
        Assert.EndsWith("|", key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_without_letters_has_no_key() =>
        Assert.Equal("||", FrenchPhonetic.Key("123", "", null));
}
