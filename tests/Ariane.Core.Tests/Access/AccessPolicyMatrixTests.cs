using Ariane.Core.Access;
using static Ariane.Core.Access.AccessLevel;

namespace Ariane.Core.Tests.Access;

/// <summary>
/// The access policy checked cell by cell: every default role × every relation to the child × same or
/// other département × every section × every operation, against an expected table written here from the rules, independently of
/// the policy's own code.
/// </summary>
public class AccessPolicyMatrixTests
{
    /// <summary>The single fact linking the user to the child in one row of the matrix.</summary>
    public enum Relation
    {
        /// <summary>Nothing links the user to the child.</summary>
        None,
        /// <summary>The child is assigned to the service in which the user holds the role.</summary>
        OwnServiceAssigned,
        /// <summary>The child is assigned to another service than the user's.</summary>
        OtherServiceAssigned,
        /// <summary>The user is personally named on the child.</summary>
        NamedOnChild,
        /// <summary>A colleague named on the child has delegated it to the user.</summary>
        ActiveDelegation,
        /// <summary>The user has opened a break-the-glass access on the child.</summary>
        ActiveBreakGlass,
        /// <summary>The user was named on the child, and no longer is.</summary>
        FormerlyNamedOnChild,
    }

    /// <summary>Where the child stands against the département of the user's grant (tenancy).</summary>
    public enum Tenancy
    {
        /// <summary>The child's responsible département is the département of the grant's organisation.</summary>
        SameDepartement,
        /// <summary>Another département is responsible for the child.</summary>
        OtherDepartement,
        /// <summary>
        /// Another département is responsible for the child since the grant's département transferred it
        /// there, and the period during which the sender still reads what it recorded is running.
        /// </summary>
        TransferredOutWithinPeriod,
    }

    /// <summary>What a role is expected to be, per the specification of the personas.</summary>
    private sealed record ExpectedRole(
        AccessScope Scope,
        bool MayBreakGlass,
        AccessLevel Identity,
        AccessLevel Social,
        AccessLevel Health,
        AccessLevel Judicial,
        AccessLevel ConcernAuthor)
    {
        public AccessLevel For(Section section) => section switch
        {
            Section.Identity => Identity,
            Section.Social => Social,
            Section.Health => Health,
            Section.Judicial => Judicial,
            Section.ConcernAuthor => ConcernAuthor,
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Section missing from the expected table."),
        };
    }

    /// <summary>
    /// The expected rights of each default role, written out by hand. A change to the catalogue must be
    /// reflected here deliberately (see <see cref="Catalogue_matches_the_expected_role_table"/>).
    /// </summary>
    private static readonly Dictionary<string, ExpectedRole> ExpectedRoles = new(StringComparer.Ordinal)
    {
        //                                            scope                   glass  identity social     health     judicial  concernAuthor
        [RoleCatalogue.CripAgent] = new(AccessScope.Departement, false, Write, Write, Existence, Read, Read),
        [RoleCatalogue.Evaluator] = new(AccessScope.Service, false, Write, Write, Existence, Read, None),
        [RoleCatalogue.Referent] = new(AccessScope.Service, true, Write, Write, Existence, Write, None),
        [RoleCatalogue.Cadre] = new(AccessScope.Departement, false, Write, Write, Existence, Write, Read),
        [RoleCatalogue.Educator] = new(AccessScope.Service, true, Read, Write, Existence, Read, None),
        [RoleCatalogue.HeadOfService] = new(AccessScope.Service, true, Write, Write, Existence, Read, None),
        [RoleCatalogue.FosterCarer] = new(AccessScope.Personal, false, Read, Read, Existence, None, None),
        [RoleCatalogue.HealthProfessional] = new(AccessScope.Service, true, Read, Read, Write, None, None),
        [RoleCatalogue.Partner] = new(AccessScope.Service, false, Read, Existence, None, None, None),
        [RoleCatalogue.Observatory] = new(AccessScope.None, false, None, None, None, None, None),
        [RoleCatalogue.Dpo] = new(AccessScope.None, false, None, None, None, None, None),
        [RoleCatalogue.Administrator] = new(AccessScope.None, false, None, None, None, None, None),
        // The court reads no record: only the documents transmitted to it (docs/domain.md §6).
        [RoleCatalogue.CourtClerk] = new(AccessScope.None, false, None, None, None, None, None),
    };

    private static readonly Guid OwnServiceId = new("00000000-0000-0000-0000-00000000a001");
    private static readonly Guid OtherServiceId = new("00000000-0000-0000-0000-00000000b002");
    private static readonly Guid UserId = new("00000000-0000-0000-0000-0000000000e1");
    private static readonly Guid ChildId = new("00000000-0000-0000-0000-0000000000c1");

    private const string OwnDepartement = "99";
    private const string OtherDepartement = "98";

    public static TheoryData<string, Relation, Tenancy, Section, AccessOperation, bool, AccessBasis> Matrix()
    {
        var data = new TheoryData<string, Relation, Tenancy, Section, AccessOperation, bool, AccessBasis>();
        foreach (var role in RoleCatalogue.Defaults)
        {
            foreach (var relation in Enum.GetValues<Relation>())
            {
                foreach (var tenancy in Enum.GetValues<Tenancy>())
                {
                    foreach (var section in Enum.GetValues<Section>())
                    {
                        foreach (var operation in Enum.GetValues<AccessOperation>())
                        {
                            var (allowed, basis) = Expected(role.Code, relation, tenancy, section, operation);
                            data.Add(role.Code, relation, tenancy, section, operation, allowed, basis);
                        }
                    }
                }
            }
        }

        return data;
    }

    /// <summary>The expected decision, derived from the rules alone.</summary>
    private static (bool Allowed, AccessBasis Basis) Expected(string roleCode, Relation relation, Tenancy tenancy, Section section, AccessOperation operation)
    {
        var role = ExpectedRoles[roleCode];

        // 1. Does the role reach the child at all, and why?
        AccessBasis reach;
        switch (role.Scope)
        {
            case AccessScope.None:
                // Administrator, observatory, DPO: never a child record, whatever the relation.
                return (false, AccessBasis.Denied);
            case AccessScope.Departement when tenancy == Tenancy.SameDepartement:
                // Every child of the département, whatever else links the user to it.
                reach = AccessBasis.DepartementScope;
                break;
            case AccessScope.Departement when tenancy == Tenancy.TransferredOutWithinPeriod:
                // The département that transferred the child out reads, for a while, what it recorded.
                reach = AccessBasis.FormerDepartement;
                break;
            case AccessScope.Departement:
                // No child of another département, whatever else links the user to it.
                return (false, AccessBasis.Denied);
            default:
                reach = relation switch
                {
                    Relation.OwnServiceAssigned when role.Scope == AccessScope.Service => AccessBasis.ServiceAssignment,
                    Relation.NamedOnChild => AccessBasis.PersonalAssignment,
                    Relation.ActiveDelegation => AccessBasis.Delegation,
                    // Service and personal roles follow the assignment or naming across départements;
                    // break-the-glass stays within the grant's own département.
                    Relation.ActiveBreakGlass when role.MayBreakGlass && tenancy == Tenancy.SameDepartement => AccessBasis.BreakGlass,
                    // The professional who followed the child keeps reading it for a while after a transfer.
                    Relation.FormerlyNamedOnChild when tenancy == Tenancy.TransferredOutWithinPeriod => AccessBasis.FormerDepartement,
                    _ => AccessBasis.Denied,
                };
                break;
        }

        if (reach == AccessBasis.Denied)
        {
            return (false, AccessBasis.Denied);
        }

        // 2. What level does the role have in that section? Break-the-glass and a former département are read-only.
        var level = role.For(section);
        if (reach is AccessBasis.BreakGlass or AccessBasis.FormerDepartement && level == Write)
        {
            level = Read;
        }

        // 3. Does that level allow the operation?
        var needed = operation switch
        {
            AccessOperation.SeeExistence => Existence,
            AccessOperation.Read => Read,
            AccessOperation.Write => Write,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Operation missing from the expected rules."),
        };

        return level >= needed ? (true, reach) : (false, AccessBasis.Denied);
    }

    private static ChildAccessFacts Facts(Relation relation, Tenancy tenancy) => new(
        ChildId,
        relation switch
        {
            Relation.OwnServiceAssigned => new HashSet<Guid> { OwnServiceId },
            Relation.OtherServiceAssigned => new HashSet<Guid> { OtherServiceId },
            _ => new HashSet<Guid>(),
        },
        UserNamedOnChild: relation == Relation.NamedOnChild,
        ActiveDelegation: relation == Relation.ActiveDelegation,
        ActiveBreakGlass: relation == Relation.ActiveBreakGlass,
        ResponsibleDepartementCode: tenancy == Tenancy.SameDepartement ? OwnDepartement : OtherDepartement,
        FormerDepartements: tenancy == Tenancy.TransferredOutWithinPeriod
            ? new Dictionary<string, DateTime> { [OwnDepartement] = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc) }
            : null,
        UserEverNamed: relation is Relation.NamedOnChild or Relation.FormerlyNamedOnChild);

    private static Role RoleByCode(string code) => RoleCatalogue.Defaults.Single(r => r.Code == code);

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Decide_matches_expected_table(
        string role, Relation relation, Tenancy tenancy, Section section, AccessOperation operation, bool allowed, AccessBasis basis)
    {
        var subject = new AccessSubject(UserId, [new RoleGrant(OwnServiceId, RoleByCode(role), OwnDepartement)]);

        var decision = AccessPolicy.Decide(subject, operation, Facts(relation, tenancy), section);

        Assert.Equal(new AccessDecision(allowed, basis), decision);
    }

    [Fact]
    public void Catalogue_matches_the_expected_role_table()
    {
        Assert.Equal(
            ExpectedRoles.Keys.Order(StringComparer.Ordinal),
            RoleCatalogue.Defaults.Select(r => r.Code).Order(StringComparer.Ordinal));

        foreach (var role in RoleCatalogue.Defaults)
        {
            var expected = ExpectedRoles[role.Code];
            var actual = new ExpectedRole(
                role.Scope,
                role.Has(Permission.BreakGlass),
                role.IdentityAccess,
                role.SocialAccess,
                role.HealthAccess,
                role.JudicialAccess,
                role.ConcernAuthorAccess);
            Assert.True(expected == actual, $"Role {role.Code}: expected {expected}, catalogue has {actual}.");
        }
    }

    [Fact]
    public void Catalogue_codes_are_unique()
    {
        var codes = RoleCatalogue.Defaults.Select(r => r.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Matrix_covers_every_role_relation_section_and_operation()
    {
        var expectedRows = RoleCatalogue.Defaults.Count
            * Enum.GetValues<Relation>().Length
            * Enum.GetValues<Tenancy>().Length
            * Enum.GetValues<Section>().Length
            * Enum.GetValues<AccessOperation>().Length;

        Assert.Equal(expectedRows, Matrix().Count);
    }
}
