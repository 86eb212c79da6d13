using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Account;

/// <summary>
/// What a refused sign-in says and how long it takes, the same for an unknown user name, a wrong password,
/// a locked or a deactivated account: nobody learns from the answer (text or delay) which accounts exist.
/// The message states the lockout rule (read from Identity's options) instead of the state of one account.
/// </summary>
public sealed class SignInRefusal(IOptions<IdentityOptions> identity, IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new() { UserName = "-", DisplayName = "-" };
    private static string? dummyHash;

    /// <summary>« Identifiant ou mot de passe incorrect. Après 5 échecs successifs, le compte est bloqué pendant 15 minutes. »</summary>
    public string Message => Refused("Identifiant ou mot de passe incorrect.");

    /// <summary>The API's one refusal, where the code travels with the password.</summary>
    public string ApiMessage => Refused("Identifiant, mot de passe ou code incorrect.");

    /// <summary>
    /// The second step (code) comes after the right password: the person knows the account exists,
    /// so this one may say that it is locked, and for how long.
    /// </summary>
    public string LockedMessage
    {
        get
        {
            var lockout = identity.Value.Lockout;
            return $"Connexion bloquée pendant {Duration(lockout.DefaultLockoutTimeSpan)} après {lockout.MaxFailedAccessAttempts} échecs successifs. "
                + "Réessayez ensuite, ou demandez à votre administrateur de la débloquer.";
        }
    }

    /// <summary>
    /// Identity answers an unknown or locked account without hashing the password, far faster than a wrong one:
    /// hash once anyway so the three refusals take the same time.
    /// </summary>
    public void SpendHashTime(string password)
    {
        dummyHash ??= hasher.HashPassword(Nobody, "Ariane-refus-" + Guid.NewGuid());
        hasher.VerifyHashedPassword(Nobody, dummyHash, password);
    }

    private string Refused(string what)
    {
        var lockout = identity.Value.Lockout;
        return $"{what} Après {lockout.MaxFailedAccessAttempts} échecs successifs, "
            + $"la connexion au compte est bloquée pendant {Duration(lockout.DefaultLockoutTimeSpan)}.";
    }

    /// <summary>« 15 minutes », « 1 minute », « 2 heures », « 1 heure 30 minutes ».</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (int)Math.Ceiling(span.TotalMinutes);
        var hours = minutes / 60;
        var rest = minutes % 60;
        var h = hours == 0 ? string.Empty : hours == 1 ? "1 heure" : $"{hours} heures";
        var m = rest == 0 ? string.Empty : rest == 1 ? "1 minute" : $"{rest} minutes";
        return h.Length > 0 && m.Length > 0 ? $"{h} {m}" : h + m;
    }
}
