using System.Globalization;

namespace Ariane.Core.Common;

/// <summary>
/// What typed text may contain, the one rule for every field of every form and API (applied at binding,
/// see Ariane.Web's TextInputSetup). Refused: control characters (line breaks and tabs only in
/// <see cref="MultiLineAttribute"/> fields), the bidirectional overrides and isolates that can disguise a
/// text (U+202A–U+202E, U+2066–U+2069), Unicode non-characters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) and
/// unpaired surrogates. Such text is never typed on purpose; .NET's normalisation throws on some of it and
/// PostgreSQL cannot store NUL, so letting it through would be a 500 on one database and stored on the other.
/// </summary>
public static class TextRules
{
    /// <summary>The first forbidden character of <paramref name="value"/>, or null when the text is acceptable.</summary>
    public static TextProblem? Find(string? value, bool multiLine = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if (IsNonCharacter(codePoint))
                {
                    return new TextProblem(TextProblemKind.NonCharacter, codePoint);
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return new TextProblem(TextProblemKind.UnpairedSurrogate, c);
            }

            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                return new TextProblem(TextProblemKind.Control, c);
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return new TextProblem(TextProblemKind.Bidirectional, c);
            }

            if (IsNonCharacter(c))
            {
                return new TextProblem(TextProblemKind.NonCharacter, c);
            }
        }

        return null;
    }

    /// <summary>The French field error for <paramref name="value"/>, or null when the text is acceptable.</summary>
    public static string? Error(string? value, bool multiLine = false, string? fieldName = null) =>
        Find(value, multiLine)?.Message(fieldName);

    private static bool IsNonCharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}

public enum TextProblemKind
{
    Control,
    Bidirectional,
    NonCharacter,
    UnpairedSurrogate,
}

/// <summary>A forbidden character found by <see cref="TextRules"/>: its kind and code point (never the text itself, which may be personal data).</summary>
public readonly record struct TextProblem(TextProblemKind Kind, int CodePoint)
{
    /// <summary>« Le champ « Nom » contient un caractère non autorisé (caractère de contrôle U+0007). »</summary>
    public string Message(string? fieldName = null)
    {
        var what = Kind switch
        {
            TextProblemKind.Control => "caractère de contrôle",
            TextProblemKind.Bidirectional => "caractère qui inverse le sens d'écriture",
            TextProblemKind.NonCharacter => "non-caractère Unicode",
            _ => "moitié isolée d'un caractère",
        };
        var subject = string.IsNullOrWhiteSpace(fieldName) ? "Ce champ" : $"Le champ « {fieldName} »";
        return string.Create(CultureInfo.InvariantCulture, $"{subject} contient un caractère non autorisé ({what} U+{CodePoint:X4}).");
    }
}

/// <summary>
/// Marks a text field where line breaks and tabs are expected (notes, reasons): <see cref="TextRules"/>
/// accepts them there, and only there.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class MultiLineAttribute : Attribute;
