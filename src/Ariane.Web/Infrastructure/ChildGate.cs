using Ariane.Core.Access;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Opens the child named in the route before any endpoint or page that declares
/// <see cref="AuditedChildDataAttribute"/> runs: the declared section, and the operation the method
/// implies, go to <see cref="ChildAccess.OpenAsync"/>. A handler that forgets to ask is therefore still
/// refused, and a refused request never reaches model binding, antiforgery or a query
/// (docs/architecture.md, Access).
/// <list type="bullet">
/// <item>The child id is the route value <c>childId</c>, or <c>id</c> on the child pages.</item>
/// <item>A refusal answers exactly as an unknown id does: 404, the same body; the opening has already
/// written the « accès refusé » row with the declared section.</item>
/// <item>One exception: a change refused to someone who may read that section of the record gets 403
/// (the child's existence is no secret to them, and « introuvable » would be false).</item>
/// </list>
/// The handler's own call to <see cref="ChildAccess.OpenAsync"/> reuses the facts read here.
/// </summary>
public static class ChildGate
{
    public static IApplicationBuilder UseChildGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        var declared = endpoint?.Metadata.GetMetadata<AuditedChildDataAttribute>();
        if (declared is null || endpoint!.Metadata.GetMetadata<OutsideChildGateAttribute>() is not null || ChildIdOf(context) is not { } childId)
        {
            await next(context);
            return;
        }

        var access = context.RequestServices.GetRequiredService<ChildAccess>();
        var operation = declared.OperationFor(context.Request.Method);
        var opening = await access.OpenAsync(childId, operation, declared.Section, context.RequestAborted);
        if (opening.Allowed)
        {
            await next(context);
            return;
        }

        var readable = operation == AccessOperation.Write && opening.Permits(AccessOperation.Read, declared.Section);
        await RefuseAsync(context, readable ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
    });

    /// <summary>The child id of the route, when it has one.</summary>
    public static Guid? ChildIdOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Request.RouteValues;
        var raw = values.TryGetValue("childId", out var child) ? child : values.GetValueOrDefault("id");
        return Guid.TryParse(Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture), out var id) ? id : null;
    }

    private static async Task RefuseAsync(HttpContext context, int status)
    {
        if (!ErrorResponses.IsApi(context.Request))
        {
            // The status-code pages render the French page, as for a handler's NotFound() or Forbid().
            context.Response.StatusCode = status;
            return;
        }

        var result = status == StatusCodes.Status404NotFound
            ? ProblemSetup.NotFound()
            : TypedResults.Problem(statusCode: status, title: "Vous pouvez consulter ce dossier, pas le modifier.");
        await result.ExecuteAsync(context);
    }
}
