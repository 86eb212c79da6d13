using Ariane.Web.Features.Account;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features;

/// <summary>Home: who is signed in, with which roles where, and the work each role offers. Shows no child data.</summary>
[NoChildData]
public sealed class IndexModel(GetHome home) : PageModel
{
    public HomeView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await home.HandleAsync(cancellationToken);
}
