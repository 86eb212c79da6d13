using Ariane.Core.Access;
using Ariane.Core.Plans;

namespace Ariane.Core.Tests.Plans;

/// <summary>
/// Who reads and writes what in the PPE across institutions (docs/domain.md §2.5, seed 004), against a table written
/// from the domain text: the rows say, for a role of the catalogue and its link to the child, whether it reads the
/// plan, adds lines, changes its own service's lines, changes another service's, edits the plan's content, validates.
/// </summary>
public sealed class PlanRulesTests
{
    private static readonly Guid Own = Guid.Parse("01a00000-0000-7000-8000-000000000001");
    private static readonly Guid Other = Guid.Parse("01a00000-0000-7000-8000-000000000002");
    private const string Dept = "98";

    public enum Link
    {
        /// <summary>The user's service is assigned to the child.</summary>
        Assigned,
        /// <summary>No service of the user is assigned (a département role reads all the same).</summary>
        NotAssigned,
        /// <summary>A former département reading what it recorded.</summary>
        FormerDepartement,
    }

    // role, link, social level the policy gives → reads, adds, edits own, edits other's, edits content, validates.
    public static TheoryData<string, Link, AccessLevel, bool, bool, bool, bool, bool, bool> Table => new()
    {
        { RoleCatalogue.Partner, Link.Assigned, AccessLevel.Existence, true, true, true, false, false, false },
        { RoleCatalogue.Partner, Link.NotAssigned, AccessLevel.None, false, false, false, false, false, false },
        { RoleCatalogue.Referent, Link.Assigned, AccessLevel.Write, true, true, true, false, true, true },
        { RoleCatalogue.Educator, Link.Assigned, AccessLevel.Write, true, true, true, false, true, false },
        { RoleCatalogue.HealthProfessional, Link.Assigned, AccessLevel.Read, true, true, true, false, false, false },
        { RoleCatalogue.Cadre, Link.NotAssigned, AccessLevel.Write, true, true, true, true, true, true },
        { RoleCatalogue.Cadre, Link.Assigned, AccessLevel.Write, true, true, true, true, true, true },
        { RoleCatalogue.CripAgent, Link.NotAssigned, AccessLevel.Write, true, false, false, false, false, false },
        { RoleCatalogue.FosterCarer, Link.NotAssigned, AccessLevel.Read, true, false, false, false, false, false },
        { RoleCatalogue.Referent, Link.FormerDepartement, AccessLevel.Read, true, false, false, false, false, false },
        { RoleCatalogue.Observatory, Link.NotAssigned, AccessLevel.None, false, false, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_service_writes_its_own_lines_and_everyone_linked_reads_the_whole_plan(
        string roleCode, Link link, AccessLevel social, bool reads, bool adds, bool editsOwn, bool editsOther, bool editsContent, bool validates)
    {
        var role = RoleCatalogue.Defaults.Single(r => r.Code == roleCode);
        var subject = new AccessSubject(Guid.CreateVersion7(), [new RoleGrant(Own, role, Dept)]);
        var assigned = link == Link.Assigned ? new HashSet<Guid> { Own, Other } : new HashSet<Guid> { Other };
        var facts = new ChildAccessFacts(Guid.CreateVersion7(), assigned, false, false, false, Dept);
        var who = PlanRules.Contributor(subject, facts, social, readOnly: link == Link.FormerDepartement);

        Assert.Equal(reads, PlanRules.MayRead(who));
        Assert.Equal(adds, PlanRules.MayAddLines(who));
        Assert.Equal(editsOwn, PlanRules.MayEditLine(who, Own));
        Assert.Equal(editsOther, PlanRules.MayEditLine(who, Other));
        Assert.Equal(editsContent, PlanRules.MayEditPlan(who));
        Assert.Equal(validates, who.MayValidate);
    }

    [Fact]
    public void A_cadre_of_another_departement_is_no_cadre_of_this_plan()
    {
        var cadre = RoleCatalogue.Defaults.Single(r => r.Code == RoleCatalogue.Cadre);
        var subject = new AccessSubject(Guid.CreateVersion7(), [new RoleGrant(Own, cadre, "97")]);
        var facts = new ChildAccessFacts(Guid.CreateVersion7(), new HashSet<Guid> { Other }, false, false, false, Dept);
        var who = PlanRules.Contributor(subject, facts, AccessLevel.Write, readOnly: false);
        Assert.False(PlanRules.MayEditLine(who, Other));
        Assert.False(who.MayValidate);
    }

    [Theory]
    [InlineData("2023-02-08", "2023-04-20", "2 mois, 12 jours")]
    [InlineData("2023-06-26", "2023-10-01", "3 mois, 5 jours")]
    [InlineData("2024-01-31", "2024-02-29", "1 mois")]
    [InlineData("2024-01-15", "2024-02-13", "29 jours")]
    [InlineData("2024-01-01", "2024-01-02", "1 jour")]
    [InlineData("2024-01-01", "2024-07-01", "6 mois")]
    [InlineData("2024-01-01", "2024-01-01", "0 jour")]
    public void The_expected_duration_is_said_as_the_field_tables_say_it(string start, string end, string expected) =>
        Assert.Equal(expected, PlanRules.Duration(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Without_an_end_the_duration_says_so() =>
        Assert.Equal("La date de fin n'a pas été indiquée", PlanRules.Duration(new DateOnly(2023, 6, 26), null));

    [Fact]
    public void Two_snapshots_differ_by_what_a_reader_would_notice()
    {
        var goalId = Guid.CreateVersion7();
        var before = new PlanSnapshot("Léo", "D1", null, null, null, null, null, null, null, null, null,
            [new GoalSnapshot(goalId, "sco", GoalFor.Child, "Aller au collège", null, new DateOnly(2026, 1, 1), null, 10, GoalStatus.InProgress, "ASE", "A")], []);
        var after = before with
        {
            TrustedPerson = "Sa marraine",
            Goals = [before.Goals[0] with { Progress = 60, Status = GoalStatus.Achieved }],
            Actions = [new ActionSnapshot(Guid.CreateVersion7(), goalId, "Inscription", null, new DateOnly(2026, 1, 2), null, 0, ActionStatus.Planned, "MDPH", "B")],
        };
        Assert.Equal(
            ["Personne de confiance : ajouté", "Objectif « Aller au collège » : progression 10 % → 60 %, statut en cours → atteint", "Action ajoutée : « Inscription » (MDPH)"],
            PlanDiff.Compare(before, after));
        Assert.Empty(PlanDiff.Compare(after, PlanSnapshot.Parse(after.Serialise())));
    }

    [Theory]
    [InlineData("placement_ase", true)]
    [InlineData("accueil_provisoire", true)]
    [InlineData("aemo", true)]
    [InlineData("aed", true)]
    [InlineData("apjm", false)]
    [InlineData("mjie", false)]
    [InlineData("expertise", false)]
    [InlineData("accueil_72h", false)]
    [InlineData("accueil_5j", false)]
    public void A_plan_is_due_for_every_prestation_and_judicial_measure_of_a_minor_but_investigations_and_short_shelters(string code, bool requires) =>
        Assert.Equal(requires, PlanRules.RequiresPlan(Ariane.Core.Measures.MeasureKinds.Find(code)));
}
