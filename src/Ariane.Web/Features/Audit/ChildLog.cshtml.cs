using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Audit;

/// <summary>"Who looked at this record": for the DPO and the cadre of a child they can read. Viewing it is audited.</summary>
[AuditedChildData(Section.Identity)]
public sealed class ChildLogModel(ChildAccessLog log, CurrentUser currentUser) : PageModel
{
    public const int PageSize = 50;

    public Guid Id { get; private set; }

    public long? Before { get; private set; }

    public AuditPage? Entries { get; private set; }

    /// <summary>The DPO reads the log without reading the record: no link that would only be refused.</summary>
    public bool CanOpenRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, long? before, CancellationToken cancellationToken)
    {
        (Id, Before) = (id, before);
        var result = await log.HandleAsync(id, before, PageSize, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        Entries = result.Value;
        CanOpenRecord = !await currentUser.HasAsync(Permission.SearchAudit, cancellationToken);
        return Page();
    }
}
