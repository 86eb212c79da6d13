using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ariane.Web.Infrastructure;

/// <summary>RFC 7807 problem details for the API, and the mapping of handler results to HTTP.</summary>
public static class ProblemSetup
{
    public static IServiceCollection AddArianeProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Never echo exception messages: they may hold personal data.
            ctx.ProblemDetails.Extensions.Remove("exception");
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            // Status codes answered without a body (authentication, authorization) get a French title, not the English reason phrase.
            ctx.ProblemDetails.Title = (ctx.ProblemDetails.Status, ctx.ProblemDetails.Title) switch
            {
                (StatusCodes.Status401Unauthorized, "Unauthorized") => "Authentification requise : obtenez un jeton par POST /api/v1/auth/token.",
                (StatusCodes.Status403Forbidden, "Forbidden") => "Action non autorisée pour votre rôle.",
                (StatusCodes.Status404NotFound, "Not Found") => "Introuvable.",
                (StatusCodes.Status405MethodNotAllowed, "Method Not Allowed") => "Méthode non autorisée.",
                (StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type") => UnsupportedMediaType,
                (_, var title) => title,
            };
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddTextInputRules();
        return services;
    }

    /// <summary>The title of a 415: the body was not sent as JSON.</summary>
    internal const string UnsupportedMediaType = "Type de contenu non pris en charge : envoyez le corps en JSON (Content-Type: application/json).";

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.Status switch
        {
            ResultStatus.Ok => ok(result.Value!),
            ResultStatus.Invalid => TypedResults.ValidationProblem(
                result.Errors!.ToDictionary(e => e.Key, e => e.Value),
                title: "Les données envoyées ne sont pas valides."),
            ResultStatus.Conflict => TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflit de modification",
                Detail = "Quelqu'un a enregistré ce dossier depuis que vous l'avez ouvert. Voici la version actuelle ; reprenez vos changements dessus.",
                Extensions = { ["current"] = result.Current },
            }),
            ResultStatus.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Action non autorisée pour votre rôle."),
            _ => NotFound(),
        };
    }

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Introuvable.");
}

/// <summary>
/// Malformed JSON, wrong types and unknown enum values surface as BadHttpRequestException during
/// binding: answer 400 with a problem document instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        // A body without a JSON Content-Type is refused (415) before it is read: say so, not "invalid JSON".
        var problem = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? new ValidationProblemDetails { Status = bad.StatusCode, Title = ProblemSetup.UnsupportedMediaType }
            : new ValidationProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Requête illisible.",
                Detail = "Le corps de la requête n'est pas un JSON valide ou contient une valeur d'un type inattendu.",
            };
        // The JSON path names the field (e.g. "$.child.sex"); it carries no value, so no personal data.
        if (bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path } json)
        {
            // The reader could not turn the text into a string (a lone surrogate such as \ud800): same rule as TextRules.
            problem.Errors[path.TrimStart('$', '.')] = [json.InnerException is InvalidOperationException
                ? "Ce champ contient un caractère non autorisé (moitié isolée d'un caractère)."
                : "Valeur invalide ou d'un type inattendu pour ce champ."];
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
