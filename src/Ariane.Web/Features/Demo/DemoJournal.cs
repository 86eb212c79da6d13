using Ariane.Core.Access;
using Ariane.Core.Journal;
using Ariane.Web.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Demo;

/// <summary>
/// The journal of the demo children followed by the MECS, the foster care service or the AEMO/AED service
/// (docs/domain.md, Journal): entries of every type over the last months, written by the educator, the référent,
/// the psychologist or the PMI doctor, with health entries (and their practical summary) among them.
/// </summary>
internal static class DemoJournalStep
{
    private const int BatchSize = 500;

    private static readonly (JournalEntryKind Kind, string Fact, string? Assessment)[] Social =
    [
        (JournalEntryKind.Visit, "Visite de la mère au service, de 14 h à 16 h. Jeux de société, goûter apporté par la mère.", "Échanges chaleureux ; l'enfant a demandé quand aurait lieu la prochaine visite."),
        (JournalEntryKind.SupervisedVisit, "Visite médiatisée du père en présence de l'éducateur, 1 h 30. Le père est arrivé avec vingt minutes de retard.", "L'enfant s'est montré réservé au début puis plus détendu ; à reprendre en synthèse."),
        (JournalEntryKind.Incident, "Dispute au réfectoire avec un autre jeune ; une chaise renversée, pas de blessé. Reprise avec l'éducateur de soirée.", "Tension liée au retour de week-end, à surveiller."),
        (JournalEntryKind.Runaway, "Absence constatée à 19 h au retour du collège. Signalement fait au commissariat à 19 h 40, retour de l'enfant à 22 h 15 accompagné par la police.", "L'enfant dit être allé voir un ami ; pas de mise en danger relevée."),
        (JournalEntryKind.SchoolEvent, "Réunion avec le professeur principal : résultats en progrès en français, absences injustifiées en baisse.", "Le soutien scolaire du mercredi porte ses fruits."),
        (JournalEntryKind.Hearing, "Audience chez le juge des enfants ; la mesure de placement est renouvelée pour un an.", null),
        (JournalEntryKind.Contact, "Appel de la mère pour prendre des nouvelles ; informée des résultats scolaires.", null),
        (JournalEntryKind.Note, "Inscription au club de football le samedi matin ; certificat médical à fournir.", null),
        (JournalEntryKind.HealthAppointment, "Accompagnement chez le dentiste ; prochain rendez-vous dans un mois.", null),
    ];

    private static readonly (string Fact, string Assessment, string Summary)[] Health =
    [
        ("Consultation de suivi : sommeil perturbé, reprise du traitement prescrit par le pédopsychiatre.", "Anxiété réactionnelle au contexte familial ; suivi hebdomadaire à maintenir.", "Traitement le soir à 20 h, avec le dîner."),
        ("Bilan de santé : vaccinations à jour, asthme d'effort connu.", "Pas d'élément nouveau.", "Ventoline dans le sac de sport ; prévenir l'infirmerie du collège."),
        ("Entretien psychologique : évoque des cauchemars depuis la dernière visite du père.", "Lien à travailler avec l'équipe avant la prochaine visite médiatisée.", "Prévoir un temps calme après les visites du père."),
    ];

    public static async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var s = context.Structure;
        var random = new Random(DemoSeeder.RandomSeed + 31);
        string[] logins = ["educateur.mecs", "referent.nord", "referent.sud", "educateur.aemo", "psychologue.mecs", "medecin.pmi"];
        if (logins.Any(l => !context.UserIds.ContainsKey(l)))
        {
            return;
        }

        var followed = await db.ServiceAssignments.AsNoTracking()
            .Where(a => a.EndsOn == null && (a.ServiceId == s.Mecs.Id || a.ServiceId == s.FosterCare.Id || a.ServiceId == s.OpenSetting.Id))
            .OrderBy(a => a.ChildId).Select(a => new { a.ChildId, a.ServiceId }).ToListAsync(ct);
        var entries = new List<JournalEntry>();
        foreach (var a in followed.DistinctBy(a => a.ChildId))
        {
            var (author, service) = a.ServiceId == s.Mecs.Id ? ("educateur.mecs", s.Mecs)
                : a.ServiceId == s.OpenSetting.Id ? ("educateur.aemo", s.OpenSetting)
                : (random.Next(2) == 0 ? "referent.nord" : "referent.sud", s.AseNord);
            var count = random.Next(4, 13);
            for (var i = 0; i < count; i++)
            {
                var (kind, fact, assessment) = Social[random.Next(Social.Length)];
                entries.Add(Entry(context, a.ChildId, kind, Section.Social, fact, assessment, null, author, service, random));
            }

            if (random.NextDouble() < 0.6)
            {
                var (fact, assessment, summary) = Health[random.Next(Health.Length)];
                var (doctor, healthService) = a.ServiceId == s.Mecs.Id ? ("psychologue.mecs", s.Mecs) : ("medecin.pmi", s.Pmi);
                entries.Add(Entry(context, a.ChildId, JournalEntryKind.HealthAppointment, Section.Health, fact, assessment, summary, doctor, healthService, random));
            }
        }

        foreach (var batch in entries.Chunk(BatchSize))
        {
            db.JournalEntries.AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        context.Logger.LogInformation("Demo journal created: {Entries} entries for {Children} children.", entries.Count, followed.Select(a => a.ChildId).Distinct().Count());
    }

    private static JournalEntry Entry(DemoSeedContext context, Guid childId, JournalEntryKind kind, Section section, string fact, string? assessment, string? summary,
        string login, Core.Organisations.Service service, Random random)
    {
        var occurred = context.Now.AddDays(-random.Next(1, 180)).AddMinutes(-random.Next(0, 600));
        return new JournalEntry
        {
            ChildId = childId,
            Kind = kind,
            Section = section,
            OccurredAt = occurred,
            Fact = fact,
            Assessment = assessment,
            PracticalSummary = summary,
            AuthorUserId = context.UserIds[login],
            AuthorName = DemoStructure.Accounts.First(a => a.UserName == login).DisplayName,
            AuthorServiceId = service.Id,
            AuthorServiceName = service.Name,
            RecordedAt = occurred.AddHours(random.Next(0, 20)) is var recorded && recorded < context.Now ? recorded : context.Now,
        };
    }
}
