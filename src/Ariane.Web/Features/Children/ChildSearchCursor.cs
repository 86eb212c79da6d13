namespace Ariane.Web.Features.Children;

/// <summary>
/// Keyset cursor of the search (docs/architecture.md, keyset pagination): the tier, sort key and id of
/// the last row shown, base64url-encoded. Tier 0 holds the names matched by spelling, tier 1 those
/// found by their sound (<see cref="ChildSearchQuery"/>).
/// </summary>
internal readonly record struct ChildSearchCursor(int Tier, string Key, Guid Id)
{
    public string Format() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Tier % 10}{Id:N}{Key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ChildSearchCursor? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var b64 = value.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            return text.Length >= 33 && char.IsAsciiDigit(text[0]) && Guid.TryParseExact(text[1..33], "N", out var id)
                ? new ChildSearchCursor(text[0] - '0', text[33..], id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
