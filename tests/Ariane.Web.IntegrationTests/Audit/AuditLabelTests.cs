using Ariane.Core.Audit;
using Ariane.Web.Features.Audit;

namespace Ariane.Web.IntegrationTests.Audit;

/// <summary>The DPO reads the audit in French: every event type has a French label, not its code name.</summary>
public sealed class AuditLabelTests
{
    [Fact]
    public void Every_audit_event_type_has_a_french_label()
    {
        var missing = Enum.GetValues<AuditEventType>().Where(t => AuditLabels.Of(t) == t.ToString()).ToList();
        Assert.True(missing.Count == 0, "No French label for: " + string.Join(", ", missing));
    }
}
