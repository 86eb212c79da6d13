using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ariane.Web.Infrastructure;

/// <summary>Last-resort error answers: a problem document for the API, a plain French page otherwise. Nothing leaks.</summary>
public static class ErrorResponses
{
    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
    }

    public static async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Ariane.Errors");
        // Type and trace id only: exception messages may carry personal data.
        logger.LogError("Unhandled {ExceptionType} on {Method} {Endpoint} (trace {TraceId})",
            feature?.Error.GetType().Name, context.Request.Method, feature?.Endpoint?.DisplayName, context.TraceIdentifier);

        if (IsApi(context.Request))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = context.Response.StatusCode,
                    Title = "Erreur interne. L'opération n'a pas été enregistrée.",
                },
            });
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur — Ariane</title></head>
            <body><main><h1>Une erreur est survenue</h1>
            <p>L'opération n'a pas été enregistrée. Réessayez ; si le problème persiste, communiquez ce numéro au support : {WebUtility.HtmlEncode(context.TraceIdentifier)}.</p>
            <p><a href="/">Retour à l'accueil</a></p></main></body></html>
            """);
    }
}
