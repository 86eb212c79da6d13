using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Infrastructure;

public static class SecuritySetup
{
    public const string ApiPolicy = "api";
    /// <summary>Chooses the bearer scheme when the request carries a bearer token, else the cookie.</summary>
    private const string SmartScheme = "cookie-or-bearer";

    public static IServiceCollection AddArianeSecurity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((o, options) =>
            {
                var security = options.Value;
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = security.MinPasswordLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 6;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.SignIn.RequireConfirmedAccount = false;
            });

        services.AddAuthentication(o =>
            {
                // AddIdentity set the cookie as default for authenticate and challenge: route both by the request.
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            // Bearer tokens only for the API: a token must never open the pages (nor mint a session cookie).
            .AddPolicyScheme(SmartScheme, "Cookie ou jeton", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme);
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<SecurityOptions>>((o, options) =>
            o.BearerTokenExpiration = TimeSpan.FromMinutes(options.Value.ApiTokenMinutes));

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SecurityOptions>>((o, options) =>
            o.ExpireTimeSpan = TimeSpan.FromMinutes(options.Value.IdleTimeoutMinutes));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ariane.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // API callers get status codes, not redirects to the login page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            // A feature the role lacks answers 403 where it was asked, never a redirect to a page answering 200:
            // the status-code pages render the French explanation (/Error?code=403), the API a problem document.
            // (Child data the user may not see answers 404 instead, from the handlers: docs/security.md.)
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "ariane.2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // "Log out everywhere" changes the security stamp; other sessions notice within a minute.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SecurityOptions>>((o, options) =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(options.Value.SessionRevalidationSeconds);
            // The refreshed principal is rebuilt from the database: keep how the session was authenticated (mfa).
            o.OnRefreshingPrincipal = context =>
            {
                var amr = context.CurrentPrincipal?.FindFirst("amr");
                if (amr is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim("amr", amr.Value))
                {
                    identity.AddClaim(new System.Security.Claims.Claim("amr", amr.Value));
                }

                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ariane.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
