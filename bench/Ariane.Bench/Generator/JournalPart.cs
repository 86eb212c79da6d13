using Ariane.Core.Access;
using Ariane.Core.Journal;

namespace Ariane.Bench.Generator;

/// <summary>
/// The journal (docs/domain.md, Journal): 10 to 50 entries per child over its follow-up (30 on average: 30 million
/// at national size), one in twelve a health entry with its practical summary, written by the MECS's educators for a
/// child placed there and by the référent otherwise; and in each département one child followed today with 10,000
/// entries, the timeline that must open as fast as a child's with 10 (docs/performance.md, Journal). Streamed to
/// COPY, never held in memory. Not written: the « note écrite » audit rows (30 million more rows of a chain whose
/// cost the other parts already measure).
/// </summary>
internal sealed class JournalPart : IDatasetPart
{
    public const int HeavyEntries = 10_000;

    private static readonly (JournalEntryKind Kind, string Fact, string? Assessment)[] Social =
    [
        (JournalEntryKind.Visit, "Visite de la mère au service, de 14 h à 16 h ; goûter partagé.", "Échanges chaleureux."),
        (JournalEntryKind.SupervisedVisit, "Visite médiatisée du père, 1 h 30, en présence de l'éducateur.", "Enfant réservé au début, puis détendu."),
        (JournalEntryKind.Incident, "Dispute au réfectoire, une chaise renversée, pas de blessé.", "Tension liée au retour de week-end."),
        (JournalEntryKind.Runaway, "Absence constatée à 19 h ; signalement au commissariat ; retour à 22 h.", null),
        (JournalEntryKind.SchoolEvent, "Réunion avec le professeur principal : progrès en français.", null),
        (JournalEntryKind.Hearing, "Audience chez le juge des enfants ; mesure renouvelée.", null),
        (JournalEntryKind.Contact, "Appel de la mère pour prendre des nouvelles.", null),
        (JournalEntryKind.Note, "Inscription au club de football le samedi matin.", null),
    ];

    public string Name => "journal";

    public async Task WriteAsync(DepartementBatch batch, BulkLoader loader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(loader);
        await loader.CopyAsync(Entries(batch), cancellationToken);
    }

    private static IEnumerable<JournalEntry> Entries(DepartementBatch batch)
    {
        var random = batch.Random;
        var today = batch.Today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var heavy = batch.FollowUps.FirstOrDefault(f => f.End is null && f.Mecs is not null) ?? batch.FollowUps.FirstOrDefault(f => f.End is null);
        foreach (var f in batch.FollowUps)
        {
            var count = f == heavy ? HeavyEntries : random.Next(10, 51);
            var end = f.End is { } e ? e.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) : today;
            var span = Math.Max(1.0, (end - f.Start).TotalMinutes);
            var author = f.Mecs is { Educators.Count: > 0 } mecs ? (mecs.Educators[random.Next(mecs.Educators.Count)], mecs.Service) : (f.Referent, f.Territory.Service);
            for (var i = 0; i < count; i++)
            {
                var at = f.Start.AddMinutes(random.NextDouble() * span);
                var health = random.Next(12) == 0;
                var (kind, fact, assessment) = health
                    ? (JournalEntryKind.HealthAppointment, "Consultation de suivi ; traitement ajusté.", "Suivi à maintenir.")
                    : Social[random.Next(Social.Length)];
                yield return new JournalEntry
                {
                    ChildId = f.Child.Id,
                    Kind = kind,
                    Section = health ? Section.Health : Section.Social,
                    OccurredAt = at,
                    Fact = fact,
                    Assessment = assessment,
                    PracticalSummary = health ? "Traitement le soir à 20 h." : null,
                    AuthorUserId = author.Item1.User.Id,
                    AuthorName = author.Item1.User.DisplayName ?? string.Empty,
                    AuthorServiceId = author.Item2.Id,
                    AuthorServiceName = author.Item2.Name,
                    RecordedAt = at.AddMinutes(random.Next(0, 600)),
                };
            }
        }
    }
}
