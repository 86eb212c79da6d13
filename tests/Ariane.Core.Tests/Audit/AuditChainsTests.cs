using Ariane.Core.Audit;

namespace Ariane.Core.Tests.Audit;

public class AuditChainsTests
{
    [Fact]
    public void A_row_about_a_child_joins_the_chain_of_the_childs_departement()
    {
        Assert.Equal("97", AuditChains.For(AuditEventType.ChildViewed, "97", "98"));
        Assert.Equal("97", AuditChains.For(AuditEventType.AccessDenied, "97", null));
    }

    [Fact]
    public void A_row_about_no_child_joins_the_actors_departement_or_the_platform()
    {
        Assert.Equal("98", AuditChains.For(AuditEventType.ChildSearched, null, "98"));
        Assert.Equal(AuditChains.Platform, AuditChains.For(AuditEventType.ChildSearched, null, null));
        Assert.Equal(AuditChains.Platform, AuditChains.For(AuditEventType.ChildSearched, "", ""));
    }

    [Fact]
    public void Sign_in_events_join_the_platform_chain_whoever_signs_in()
    {
        var authentication = AuditEventKinds.TypesOf(AuditEventKind.Authentication);
        Assert.NotEmpty(authentication);
        Assert.All(authentication, type => Assert.Equal(AuditChains.Platform, AuditChains.For(type, null, "98")));
    }
}
