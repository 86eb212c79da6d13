using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Account;

[AllowAnonymous]
[NoChildData]
[AllowedBeforeEnrolment]
public sealed class AccessDeniedModel : PageModel
{
    /// <summary>Kept for old links: it answers 403 like every refusal for lack of a role.</summary>
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
