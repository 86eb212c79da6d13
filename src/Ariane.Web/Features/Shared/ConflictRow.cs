namespace Ariane.Web.Features.Shared;

/// <summary>
/// One field of a conflict screen (someone saved the same record first): its value when the user opened
/// the form, the user's input, and the version saved meanwhile. The user keeps theirs or mine per field.
/// </summary>
public sealed record ConflictRow(string Name, string Label, string Original, string Mine, string Theirs)
{
    public bool Differs => !Same(Mine, Theirs);

    /// <summary>Mine unchanged from the original: the other change is the only one, keep it by default.</summary>
    public bool KeepTheirsByDefault => Same(Mine, Original);

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
}

/// <summary>Who saved the other version, and when (from the audit of that change).</summary>
public sealed record SavedBy(string Name, DateTime At);

/// <summary>The choice posted for a field of a conflict screen.</summary>
public static class ConflictChoice
{
    public const string Mine = "mine";
    public const string Theirs = "theirs";
}
