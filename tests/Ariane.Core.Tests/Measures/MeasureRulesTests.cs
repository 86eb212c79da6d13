using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Measures;
using Ariane.Core.Placements;

namespace Ariane.Core.Tests.Measures;

/// <summary>
/// The rules of measures and stays (docs/domain.md, Measures and Placements), as a table written from the law:
/// a judicial decision 2 years at most, AEMO renforcée 1 year, OPP 6 months; APJM from 18 to 21; accueil
/// parent-enfant under 3; hotels banned under 16 and 2 months at most; no two stays at once.
/// </summary>
public sealed class MeasureRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateOnly TenYearsOld = new(2016, 5, 4);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    // kind, from, until, accepted?
    [InlineData("aemo", "2026-01-10", "2028-01-09", true)]
    [InlineData("aemo", "2026-01-10", "2028-01-10", true)]
    [InlineData("aemo", "2026-01-10", "2028-01-11", false)]
    [InlineData("placement_ase", "2026-01-10", "2028-02-01", false)]
    [InlineData("aemo_renforcee", "2026-01-10", "2027-01-10", true)]
    [InlineData("aemo_renforcee", "2026-01-10", "2027-01-11", false)]
    [InlineData("opp", "2026-06-01", "2026-12-01", true)]
    [InlineData("opp", "2026-06-01", "2026-12-02", false)]
    // Administrative measures have no legal maximum here.
    [InlineData("accueil_provisoire", "2026-01-10", "2029-01-10", true)]
    public void A_decision_lasts_at_most_what_its_kind_allows(string kind, string from, string until, bool accepted)
    {
        var errors = MeasureRules.CheckPeriod(MeasureKinds.Find(kind)!, D(from), D(from), D(until), TenYearsOld, Today).ToList();
        Assert.Equal(accepted, errors.Count == 0);
        if (!accepted)
        {
            Assert.Contains(errors, e => e.Field == "plannedEndOn" && e.Message.Contains("au plus", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_judicial_measure_needs_an_echeance_and_a_decision_in_the_past()
    {
        Assert.Contains(MeasureRules.CheckPeriod(MeasureKinds.Find("aemo")!, D("2026-01-10"), D("2026-01-10"), null, TenYearsOld, Today), e => e.Field == "plannedEndOn");
        Assert.Contains(MeasureRules.CheckPeriod(MeasureKinds.Find("aed")!, Today.AddDays(1), Today.AddDays(1), null, TenYearsOld, Today), e => e.Field == "decidedOn");
        Assert.Empty(MeasureRules.CheckPeriod(MeasureKinds.Find("aed")!, D("2026-01-10"), D("2026-01-10"), null, TenYearsOld, Today));
    }

    [Theory]
    [InlineData("apjm", "2008-03-01", "2026-04-01", true)]
    [InlineData("apjm", "2010-03-01", "2026-04-01", false)]
    [InlineData("apjm", "2004-03-01", "2026-04-01", false)]
    [InlineData("aed", "2008-03-01", "2026-04-01", false)]
    [InlineData("accueil_parent_enfant", "2025-01-01", "2026-04-01", true)]
    [InlineData("accueil_parent_enfant", "2023-01-01", "2026-04-01", false)]
    public void Ages_follow_the_kind(string kind, string born, string from, bool accepted) =>
        Assert.Equal(accepted, !MeasureRules.CheckPeriod(MeasureKinds.Find(kind)!, D(from), D(from), null, D(born), Today).Any());

    [Fact]
    public void An_emergency_without_consent_reminds_that_the_judge_must_be_seized()
    {
        var measure = new Measure
        {
            DepartementCode = "99",
            KindCode = "accueil_5j",
            Framework = MeasureFramework.Administrative,
            RecordedByName = "x",
            State = MeasureState.InProgress,
            StartsOn = Today.AddDays(-2),
            WithoutParentalConsent = true,
        };
        Assert.Contains(MeasureRules.Reminders(measure, Today), r => r.Contains("juge des enfants doit être saisi", StringComparison.Ordinal));
        measure.StartsOn = Today.AddDays(-9);
        Assert.Contains(MeasureRules.Reminders(measure, Today), r => r.Contains("plus de 5 jours", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_kind_has_an_olinpe_variable_of_the_annex()
    {
        string[] variables = ["NATPDECADM", "TYPINTERDOM", "NATDECASSED", "TYPDECJUD", "NATDECPLAC"];
        Assert.All(MeasureKinds.All, k => Assert.Contains(k.OlinpeVariable, variables));
        Assert.Equal(MeasureKinds.All.Count, MeasureKinds.All.Select(k => k.Code).Distinct().Count());
    }

    [Theory]
    // place, born, start, end, accepted?
    [InlineData(PlaceKind.Hotel, "2010-06-01", "2026-11-01", null, true)]
    [InlineData(PlaceKind.Hotel, "2012-06-01", "2026-11-01", null, false)]
    [InlineData(PlaceKind.Hotel, "2009-06-01", "2026-10-01", "2026-12-01", true)]
    [InlineData(PlaceKind.Hotel, "2009-06-01", "2026-10-01", "2026-12-02", false)]
    [InlineData(PlaceKind.Establishment, "2016-06-01", "2026-11-01", null, true)]
    public void Hotels_are_banned_under_16_and_limited_to_two_months(PlaceKind kind, string born, string start, string? end, bool accepted) =>
        Assert.Equal(accepted, !PlacementRules.Check(kind, D(start), end is null ? null : D(end), D(born), Today, []).Any());

    [Fact]
    public void Two_stays_at_once_are_refused()
    {
        (DateOnly, DateOnly?)[] current = [(D("2026-01-01"), null)];
        Assert.Contains(PlacementRules.Check(PlaceKind.Establishment, D("2026-11-01"), null, TenYearsOld, Today, current), e => e.Field == "startsOn");
        (DateOnly, DateOnly?)[] ended = [(D("2026-01-01"), D("2026-10-31"))];
        Assert.Empty(PlacementRules.Check(PlaceKind.Establishment, D("2026-11-01"), null, TenYearsOld, Today, ended));
    }

    [Fact]
    public void The_hotel_warning_comes_fifteen_days_before_the_limit()
    {
        Assert.Equal((D("2026-12-01"), false), PlacementRules.HotelLimit(D("2026-10-01"), D("2026-11-15")));
        Assert.Equal((D("2026-12-01"), true), PlacementRules.HotelLimit(D("2026-10-01"), D("2026-11-16")));
    }

    private static Role RoleWith(Permission permissions) => new()
    {
        Code = "r",
        Name = "r",
        Description = "r",
        Scope = AccessScope.Service,
        Permissions = permissions,
    };

    [Fact]
    public void A_protected_place_is_known_by_the_place_the_referent_and_the_departement_s_cadre_only()
    {
        var host = Guid.NewGuid();
        var other = Guid.NewGuid();
        var user = Guid.NewGuid();
        AccessSubject Subject(Guid service, Permission p, string? dept = "99") => new(user, [new RoleGrant(service, RoleWith(p), dept)]);

        Assert.True(ProtectedPlace.MayKnow(Subject(host, Permission.None, null), "99", false, host, null));
        Assert.True(ProtectedPlace.MayKnow(Subject(other, Permission.None), "99", true, host, null));
        Assert.True(ProtectedPlace.MayKnow(Subject(other, Permission.None), "99", false, null, user));
        Assert.True(ProtectedPlace.MayKnow(Subject(other, Permission.KnowProtectedPlace), "99", false, host, null));
        // Linked to the child but not to the place: the MDPH, a health professional, another département's cadre.
        Assert.False(ProtectedPlace.MayKnow(Subject(other, Permission.None), "99", false, host, null));
        Assert.False(ProtectedPlace.MayKnow(Subject(other, Permission.KnowProtectedPlace, "98"), "99", false, host, null));
    }
}
