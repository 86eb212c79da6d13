using Ariane.Core.Access;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Audit;

/// <summary>"Who looked at this record": for the DPO and the cadre of a child they can read. Viewing it is audited.</summary>
[AuditedChildData(Section.Identity)]
[OutsideChildGate(OutsideGateReason)]
public sealed class ChildLogModel(ChildAccessLog log, CurrentUser currentUser) : PageModel
{
    /// <summary>The DPO reads who opened a record without a link to the child (ChildAccessLog decides and traces).</summary>
    public const string OutsideGateReason = "le DPO lit le journal d'accès sans lien avec l'enfant ; ChildAccessLog décide et trace";

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
