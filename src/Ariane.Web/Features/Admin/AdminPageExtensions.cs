using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin;

internal static class AdminPageExtensions
{
    /// <summary>The page's answer to a refusal: 403 (access denied page) or 404; null when the handler did its job.</summary>
    public static IActionResult? Refusal<T>(this PageModel page, Result<T> result) => result.Status switch
    {
        ResultStatus.Forbidden => page.Forbid(),
        ResultStatus.NotFound => page.NotFound(),
        _ => null,
    };
}
