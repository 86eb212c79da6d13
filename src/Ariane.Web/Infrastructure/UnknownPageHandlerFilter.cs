using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// A POST (or any change) that names no handler the page has — a form posted without its
/// <c>handler</c>, a forged request — would render the page without running anything, on a model
/// that was never loaded: a 500 at best. It answers 400 (the French « requête invalide » page) instead.
/// </summary>
public sealed class UnknownPageHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            context.Result = new BadRequestResult();
            return;
        }

        await next();
    }
}
