using System.Security.Cryptography;

namespace Ariane.Web.Features.Admin;

/// <summary>
/// Generates the temporary password given to a new account or after a reset. Cryptographically random,
/// it satisfies the password policy (length, upper, lower, digit, special, unique characters) and leaves
/// out look-alike characters (0/O, 1/l/I) because it is read on a screen and typed by hand.
/// </summary>
internal static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Specials = "!#$%&*+-=?@";
    private const string All = Upper + Lower + Digits + Specials;

    /// <summary>At least 16 characters, more if the configured policy asks for more.</summary>
    public static string Generate(int requiredLength, int requiredUniqueChars)
    {
        var length = Math.Max(16, requiredLength);
        while (true)
        {
            var chars = new char[length];
            chars[0] = Pick(Upper);
            chars[1] = Pick(Lower);
            chars[2] = Pick(Digits);
            chars[3] = Pick(Specials);
            for (var i = 4; i < length; i++)
            {
                chars[i] = Pick(All);
            }

            RandomNumberGenerator.Shuffle(chars.AsSpan());
            if (chars.Distinct().Count() >= Math.Max(6, requiredUniqueChars))
            {
                return new string(chars);
            }
        }
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
