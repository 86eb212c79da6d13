using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Journal;

/// <summary>« Mes enfants accueillis »: the foster carer's phone page (docs/domain.md, Journal).</summary>
[AuditedChildData(Section.Social)]
public sealed class FosterModel(FosterChildren children, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<FosterChild> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await currentUser.HasAsync(Permission.RecordIncident, cancellationToken))
        {
            return Forbid();
        }

        Children = await children.HandleAsync(cancellationToken);
        return Page();
    }
}
