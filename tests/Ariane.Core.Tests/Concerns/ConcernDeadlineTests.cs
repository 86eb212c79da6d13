using Ariane.Core.Assessments;
using Ariane.Core.Children;
using Ariane.Core.Concerns;

namespace Ariane.Core.Tests.Concerns;

/// <summary>The evaluation's due date (docs/domain.md, Evaluation): 3 months, shorter by the département's rules.</summary>
public sealed class ConcernDeadlineTests
{
    private static readonly ConcernDeadlineOptions Law = new();

    private static readonly PartialDate TenYearsOld = new(2016, 5, 4);

    [Theory]
    [InlineData("2026-03-12", "2026-06-12")]
    // Month ends: the last day of the shorter month.
    [InlineData("2026-01-31", "2026-04-30")]
    [InlineData("2026-11-30", "2027-02-28")]
    // Leap years: 29 February exists in 2028, not in 2027.
    [InlineData("2027-11-29", "2028-02-29")]
    [InlineData("2027-11-30", "2028-02-29")]
    [InlineData("2028-02-29", "2028-05-29")]
    // Across the new year.
    [InlineData("2026-12-15", "2027-03-15")]
    public void Three_months_from_the_day_of_receipt(string received, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            ConcernDeadlines.DueOn(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), [TenYearsOld], graveDanger: false, Law));

    [Fact]
    public void A_child_under_two_shortens_the_deadline_when_the_departement_says_so()
    {
        var rules = new ConcernDeadlineOptions { YoungChildMonths = 1 };
        var received = new DateOnly(2026, 3, 31);
        // 23 months old on the day: under 2.
        Assert.Equal(new DateOnly(2026, 4, 30), ConcernDeadlines.DueOn(received, [TenYearsOld, new PartialDate(2024, 5, 1)], false, rules));
        // Two years old that very day: no longer under 2.
        Assert.Equal(new DateOnly(2026, 6, 30), ConcernDeadlines.DueOn(received, [new PartialDate(2024, 3, 31)], false, rules));
        // Only the year known: born in 2024 may still be under 2, the shorter deadline is the safe side.
        Assert.Equal(new DateOnly(2026, 4, 30), ConcernDeadlines.DueOn(received, [new PartialDate(2024, null, null)], false, rules));
        // Unknown birth date: the general rule.
        Assert.Equal(new DateOnly(2026, 6, 30), ConcernDeadlines.DueOn(received, [PartialDate.Unknown], false, rules));
        // By default (the law alone), under 2 changes nothing.
        Assert.Equal(new DateOnly(2026, 6, 30), ConcernDeadlines.DueOn(received, [new PartialDate(2025, 12, 1)], false, Law));
    }

    [Fact]
    public void Grave_danger_takes_the_shortest_rule_that_applies()
    {
        var rules = new ConcernDeadlineOptions { GraveDangerMonths = 1, YoungChildMonths = 2 };
        var received = new DateOnly(2026, 1, 31);
        Assert.Equal(new DateOnly(2026, 2, 28), ConcernDeadlines.DueOn(received, [new PartialDate(2025, 6, 1)], graveDanger: true, rules));
        Assert.Equal(new DateOnly(2026, 3, 31), ConcernDeadlines.DueOn(received, [new PartialDate(2025, 6, 1)], graveDanger: false, rules));
        Assert.Equal(new DateOnly(2026, 2, 28), ConcernDeadlines.DueOn(received, [TenYearsOld], graveDanger: true, rules));
    }

    [Fact]
    public void The_shipped_framework_has_the_five_field_domains_and_counts_per_domain()
    {
        var framework = FrameworkDefinition.Parse(DefaultFramework.Json());
        Assert.Equal(5, framework.Domains.Count);
        Assert.StartsWith("Développement, santé", framework.Domains[0].Label, StringComparison.Ordinal);
        Assert.True(framework.Domains[4].WhenRelevant);
        var summary = AssessmentGrid.Summarise(framework, [("dev.soins", CriterionAnswer.Concerning), ("dev.langage", CriterionAnswer.Concerning),
            ("dev.croissance", CriterionAnswer.Satisfactory), ("sco.pairs", CriterionAnswer.NoAnswer)]);
        Assert.Equal((2, 1, framework.Domains[0].Criteria.Count - 3), (summary[0].Concerning, summary[0].Satisfactory, summary[0].NoAnswer));
        Assert.Equal((0, 0, framework.Domains[1].Criteria.Count), (summary[1].Concerning, summary[1].Satisfactory, summary[1].NoAnswer));
    }

    [Theory]
    [InlineData("""{ "code": "x", "version": "1", "title": "T", "domains": [] }""", "au moins un domaine")]
    [InlineData("""{ "code": "x", "version": "1", "title": "T", "domains": [{ "code": "a", "label": "A", "criteria": [{ "code": "a", "label": "A1" }] }] }""", "employé deux fois")]
    [InlineData("""{ "code": "x", "version": "1", "title": "T", "domains": [{ "code": "a", "label": "A", "criteria": [] }] }""", "au moins un critère")]
    [InlineData("""{ "code": "x", "version": "1", "title": "T", "domaines": [] }""", "pas un référentiel lisible")]
    [InlineData("not json", "pas un référentiel lisible")]
    public void A_departement_file_with_a_mistake_is_refused_with_the_reason(string json, string reason)
    {
        var (definition, errors) = FrameworkDefinition.TryParse(json);
        Assert.Null(definition);
        Assert.Contains(errors, e => e.Contains(reason, StringComparison.Ordinal));
    }
}
