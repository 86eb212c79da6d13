using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features;

/// <summary>Home: where to go next, by role. Shows no child data.</summary>
[NoChildData]
public sealed class IndexModel(CurrentUser currentUser, Audit.AccessAlerts alerts) : PageModel
{
    public Core.Access.AccessSubject? Subject { get; private set; }

    public int OpenAlerts { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Subject = await currentUser.SubjectAsync(cancellationToken);
        OpenAlerts = await alerts.OpenCountAsync(cancellationToken);
    }
}
