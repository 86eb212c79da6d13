using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// The JSON reader of minimal APIs decodes a body in the charset its Content-Type names, and throws
/// (a 500) on a charset .NET does not know (« charset=n'importe quoi », or a quoted name). Such a request
/// is answered 415 before any binding, so nothing is read and nothing is written.
/// </summary>
public static class RequestCharset
{
    public static IApplicationBuilder UseKnownRequestCharset(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ErrorResponses.IsApi(context.Request)
            && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset.HasValue && type.Encoding is null)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "Jeu de caractères inconnu.",
                    Detail = "Envoyez le corps en JSON encodé en UTF-8 (Content-Type: application/json; charset=utf-8).",
                },
            });
            return;
        }

        await next();
    });
}
