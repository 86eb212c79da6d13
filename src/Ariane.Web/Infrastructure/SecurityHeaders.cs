namespace Ariane.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>Strict browser policy: our own scripts and styles only, no framing, no referrer leaks.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Exactly what antiforgery sets on every page with a form: with "no-store" alone it overrode it and logged a warning per page.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        await next();
    });
}
