using System.ComponentModel.DataAnnotations;
using Ariane.Core.Audit;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Account;

public sealed class TokenRequest
{
    [Required(ErrorMessage = "L'identifiant est obligatoire.")]
    [StringLength(256)]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Le mot de passe est obligatoire.")]
    [StringLength(256)]
    public string? Password { get; set; }

    /// <summary>The current 6-digit TOTP code (required when the account has a second factor, which staff accounts must).</summary>
    [StringLength(7)]
    public string? TotpCode { get; set; }
}

/// <summary>Personal accounts: sign-in with a second factor, password, sessions, API tokens.</summary>
public sealed class AccountModule : IArianeModule
{
    public int Order => 10;

    public void AddServices(IServiceCollection services) => services.AddScoped<AuthAudit>().AddScoped<SignInRefusal>().AddScoped<GetHome>();

    /// <summary>
    /// POST /api/v1/auth/token: the same personal account, password and second factor as the web, and
    /// the same lockout; answers a bearer token for the Authorization header.
    /// </summary>
    public void MapApi(RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithTags("Authentification")
            .WithName("IssueToken")
            .WithSummary("Obtenir un jeton d'accès (identifiant, mot de passe, code TOTP)")
            .WithMetadata(new NoChildDataAttribute());
    }

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Authentification", 100, 199, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.LoginSucceeded] = "Connexion",
            [AuditEventType.LoginFailed] = "Échec de connexion",
            [AuditEventType.LockedOut] = "Compte verrouillé",
            [AuditEventType.Logout] = "Déconnexion",
            [AuditEventType.LogoutEverywhere] = "Déconnexion de toutes les sessions",
            [AuditEventType.TwoFactorEnabled] = "Double authentification activée",
            [AuditEventType.TwoFactorFailed] = "Code de double authentification refusé",
            [AuditEventType.RecoveryCodeUsed] = "Code de secours utilisé",
            [AuditEventType.TwoFactorReset] = "Double authentification réinitialisée",
            [AuditEventType.PasswordChanged] = "Mot de passe changé",
            [AuditEventType.ApiTokenIssued] = "Jeton d'API délivré",
            [AuditEventType.SessionExpired] = "Session expirée",
            [AuditEventType.DemoAccountRefused] = "Compte de démonstration refusé",
        }),
    ];

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signInManager, AuthAudit audit, SignInRefusal refusal, IOptions<SecurityOptions> security)
    {
        var errors = Validation.Check(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Les données envoyées ne sont pas valides.");
        }

        // One answer for an unknown account, a wrong password or code, a locked account: it states the lockout rule, not the account's state.
        var refused = TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: refusal.ApiMessage);
        var user = await users.FindByNameAsync(request.UserName!.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Identity answers these without hashing: same delay as a wrong password.
            refusal.SpendHashTime(request.Password!);
        }

        if (user is null)
        {
            await audit.RecordAsync(AuditEventType.LoginFailed, null, request.UserName, AuditOutcome.Denied, "{\"channel\":\"api\"}");
            return refused;
        }

        var check = await signInManager.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            var type = check.IsLockedOut ? AuditEventType.LockedOut : AuditEventType.LoginFailed;
            await audit.RecordAsync(type, user, outcome: AuditOutcome.Denied, details: "{\"channel\":\"api\"}");
            return refused;
        }

        if (user.MustChangePassword)
        {
            await audit.RecordAsync(AuditEventType.LoginFailed, user, outcome: AuditOutcome.Denied, details: "{\"channel\":\"api\",\"reason\":\"temporary password\"}");
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Mot de passe provisoire : choisissez votre mot de passe dans Ariane avant d'utiliser l'API.");
        }

        if (user.TwoFactorEnabled)
        {
            var code = (request.TotpCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                await audit.RecordAsync(AuditEventType.TwoFactorFailed, user, outcome: AuditOutcome.Denied, details: "{\"channel\":\"api\"}");
                return refused;
            }
        }
        else if (security.Value.RequireTwoFactor)
        {
            await audit.RecordAsync(AuditEventType.LoginFailed, user, outcome: AuditOutcome.Denied, details: "{\"channel\":\"api\",\"reason\":\"no second factor\"}");
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Double authentification requise : activez-la d'abord dans Ariane (page « Sécurité du compte »).");
        }

        await users.ResetAccessFailedCountAsync(user);
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        await audit.RecordAsync(AuditEventType.ApiTokenIssued, user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
