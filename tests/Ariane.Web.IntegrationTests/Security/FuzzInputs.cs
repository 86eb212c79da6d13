namespace Ariane.Web.IntegrationTests.Security;

/// <summary>A malformed value: what it is, for the report, and its raw text (JSON, or an already-encoded URL part).</summary>
public sealed record BadValue(string What, string Raw);

/// <summary>
/// The malformed values the fuzz test sends: wrong JSON types for each kind of property, nulls, huge
/// strings, invalid Unicode (U+FFFE, lone surrogates escaped in JSON, NUL, the bidi override U+202E),
/// impossible dates, unknown enum values, bad ids, bad query-string values. Raw text, so that what no
/// serializer would write (a lone surrogate) can be sent.
/// </summary>
public static class FuzzInputs
{
    private static readonly string Huge = new('a', 100_000);

    private static readonly BadValue[] WrongTypes =
    [
        new("null", "null"),
        new("a number", "12345"),
        new("a decimal", "1.5"),
        new("a boolean", "true"),
        new("an object", "{}"),
        new("an array", "[]"),
        new("a string", "\"texte\""),
    ];

    private static readonly BadValue[] BadStrings =
    [
        new("a 100 000-char string", $"\"{Huge}\""),
        new("U+FFFE", "\"a\\uFFFEb\""),
        new("a lone high surrogate \\ud800", "\"a\\ud800b\""),
        new("a lone low surrogate \\udc00", "\"\\udc00\""),
        new("NUL", "\"a\\u0000b\""),
        new("the bidi override U+202E", "\"a\\u202Eb\""),
        new("the impossible date 2023-02-30", "\"2023-02-30\""),
        new("the impossible date 0000-00-00", "\"0000-00-00\""),
        new("the impossible date 31/13/2020", "\"31/13/2020\""),
        new("an empty string", "\"\""),
        new("blanks", "\"   \""),
    ];

    private static readonly BadValue[] BadNumbers =
    [
        new("a number too big for any integer", "99999999999999999999999999"),
        new("int32 max + 1", "2147483648"),
        new("a negative number", "-2147483649"),
        new("1e400", "1e400"),
        new("a string that is no number", "\"abc\""),
        new("an empty string", "\"\""),
    ];

    private static readonly BadValue[] BadDates =
    [
        new("the impossible date 2023-02-30", "\"2023-02-30\""),
        new("the impossible date 0000-00-00", "\"0000-00-00\""),
        new("the impossible date 31/13/2020", "\"31/13/2020\""),
        new("month 13", "\"2020-13-01\""),
        new("year 10000", "\"10000-01-01\""),
        new("a date-time with hour 25", "\"2020-01-01T25:00:00\""),
        new("an empty string", "\"\""),
        new("a 100 000-char string", $"\"{Huge}\""),
    ];

    private static readonly BadValue[] BadUuids =
    [
        new("not a GUID", "\"not-a-guid\""),
        new("an empty string", "\"\""),
        new("the empty GUID", $"\"{Guid.Empty}\""),
        new("an unknown GUID", $"\"{Guid.NewGuid()}\""),
        new("a huge number as text", "\"99999999999999999999999999\""),
        new("a GUID with U+FFFE", "\"0000\\uFFFE-0000\""),
    ];

    private static readonly BadValue[] BadEnums =
    [
        new("an unknown enum value", "\"Alien\""),
        new("an enum as a number", "7"),
        new("an enum in lower case", "\"other\""),
        new("two enum values", "\"Other, Mother\""),
        new("an enum with the bidi override", "\"\\u202EOther\""),
        new("an empty string", "\"\""),
    ];

    /// <summary>The malformed values for one property of kind <paramref name="kind"/>.</summary>
    public static IEnumerable<BadValue> ForProperty(SchemaKind kind) => kind switch
    {
        SchemaKind.Text => WrongTypes.Where(v => v.What != "a string").Concat(BadStrings),
        SchemaKind.Date or SchemaKind.DateTime => WrongTypes.Concat(BadDates),
        SchemaKind.Uuid => WrongTypes.Concat(BadUuids),
        SchemaKind.WholeNumber => WrongTypes.Where(v => v.What is not ("a string" or "a number")).Concat(BadNumbers),
        SchemaKind.Number => WrongTypes.Where(v => v.What is not ("a string" or "a number" or "a decimal")).Concat(BadNumbers),
        SchemaKind.Enum => WrongTypes.Concat(BadEnums),
        SchemaKind.Boolean => WrongTypes.Where(v => v.What != "a boolean").Concat([new BadValue("\"yes\"", "\"yes\""), new BadValue("an empty string", "\"\"")]),
        _ => WrongTypes,
    };

    /// <summary>
    /// Bad path ids (already URL-encoded), besides a real id of another kind which the test adds. No encoded
    /// NUL: the server's request-line decoder refuses it before any app code (Kestrel answers 400, the test
    /// host throws).
    /// </summary>
    public static IEnumerable<BadValue> ForPath() =>
    [
        new("not a GUID", "not-a-guid"),
        new("an unknown GUID", Guid.NewGuid().ToString()),
        new("the empty GUID", Guid.Empty.ToString()),
        new("a huge number", "99999999999999999999999999"),
        new("a negative number", "-1"),
        new("a GUID in braces", $"%7B{Guid.NewGuid()}%7D"),
        new("an encoded bidi override", "%E2%80%AE"),
        new("invalid UTF-8", "%FF%FE"),
        new("encoded dot segments", "..%2F..%2F"),
        new("a 10 000-char segment", new string('9', 10_000)),
    ];

    /// <summary>Bad query-string values (already URL-encoded).</summary>
    public static IEnumerable<BadValue> ForQuery() =>
    [
        new("a word", "abc"),
        new("an empty value", string.Empty),
        new("a negative number", "-1"),
        new("zero", "0"),
        new("a decimal", "1.5"),
        new("a number too big for any integer", "99999999999999999999999999"),
        new("int32 max + 1", "2147483648"),
        new("a 100 000-char value", Huge),
        new("an encoded NUL", "a%00b"),
        new("a lone surrogate (CESU-8 bytes)", "a%ED%A0%80b"),
        new("invalid UTF-8", "%FF%FE"),
        new("U+FFFE", "a%EF%BF%BEb"),
        new("the bidi override U+202E", "a%E2%80%AEb"),
        new("the impossible date 2023-02-30", "2023-02-30"),
        new("the impossible date 31/13/2020", "31%2F13%2F2020"),
        new("the impossible date 0000-00-00", "0000-00-00"),
        new("a GUID", Guid.NewGuid().ToString()),
        new("base64 that decodes to nothing sensible", "AAAAAAAAAAAA"),
        new("not base64", "!!%2F%2F**"),
    ];
}
