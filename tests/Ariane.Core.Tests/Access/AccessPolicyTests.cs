using Ariane.Core.Access;

namespace Ariane.Core.Tests.Access;

/// <summary>The key promises of the access policy, one readable case each.</summary>
public class AccessPolicyTests
{
    private static readonly Guid ServiceA = Guid.NewGuid();
    private static readonly Guid ServiceB = Guid.NewGuid();
    private static readonly Guid ServiceC = Guid.NewGuid();

    private static Role Role(string code) => RoleCatalogue.Defaults.Single(r => r.Code == code);

    private static AccessSubject User(params (Guid Service, string RoleCode)[] grants) =>
        new(Guid.NewGuid(), grants.Select(g => new RoleGrant(g.Service, Role(g.RoleCode), "99")).ToList());

    private static ChildAccessFacts Child(
        Guid[]? assignedTo = null, bool named = false, bool delegation = false, bool breakGlass = false) =>
        new(Guid.NewGuid(), (assignedTo ?? []).ToHashSet(), named, delegation, breakGlass, "99");

    private static AccessDecision Allow(AccessBasis basis) => new(true, basis);

    // ---- Partners (MDPH, Éducation nationale) -------------------------------------------------

    [Fact]
    public void Partner_cannot_read_or_even_see_a_child_assigned_to_another_service()
    {
        var mdph = User((ServiceA, RoleCatalogue.Partner));
        var child = Child(assignedTo: [ServiceB]);

        foreach (var section in Enum.GetValues<Section>())
        {
            Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(mdph, AccessOperation.Read, child, section));
            Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(mdph, AccessOperation.SeeExistence, child, section));
        }
    }

    [Fact]
    public void Partner_cannot_read_a_child_assigned_to_no_service()
    {
        var mdph = User((ServiceA, RoleCatalogue.Partner));

        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(mdph, AccessOperation.Read, Child(), Section.Identity));
    }

    [Fact]
    public void Partner_reads_identity_of_a_child_assigned_to_their_service_but_only_sees_social_exists()
    {
        var mdph = User((ServiceA, RoleCatalogue.Partner));
        var child = Child(assignedTo: [ServiceA]);

        Assert.Equal(Allow(AccessBasis.ServiceAssignment), AccessPolicy.Decide(mdph, AccessOperation.Read, child, Section.Identity));
        Assert.False(AccessPolicy.Decide(mdph, AccessOperation.Write, child, Section.Identity).Allowed);
        Assert.True(AccessPolicy.Decide(mdph, AccessOperation.SeeExistence, child, Section.Social).Allowed);
        Assert.False(AccessPolicy.Decide(mdph, AccessOperation.Read, child, Section.Social).Allowed);
        Assert.False(AccessPolicy.Decide(mdph, AccessOperation.SeeExistence, child, Section.Health).Allowed);
        Assert.False(AccessPolicy.Decide(mdph, AccessOperation.SeeExistence, child, Section.Judicial).Allowed);
    }

    // ---- Health section -----------------------------------------------------------------------

    [Fact]
    public void Educator_cannot_read_health_but_can_see_that_it_exists()
    {
        var educator = User((ServiceA, RoleCatalogue.Educator));
        var child = Child(assignedTo: [ServiceA]);

        Assert.Equal(Allow(AccessBasis.ServiceAssignment), AccessPolicy.Decide(educator, AccessOperation.SeeExistence, child, Section.Health));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(educator, AccessOperation.Read, child, Section.Health));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(educator, AccessOperation.Write, child, Section.Health));
    }

    [Fact]
    public void Health_professional_can_write_health_of_a_child_of_their_service()
    {
        var doctor = User((ServiceA, RoleCatalogue.HealthProfessional));
        var child = Child(assignedTo: [ServiceA]);

        Assert.Equal(Allow(AccessBasis.ServiceAssignment), AccessPolicy.Decide(doctor, AccessOperation.Write, child, Section.Health));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(doctor, AccessOperation.Read, child, Section.Judicial));
    }

    [Fact]
    public void Health_professional_cannot_read_health_of_a_child_of_another_service()
    {
        var doctor = User((ServiceA, RoleCatalogue.HealthProfessional));

        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(doctor, AccessOperation.Read, Child(assignedTo: [ServiceB]), Section.Health));
    }

    [Fact]
    public void No_role_other_than_health_professional_reads_health()
    {
        var child = Child(assignedTo: [ServiceA], named: true, delegation: true, breakGlass: true);
        foreach (var role in RoleCatalogue.Defaults.Where(r => r.Code != RoleCatalogue.HealthProfessional))
        {
            var user = User((ServiceA, role.Code));
            Assert.False(
                AccessPolicy.Decide(user, AccessOperation.Read, child, Section.Health).Allowed,
                $"{role.Code} must not read the health section.");
        }
    }

    // ---- Break-the-glass ----------------------------------------------------------------------

    [Fact]
    public void Break_glass_never_allows_write_in_any_section_for_a_role_reaching_the_child_only_through_it()
    {
        var child = Child(assignedTo: [ServiceB], breakGlass: true);
        foreach (var role in RoleCatalogue.Defaults.Where(r => r.Scope != AccessScope.Departement))
        {
            var user = User((ServiceA, role.Code));
            foreach (var section in Enum.GetValues<Section>())
            {
                Assert.False(
                    AccessPolicy.Decide(user, AccessOperation.Write, child, section).Allowed,
                    $"{role.Code} must not write {section} through break-the-glass.");
            }
        }
    }

    [Fact]
    public void Break_glass_lets_a_referent_read_but_not_write_what_they_could_write_at_home()
    {
        var referent = User((ServiceA, RoleCatalogue.Referent));
        var child = Child(assignedTo: [ServiceB], breakGlass: true);

        Assert.Equal(Allow(AccessBasis.BreakGlass), AccessPolicy.Decide(referent, AccessOperation.Read, child, Section.Judicial));
        Assert.Equal(Allow(AccessBasis.BreakGlass), AccessPolicy.Decide(referent, AccessOperation.Read, child, Section.Identity));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(referent, AccessOperation.Write, child, Section.Judicial));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(referent, AccessOperation.Write, child, Section.Identity));
    }

    [Fact]
    public void Break_glass_does_not_widen_a_section_beyond_the_role_level()
    {
        var educator = User((ServiceA, RoleCatalogue.Educator));
        var child = Child(breakGlass: true);

        Assert.Equal(Allow(AccessBasis.BreakGlass), AccessPolicy.Decide(educator, AccessOperation.SeeExistence, child, Section.Health));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(educator, AccessOperation.Read, child, Section.Health));
    }

    [Theory]
    [InlineData(RoleCatalogue.FosterCarer)]
    [InlineData(RoleCatalogue.Partner)]
    [InlineData(RoleCatalogue.Evaluator)]
    [InlineData(RoleCatalogue.Observatory)]
    [InlineData(RoleCatalogue.Dpo)]
    [InlineData(RoleCatalogue.Administrator)]
    public void Break_glass_gives_nothing_to_a_role_without_the_permission(string roleCode)
    {
        var user = User((ServiceA, roleCode));
        var child = Child(breakGlass: true);

        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(user, AccessOperation.SeeExistence, child, Section.Identity));
    }

    [Fact]
    public void Writing_stays_possible_when_break_glass_is_open_but_the_user_is_also_assigned()
    {
        var referent = User((ServiceA, RoleCatalogue.Referent));
        var child = Child(assignedTo: [ServiceA], breakGlass: true);

        Assert.Equal(Allow(AccessBasis.ServiceAssignment), AccessPolicy.Decide(referent, AccessOperation.Write, child, Section.Judicial));
    }

    // ---- Scope None, personal scope, delegation ---------------------------------------------------

    [Theory]
    [InlineData(RoleCatalogue.Observatory)]
    [InlineData(RoleCatalogue.Dpo)]
    [InlineData(RoleCatalogue.Administrator)]
    public void Roles_without_scope_never_reach_a_child_even_when_every_link_exists(string roleCode)
    {
        var user = User((ServiceA, roleCode));
        var child = Child(assignedTo: [ServiceA], named: true, delegation: true, breakGlass: true);

        foreach (var section in Enum.GetValues<Section>())
        {
            Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(user, AccessOperation.SeeExistence, child, section));
        }
    }

    [Fact]
    public void Foster_carer_sees_only_the_children_placed_with_them()
    {
        var carer = User((ServiceA, RoleCatalogue.FosterCarer));

        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(carer, AccessOperation.Read, Child(assignedTo: [ServiceA]), Section.Identity));
        Assert.Equal(Allow(AccessBasis.PersonalAssignment), AccessPolicy.Decide(carer, AccessOperation.Read, Child(named: true), Section.Identity));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(carer, AccessOperation.Write, Child(named: true), Section.Social));
    }

    [Fact]
    public void Delegation_gives_the_same_rights_as_being_named_including_write()
    {
        var educator = User((ServiceA, RoleCatalogue.Educator));
        var child = Child(assignedTo: [ServiceB], delegation: true);

        Assert.Equal(Allow(AccessBasis.Delegation), AccessPolicy.Decide(educator, AccessOperation.Write, child, Section.Social));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(educator, AccessOperation.Write, child, Section.Identity));
    }

    [Fact]
    public void Service_role_reaches_a_child_of_another_service_on_which_the_user_is_named()
    {
        var educator = User((ServiceA, RoleCatalogue.Educator));

        Assert.Equal(
            Allow(AccessBasis.PersonalAssignment),
            AccessPolicy.Decide(educator, AccessOperation.Read, Child(assignedTo: [ServiceB], named: true), Section.Identity));
    }

    [Fact]
    public void User_without_any_role_is_denied()
    {
        var nobody = new AccessSubject(Guid.NewGuid(), []);
        var child = Child(assignedTo: [ServiceA], named: true, delegation: true, breakGlass: true);

        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(nobody, AccessOperation.SeeExistence, child, Section.Identity));
    }

    [Fact]
    public void Decide_rejects_null_arguments()
    {
        var user = User((ServiceA, RoleCatalogue.Educator));

        Assert.Throws<ArgumentNullException>(() => AccessPolicy.Decide(null!, AccessOperation.Read, Child(), Section.Identity));
        Assert.Throws<ArgumentNullException>(() => AccessPolicy.Decide(user, AccessOperation.Read, null!, Section.Identity));
    }

    // ---- The basis reported is the strongest --------------------------------------------------

    [Fact]
    public void Departement_scope_is_reported_even_when_the_user_is_also_named()
    {
        var cadre = User((ServiceA, RoleCatalogue.Cadre));
        var child = Child(assignedTo: [ServiceA], named: true, delegation: true);

        Assert.Equal(Allow(AccessBasis.DepartementScope), AccessPolicy.Decide(cadre, AccessOperation.Read, child, Section.Identity));
    }

    [Fact]
    public void Service_assignment_is_preferred_over_personal_assignment_delegation_and_break_glass()
    {
        var referent = User((ServiceA, RoleCatalogue.Referent));
        var child = Child(assignedTo: [ServiceA], named: true, delegation: true, breakGlass: true);

        Assert.Equal(Allow(AccessBasis.ServiceAssignment), AccessPolicy.Decide(referent, AccessOperation.Read, child, Section.Identity));
    }

    [Fact]
    public void Personal_assignment_is_preferred_over_delegation_and_break_glass()
    {
        var referent = User((ServiceA, RoleCatalogue.Referent));
        var child = Child(assignedTo: [ServiceB], named: true, delegation: true, breakGlass: true);

        Assert.Equal(Allow(AccessBasis.PersonalAssignment), AccessPolicy.Decide(referent, AccessOperation.Write, child, Section.Judicial));
    }

    [Fact]
    public void Delegation_is_preferred_over_break_glass_and_keeps_write()
    {
        var referent = User((ServiceA, RoleCatalogue.Referent));
        var child = Child(delegation: true, breakGlass: true);

        Assert.Equal(Allow(AccessBasis.Delegation), AccessPolicy.Decide(referent, AccessOperation.Write, child, Section.Judicial));
    }

    [Fact]
    public void Strongest_basis_wins_across_grants_whatever_their_order()
    {
        var child = Child(assignedTo: [ServiceB]);
        var educatorThenCadre = User((ServiceB, RoleCatalogue.Educator), (ServiceA, RoleCatalogue.Cadre));
        var cadreThenEducator = User((ServiceA, RoleCatalogue.Cadre), (ServiceB, RoleCatalogue.Educator));

        Assert.Equal(Allow(AccessBasis.DepartementScope), AccessPolicy.Decide(educatorThenCadre, AccessOperation.Read, child, Section.Social));
        Assert.Equal(Allow(AccessBasis.DepartementScope), AccessPolicy.Decide(cadreThenEducator, AccessOperation.Read, child, Section.Social));
    }

    [Fact]
    public void Basis_is_that_of_a_grant_that_actually_allows_the_operation()
    {
        // Partner reaches the child through its service but has no health access; the health
        // professional reaches it only because the user is named. Health is read through the latter.
        var user = User((ServiceA, RoleCatalogue.Partner), (ServiceB, RoleCatalogue.HealthProfessional));
        var child = Child(assignedTo: [ServiceA], named: true);

        Assert.Equal(Allow(AccessBasis.PersonalAssignment), AccessPolicy.Decide(user, AccessOperation.Read, child, Section.Health));
        Assert.Equal(Allow(AccessBasis.ServiceAssignment), AccessPolicy.Decide(user, AccessOperation.Read, child, Section.Identity));
    }

    [Fact]
    public void Break_glass_read_combines_with_other_grants_but_never_gives_write()
    {
        // The referent role reaches via break-the-glass only (read-only); the foster-carer role via naming
        // gives Read on social. Neither allows Write on judicial, and Read on judicial comes from break-glass.
        var user = User((ServiceA, RoleCatalogue.Referent), (ServiceC, RoleCatalogue.FosterCarer));
        var child = Child(assignedTo: [ServiceB], breakGlass: true);

        Assert.Equal(Allow(AccessBasis.BreakGlass), AccessPolicy.Decide(user, AccessOperation.Read, child, Section.Judicial));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(user, AccessOperation.Write, child, Section.Judicial));
    }

    // ---- Several grants combine ----------------------------------------------------------------

    [Fact]
    public void Partner_in_one_service_and_educator_in_another_combine_per_child()
    {
        var user = User((ServiceA, RoleCatalogue.Partner), (ServiceB, RoleCatalogue.Educator));
        var childOfA = Child(assignedTo: [ServiceA]);
        var childOfB = Child(assignedTo: [ServiceB]);
        var childOfBoth = Child(assignedTo: [ServiceA, ServiceB]);
        var childOfNeither = Child(assignedTo: [ServiceC]);

        // Child of the partner's service: partner rights only.
        Assert.True(AccessPolicy.Decide(user, AccessOperation.Read, childOfA, Section.Identity).Allowed);
        Assert.True(AccessPolicy.Decide(user, AccessOperation.SeeExistence, childOfA, Section.Social).Allowed);
        Assert.False(AccessPolicy.Decide(user, AccessOperation.Read, childOfA, Section.Social).Allowed);
        Assert.False(AccessPolicy.Decide(user, AccessOperation.SeeExistence, childOfA, Section.Health).Allowed);

        // Child of the educator's service: educator rights.
        Assert.Equal(Allow(AccessBasis.ServiceAssignment), AccessPolicy.Decide(user, AccessOperation.Write, childOfB, Section.Social));
        Assert.True(AccessPolicy.Decide(user, AccessOperation.Read, childOfB, Section.Judicial).Allowed);
        Assert.True(AccessPolicy.Decide(user, AccessOperation.SeeExistence, childOfB, Section.Health).Allowed);

        // Child of both: the union.
        Assert.True(AccessPolicy.Decide(user, AccessOperation.Write, childOfBoth, Section.Social).Allowed);
        Assert.True(AccessPolicy.Decide(user, AccessOperation.Read, childOfBoth, Section.Judicial).Allowed);
        Assert.False(AccessPolicy.Decide(user, AccessOperation.Write, childOfBoth, Section.Identity).Allowed);

        // Child of neither: nothing.
        foreach (var section in Enum.GetValues<Section>())
        {
            Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(user, AccessOperation.SeeExistence, childOfNeither, section));
        }
    }

    [Fact]
    public void Same_role_in_two_services_reaches_children_of_either()
    {
        var user = User((ServiceA, RoleCatalogue.Educator), (ServiceB, RoleCatalogue.Educator));

        Assert.True(AccessPolicy.Decide(user, AccessOperation.Read, Child(assignedTo: [ServiceA]), Section.Identity).Allowed);
        Assert.True(AccessPolicy.Decide(user, AccessOperation.Read, Child(assignedTo: [ServiceB]), Section.Identity).Allowed);
        Assert.False(AccessPolicy.Decide(user, AccessOperation.Read, Child(assignedTo: [ServiceC]), Section.Identity).Allowed);
    }

    // ---- Subject helpers ------------------------------------------------------------------------

    [Fact]
    public void Subject_lists_the_services_where_it_holds_a_permission()
    {
        var user = User((ServiceA, RoleCatalogue.Partner), (ServiceB, RoleCatalogue.Referent), (ServiceC, RoleCatalogue.Educator));

        Assert.True(user.Has(Permission.BreakGlass));
        Assert.False(user.Has(Permission.SearchAudit));
        Assert.Equal([ServiceB, ServiceC], user.ServiceIdsWith(Permission.BreakGlass));
        Assert.Equal([ServiceB], user.ServiceIdsWith(Permission.Delegate | Permission.ManageAssignments));
    }

    // ---- Tenancy (docs/decisions/0007-tenancy.md) ---------------------------------------------

    private static ChildAccessFacts ChildOf(string departement, Guid[]? assignedTo = null, bool breakGlass = false) =>
        new(Guid.NewGuid(), (assignedTo ?? []).ToHashSet(), false, false, breakGlass, departement);

    [Fact]
    public void A_departement_role_with_no_departement_reaches_no_child()
    {
        var cadre = new AccessSubject(Guid.NewGuid(), [new RoleGrant(ServiceA, Role(RoleCatalogue.Cadre), null)]);

        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(cadre, AccessOperation.SeeExistence, ChildOf("99"), Section.Identity));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(cadre, AccessOperation.SeeExistence, ChildOf(""), Section.Identity));
    }

    [Fact]
    public void A_role_held_in_two_departements_reaches_the_children_of_both_and_no_third()
    {
        var crip = new AccessSubject(Guid.NewGuid(),
            [new RoleGrant(ServiceA, Role(RoleCatalogue.CripAgent), "99"), new RoleGrant(ServiceB, Role(RoleCatalogue.CripAgent), "98")]);

        Assert.Equal(Allow(AccessBasis.DepartementScope), AccessPolicy.Decide(crip, AccessOperation.Read, ChildOf("99"), Section.Identity));
        Assert.Equal(Allow(AccessBasis.DepartementScope), AccessPolicy.Decide(crip, AccessOperation.Read, ChildOf("98"), Section.Identity));
        Assert.Equal(AccessDecision.Deny, AccessPolicy.Decide(crip, AccessOperation.SeeExistence, ChildOf("97"), Section.Identity));
    }

    [Fact]
    public void An_association_grant_with_no_departement_breaks_the_glass_on_a_child_of_any_departement()
    {
        var educator = new AccessSubject(Guid.NewGuid(), [new RoleGrant(ServiceA, Role(RoleCatalogue.Educator), null)]);

        Assert.Equal(Allow(AccessBasis.BreakGlass), AccessPolicy.Decide(educator, AccessOperation.Read, ChildOf("97", breakGlass: true), Section.Identity));
        Assert.Equal(Allow(AccessBasis.ServiceAssignment), AccessPolicy.Decide(educator, AccessOperation.Read, ChildOf("97", assignedTo: [ServiceA]), Section.Identity));
    }
}
