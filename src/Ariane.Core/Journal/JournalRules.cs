using Ariane.Core.Access;

namespace Ariane.Core.Journal;

/// <summary>
/// The journal's pure rules (docs/domain.md, Journal): which sections an entry may be filed in, the section a type
/// suggests to its author, and what a reader of a given level sees of an entry. Checked by a table test.
/// </summary>
public static class JournalRules
{
    /// <summary>The sections a journal entry may be filed in.</summary>
    public static IReadOnlyList<Section> Sections { get; } = [Section.Social, Section.Health];

    public const int FactMaxLength = 8000;
    public const int AssessmentMaxLength = 8000;
    public const int PracticalSummaryMaxLength = 500;

    /// <summary>
    /// The section offered first on the form: a health appointment goes to the health section when its author may
    /// write there (a doctor, a nurse), and so does every entry of an author who writes only there (a psychologist
    /// reads the social follow-up without writing it); everyone else files it as social (the educator who took the
    /// child to the dentist writes what the team needs, not a diagnosis).
    /// </summary>
    public static Section DefaultSection(JournalEntryKind kind, bool authorMayWriteSocial, bool authorMayWriteHealth) =>
        authorMayWriteHealth && (kind == JournalEntryKind.HealthAppointment || !authorMayWriteSocial) ? Section.Health : Section.Social;

    /// <summary>
    /// Whether an entry of this type may be dated ahead (a visit, an appointment, a hearing planned): the foster
    /// carer's view lists what is coming. An incident, a runaway, a contact or a note is written after the fact.
    /// </summary>
    public static bool MayBePlanned(JournalEntryKind kind) => kind is JournalEntryKind.Visit or JournalEntryKind.SupervisedVisit
        or JournalEntryKind.HealthAppointment or JournalEntryKind.SchoolEvent or JournalEntryKind.Hearing;

    /// <summary>The types a reader of the journal with <see cref="Permission.RecordIncident"/> writes (the foster carer).</summary>
    public static IReadOnlyList<JournalEntryKind> IncidentKinds { get; } = [JournalEntryKind.Incident, JournalEntryKind.Runaway];

    /// <summary>What a reader sees of an entry, given their level in the entry's own section.</summary>
    public static JournalVisibility VisibilityFor(AccessLevel levelInEntrySection) => levelInEntrySection switch
    {
        >= AccessLevel.Read => JournalVisibility.Full,
        AccessLevel.Existence => JournalVisibility.SummaryOnly,
        _ => JournalVisibility.Hidden,
    };

    public static string Label(JournalEntryKind kind) => kind switch
    {
        JournalEntryKind.Visit => "Visite",
        JournalEntryKind.SupervisedVisit => "Visite médiatisée",
        JournalEntryKind.Incident => "Incident",
        JournalEntryKind.Runaway => "Fugue",
        JournalEntryKind.HealthAppointment => "Rendez-vous de santé",
        JournalEntryKind.SchoolEvent => "Scolarité",
        JournalEntryKind.Hearing => "Audience",
        JournalEntryKind.Contact => "Contact",
        JournalEntryKind.Note => "Note",
        _ => "Autre",
    };
}

/// <summary>How much of an entry a reader sees.</summary>
public enum JournalVisibility
{
    /// <summary>Not listed at all (a section the reader may not even know of).</summary>
    Hidden = 0,
    /// <summary>Date, type, author and the practical summary; not the fact nor the assessment.</summary>
    SummaryOnly = 1,
    Full = 2,
}

/// <summary>
/// « Qui pourra lire cette note », shown on the form before saving: the roles that will read an entry of a section
/// in full, and those that will only see that it exists (with its practical summary), computed from the stored
/// roles as the access policy reads them, so that the form never promises more or less than the policy grants.
/// </summary>
public static class JournalReaders
{
    public sealed record Readers(IReadOnlyList<string> Full, IReadOnlyList<string> SummaryOnly);

    public static Readers For(Section section, IEnumerable<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        // Reading the entry needs the journal (social read) and then the entry's own section.
        var journalReaders = roles.Where(r => r.Scope != AccessScope.None && r.LevelFor(Section.Social) >= AccessLevel.Read).ToList();
        var full = journalReaders.Where(r => r.LevelFor(section) >= AccessLevel.Read).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        var summary = journalReaders.Where(r => r.LevelFor(section) == AccessLevel.Existence).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        return new Readers(full, summary);
    }
}
