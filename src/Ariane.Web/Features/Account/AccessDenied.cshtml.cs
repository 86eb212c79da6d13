using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Account;

[AllowAnonymous]
[NoChildData]
[AllowedBeforeEnrolment]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
