using Ariane.Core.Access;
using Ariane.Core.Journal;

namespace Ariane.Core.Tests.Journal;

/// <summary>The journal's rules (docs/domain.md, Journal), against tables written from the domain text, not from the code.</summary>
public sealed class JournalRulesTests
{
    // kind, author writes social, author writes health → the section offered first.
    public static TheoryData<JournalEntryKind, bool, bool, Section> Defaults => new()
    {
        { JournalEntryKind.HealthAppointment, true, true, Section.Health },
        { JournalEntryKind.HealthAppointment, true, false, Section.Social },
        { JournalEntryKind.Visit, true, true, Section.Social },
        { JournalEntryKind.Incident, true, false, Section.Social },
        // A psychologist reads the social follow-up without writing it: every entry of theirs is health.
        { JournalEntryKind.Note, false, true, Section.Health },
        { JournalEntryKind.Visit, false, true, Section.Health },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void The_section_offered_first_follows_the_type_and_what_the_author_may_write(JournalEntryKind kind, bool social, bool health, Section expected) =>
        Assert.Equal(expected, JournalRules.DefaultSection(kind, social, health));

    [Theory]
    [InlineData(AccessLevel.None, JournalVisibility.Hidden)]
    [InlineData(AccessLevel.Existence, JournalVisibility.SummaryOnly)]
    [InlineData(AccessLevel.Read, JournalVisibility.Full)]
    [InlineData(AccessLevel.Write, JournalVisibility.Full)]
    public void What_a_reader_sees_depends_on_their_level_in_the_entry_section(AccessLevel level, JournalVisibility expected) =>
        Assert.Equal(expected, JournalRules.VisibilityFor(level));

    [Theory]
    [InlineData(JournalEntryKind.Visit, true)]
    [InlineData(JournalEntryKind.SupervisedVisit, true)]
    [InlineData(JournalEntryKind.HealthAppointment, true)]
    [InlineData(JournalEntryKind.SchoolEvent, true)]
    [InlineData(JournalEntryKind.Hearing, true)]
    [InlineData(JournalEntryKind.Incident, false)]
    [InlineData(JournalEntryKind.Runaway, false)]
    [InlineData(JournalEntryKind.Contact, false)]
    [InlineData(JournalEntryKind.Note, false)]
    public void Only_what_can_be_planned_may_be_dated_ahead(JournalEntryKind kind, bool planned) =>
        Assert.Equal(planned, JournalRules.MayBePlanned(kind));

    [Fact]
    public void Every_type_has_a_french_label_of_its_own() =>
        Assert.Equal(Enum.GetValues<JournalEntryKind>().Length, Enum.GetValues<JournalEntryKind>().Select(JournalRules.Label).Where(l => l != "Autre").Distinct().Count());

    [Fact]
    public void A_health_entry_is_read_in_full_by_health_professionals_and_by_its_summary_by_the_rest_of_the_team()
    {
        var readers = JournalReaders.For(Section.Health, RoleCatalogue.Defaults);
        Assert.Equal(["Médecin / psychologue / infirmier PMI"], readers.Full);
        // Roles that read the journal and know a health entry exists; the partner (MDPH), who does not read the
        // journal, and the roles with no child record (administrator, DPO, observatory) are in neither list.
        Assert.Equal(
            new[] { "Agent CRIP", "Assistant familial", "Cadre ASE / inspecteur", "Chef de service", "Éducateur", "Évaluateur", "Référent ASE" }.Order(StringComparer.Ordinal),
            readers.SummaryOnly);
    }

    [Fact]
    public void A_social_entry_is_read_by_every_role_that_reads_the_journal()
    {
        var readers = JournalReaders.For(Section.Social, RoleCatalogue.Defaults);
        Assert.Equal(
            new[] { "Agent CRIP", "Assistant familial", "Cadre ASE / inspecteur", "Chef de service", "Éducateur", "Évaluateur", "Médecin / psychologue / infirmier PMI", "Référent ASE" }.Order(StringComparer.Ordinal),
            readers.Full);
        Assert.Empty(readers.SummaryOnly);
    }
}
