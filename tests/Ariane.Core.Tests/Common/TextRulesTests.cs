using Ariane.Core.Common;

namespace Ariane.Core.Tests.Common;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Élodie-Marie d'Arc")]
    [InlineData("Nguyễn Thị 😀")]
    [InlineData("李小龍")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_is_accepted(string? text) => Assert.Null(TextRules.Find(text));

    [Theory]
    [InlineData("A\u0000", TextProblemKind.Control, 0x0000)]
    [InlineData("A\u0007", TextProblemKind.Control, 0x0007)]
    [InlineData("A\u001B[31m", TextProblemKind.Control, 0x001B)]
    [InlineData("A\u0085", TextProblemKind.Control, 0x0085)]
    [InlineData("A\tB", TextProblemKind.Control, 0x0009)]
    [InlineData("A\nB", TextProblemKind.Control, 0x000A)]
    [InlineData("A\u202EB", TextProblemKind.Bidirectional, 0x202E)]
    [InlineData("A\u202AB", TextProblemKind.Bidirectional, 0x202A)]
    [InlineData("A\u2066B", TextProblemKind.Bidirectional, 0x2066)]
    [InlineData("A\u2069B", TextProblemKind.Bidirectional, 0x2069)]
    [InlineData("A\uFFFE", TextProblemKind.NonCharacter, 0xFFFE)]
    [InlineData("A\uFFFF", TextProblemKind.NonCharacter, 0xFFFF)]
    [InlineData("A\uFDD0", TextProblemKind.NonCharacter, 0xFDD0)]
    [InlineData("A\uFDEF", TextProblemKind.NonCharacter, 0xFDEF)]
    [InlineData("A\U0001FFFE", TextProblemKind.NonCharacter, 0x1FFFE)]
    [InlineData("A\U0010FFFF", TextProblemKind.NonCharacter, 0x10FFFF)]
    public void Forbidden_characters_are_named_by_kind_and_code_point(string text, TextProblemKind kind, int codePoint) =>
        Assert.Equal(new TextProblem(kind, codePoint), TextRules.Find(text));

    [Fact]
    public void Unpaired_surrogates_are_refused()
    {
        // Built in code: test runners replace lone surrogates in theory data.
        Assert.Equal(new TextProblem(TextProblemKind.UnpairedSurrogate, 0xD800), TextRules.Find("A" + (char)0xD800 + "B"));
        Assert.Equal(new TextProblem(TextProblemKind.UnpairedSurrogate, 0xDC00), TextRules.Find("A" + (char)0xDC00));
    }

    [Fact]
    public void Multi_line_fields_accept_line_breaks_and_tabs_but_no_other_control_character()
    {
        Assert.Null(TextRules.Find("Ligne 1\r\nLigne 2\tsuite", multiLine: true));
        Assert.Equal(TextProblemKind.Control, TextRules.Find("Ligne 1\n\u0007", multiLine: true)?.Kind);
        Assert.Equal(TextProblemKind.NonCharacter, TextRules.Find("Ligne 1\n\uFFFE", multiLine: true)?.Kind);
    }

    [Fact]
    public void The_message_names_the_field_and_the_character_in_french()
    {
        Assert.Equal("Ce champ contient un caractère non autorisé (caractère de contrôle U+0007).", TextRules.Error("A\u0007"));
        Assert.Equal("Le champ « Nom » contient un caractère non autorisé (non-caractère Unicode U+FFFE).", TextRules.Error("A\uFFFE", fieldName: "Nom"));
    }
}
