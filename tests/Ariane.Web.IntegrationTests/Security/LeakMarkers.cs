using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Core.Documents;
using Ariane.Core.Facilities;
using Ariane.Core.Journal;
using Ariane.Core.Measures;
using Ariane.Core.Organisations;
using Ariane.Core.Placements;
using Ariane.Core.Plans;
using Ariane.Core.Reports;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.IntegrationTests.Infrastructure;

namespace Ariane.Web.IntegrationTests.Security;

/// <summary>
/// One value of the leak child that must show only to a user who may read <see cref="Section"/>.
/// <see cref="Needles"/> are what gives it away in a response (the value itself, or the way a fixed
/// label is rendered); they are searched case-insensitively in the HTML (decoded) and the JSON.
/// </summary>
public sealed record LeakMarker(Section Section, string Field, IReadOnlyList<string> Needles)
{
    /// <summary>
    /// Where a user who may read <see cref="Section"/> must find the value (null: the record page and the record API),
    /// so that the scan cannot pass by showing nothing; routes are written with their parameters ({childId}, {concernId}…).
    /// </summary>
    public IReadOnlyList<string>? ShownOn { get; init; }

    /// <summary>
    /// The value tells where the leak child, who is protected, lives (docs/security.md, Protected flag): besides its
    /// section, only who may know the place (the cadre of the département, the place's own team, the named référent) may see it.
    /// </summary>
    public bool TellsProtectedPlace { get; init; }

    /// <summary>
    /// A value of the child's plan (docs/domain.md §2.5): besides the readers of its section, the partners of a service
    /// assigned to the child read it (the MDPH, the school: <see cref="Permission.ContributeToPlan"/>, with only the
    /// existence of the social follow-up).
    /// </summary>
    public bool PlanContent { get; init; }
}

/// <summary>
/// The leak child: one child whose every field, in every section, carries a distinct marker value, so
/// that <see cref="LeakScannerTests"/> can tell which section any value in a response came from.
/// This is the one place that knows what the record holds: each part of the record is a step of
/// <see cref="Steps"/>, and every later module (concerns and their author, assessments, measures,
/// placements, plans, journal, documents) adds a step here with a marker in each of its fields.
/// </summary>
public sealed class LeakMarkers
{
    /// <summary>Makes the values unmistakable: nothing else in the app contains it.</summary>
    public const string Tag = "7f3a";

    private readonly List<LeakMarker> markers = [];

    public Guid ChildId { get; private set; }

    /// <summary>Ids of the child's sub-records, for the pages that take one in the query string.</summary>
    public Dictionary<string, Guid> Ids { get; } = [];

    /// <summary>A search query that finds the leak child (its birth name).</summary>
    public string Query { get; private set; } = string.Empty;

    public IReadOnlyList<LeakMarker> All => markers;

    private delegate void Step(LeakMarkers markers, AppDbContext db, Child child);

    /// <summary>Each part of the record, in one place: add a step when a module adds fields to the child.</summary>
    private static readonly Step[] Steps =
    [
        Identity,
        LinkedPersons,
        Addresses,
        ServiceAssignments,
        WorkerAssignments,
        ConcernAuthor,
        Evaluation,
        Attachments,
        Measures,
        Placements,
        ContactRights,
        Journal,
        Plan,
        Report,
    ];

    public static async Task<LeakMarkers> SeedAsync(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var result = new LeakMarkers();
        var child = new Child { BirthName = string.Empty, FirstNames = string.Empty };
        db.Children.Add(child);
        result.ChildId = child.Id;
        foreach (var step in Steps)
        {
            step(result, db, child);
        }

        await db.SaveChangesAsync();
        result.CheckDistinct();
        return result;
    }

    /// <summary>A marker value, ASCII only so that no encoding (HTML, JSON) can hide it from the scan.</summary>
    private string Mark(Section section, string field, string? value = null)
    {
        value ??= $"MARQUEUR-{SectionWord(section)}-{field.ToUpperInvariant()}-{Tag}";
        markers.Add(new LeakMarker(section, field, [value]));
        return value;
    }

    private static string SectionWord(Section section) => section switch
    {
        Section.Identity => "IDENTITE",
        Section.Social => "SOCIAL",
        Section.Health => "SANTE",
        Section.Judicial => "JUDICIAIRE",
        Section.ConcernAuthor => "AUTEURIP",
        _ => section.ToString().ToUpperInvariant(),
    };

    private static void Identity(LeakMarkers m, AppDbContext db, Child child)
    {
        child.BirthName = m.Mark(Section.Identity, "NomNaissance");
        child.UsageName = m.Mark(Section.Identity, "NomUsage");
        child.FirstNames = m.Mark(Section.Identity, "Prenoms");
        child.BirthPlace = m.Mark(Section.Identity, "LieuNaissance");
        child.Nationality = m.Mark(Section.Identity, "Nationalite");
        // The INS column holds 15 characters.
        child.Ins = m.Mark(Section.Identity, "Ins", $"MQINS{Tag}000000");
        // Set before the first save, the number is kept as given (the persistence layer numbers only the unnumbered).
        child.DossierNumber = m.Mark(Section.Identity, "NumeroDossier", $"MQDOS-{Tag}");
        child.BirthDate = new PartialDate(2012, 6, 7);
        child.Sex = Sex.Female;
        // The search boxes echo what was typed: a prefix (the search matches prefixes) finds the child
        // without putting the whole marker on the page, so only a result row can show it.
        m.Query = child.BirthName[..^2];
    }

    private static void LinkedPersons(LeakMarkers m, AppDbContext db, Child child)
    {
        var person = new LinkedPerson
        {
            ChildId = child.Id,
            Relation = PersonRelation.Mother,
            LastName = m.Mark(Section.Identity, "PersonneNom"),
            FirstNames = m.Mark(Section.Identity, "PersonnePrenoms"),
            Phone = m.Mark(Section.Identity, "PersonneTel", $"MQTEL-{Tag}"),
            Email = m.Mark(Section.Identity, "PersonneEmail", $"marqueur-identite-courriel-{Tag}@exemple.test"),
            AddressLine = m.Mark(Section.Identity, "PersonneAdresse"),
            PostalCode = m.Mark(Section.Identity, "PersonneCp", $"MQCPP{Tag}"),
            City = m.Mark(Section.Identity, "PersonneCommune"),
            // Remarks about a family are social follow-up, not identity (LinkedPerson.NotesSection).
            Notes = m.Mark(LinkedPerson.NotesSection, "PersonneRemarques"),
            HasParentalAuthority = true,
        };
        db.LinkedPersons.Add(person);
        m.Ids["personId"] = person.Id;
    }

    private static void Addresses(LeakMarkers m, AppDbContext db, Child child)
    {
        var address = new ChildAddress
        {
            ChildId = child.Id,
            Line = m.Mark(Section.Identity, "AdresseLigne"),
            PostalCode = m.Mark(Section.Identity, "AdresseCp", $"MQCPA{Tag}"),
            City = m.Mark(Section.Identity, "AdresseCommune"),
            Country = m.Mark(Section.Identity, "AdressePays"),
            From = new DateOnly(2020, 1, 1),
        };
        db.ChildAddresses.Add(address);
        m.Ids["addressId"] = address.Id;
    }

    /// <summary>
    /// One assignment per section, to a witness service, with a test motive of that section whose code and
    /// label are markers. The motives are withdrawn (inactive): the assignment form does not offer them,
    /// so the only place their label can show is the record.
    /// </summary>
    private static void ServiceAssignments(LeakMarkers m, AppDbContext db, Child child)
    {
        var organisation = new Organisation { Name = "Organisation témoin", Kind = OrganisationKind.AssociationGestionnaire };
        // The service's name is shown with the assignment (record, list): identity, like the assignment itself.
        var service = new Service { OrganisationId = organisation.Id, Name = m.Mark(Section.Identity, "Service"), Kind = ServiceKind.Mecs };
        db.Organisations.Add(organisation);
        db.Services.Add(service);
        foreach (var section in new[] { Section.Identity, Section.Social, Section.Health, Section.Judicial })
        {
            var word = SectionWord(section);
            var code = $"mq-{word.ToLowerInvariant()}-code-{Tag}";
            var label = $"MARQUEUR-{word}-MOTIF-{Tag}";
            m.markers.Add(new LeakMarker(section, "Motif", [code, label]));
            db.Set<AssignmentMotive>().Add(new AssignmentMotive { Code = code, Label = label, Section = section, IsActive = false, Order = 900 });
            db.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = service.Id, MotiveCode = code, StartsOn = new DateOnly(2024, 1, 1) });
        }
    }

    /// <summary>
    /// A référent whose name is a marker; and a professional named with each role that tells a section
    /// (WorkerRoles.SectionOf): the role is the marker, seen in the record's table cell and in the API's enum value.
    /// </summary>
    private static void WorkerAssignments(LeakMarkers m, AppDbContext db, Child child)
    {
        // The référent's name and role are identity (the record's own follow-up): shown on the record and in the lists.
        var referent = new AppUser { UserName = "temoin.referent", DisplayName = m.Mark(Section.Identity, "Referent"), CreatedAt = DateTime.UtcNow };
        db.Users.Add(referent);
        db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child.Id, UserId = referent.Id, Role = WorkerRole.CaseWorker, StartsOn = new DateOnly(2024, 1, 1) });

        foreach (var (role, label) in new[] { (WorkerRole.HealthProfessional, "Professionnel de santé"), (WorkerRole.FosterCarer, "Assistant familial") })
        {
            var worker = new AppUser { UserName = $"temoin.{role}".ToLowerInvariant(), DisplayName = $"Professionnel témoin {(int)role}", CreatedAt = DateTime.UtcNow };
            db.Users.Add(worker);
            db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child.Id, UserId = worker.Id, Role = role, StartsOn = new DateOnly(2024, 1, 1) });
            m.markers.Add(new LeakMarker(WorkerRoles.SectionOf(role), $"Role{role}", [$"\"role\":\"{role}\"", $"data-label=\"Rôle\">{label}<"]));
        }
    }

    /// <summary>The IP page and API: where a reader of the IP's sections must find its values.</summary>
    private static readonly string[] ConcernViews = ["/Concerns/Details/{concernId}", "/api/v1/concerns/{concernId}"];

    /// <summary>The evaluation page and API.</summary>
    private static readonly string[] AssessmentViews = ["/Assessments/Details/{assessmentId}", "/api/v1/assessments/{assessmentId}"];

    /// <summary>A marker that must show on <paramref name="shownOn"/> to its readers, rather than on the record.</summary>
    private string Mark(Section section, string field, string[] shownOn, string? value = null)
    {
        value ??= $"MARQUEUR-{SectionWord(section)}-{field.ToUpperInvariant()}-{Tag}";
        markers.Add(new LeakMarker(section, field, [value]) { ShownOn = shownOn });
        return value;
    }

    /// <summary>
    /// An IP about the leak child, received by the CRIP of the test département: its narrative is social; its author,
    /// a private person whose identity is protected, is <see cref="Section.ConcernAuthor"/> (the CRIP and the cadres only).
    /// </summary>
    private static void ConcernAuthor(LeakMarkers m, AppDbContext db, Child child)
    {
        var crip = db.Services.Single(s => s.Name == "CRIP de Test");
        var now = DateTime.UtcNow;
        var concern = new Concern
        {
            DepartementCode = TestWorld.Departement,
            ReceivedByServiceId = crip.Id,
            ReceivedAt = now.AddDays(-2),
            Channel = ConcernChannel.Phone,
            TransmitterCode = 400,
            OriginCode = 40,
            Dangers = ConcernDangers.PhysicalViolence,
            Narrative = m.Mark(Section.Social, "RecitIp", ConcernViews),
            State = ConcernState.InAssessment,
            Qualification = ConcernQualification.Evaluate,
            QualifiedAt = now.AddDays(-1),
            QualifiedByName = "Agent CRIP témoin",
            DueOn = DateOnly.FromDateTime(now).AddMonths(3),
            RecordedByName = "Agent CRIP témoin",
        };
        db.Concerns.Add(concern);
        db.ConcernChildren.Add(new ConcernChild { ConcernId = concern.Id, ChildId = child.Id });
        db.ConcernReporters.Add(new ConcernReporter
        {
            ConcernId = concern.Id,
            IsProtected = true,
            Name = m.Mark(Section.ConcernAuthor, "AuteurNom", ConcernViews),
            Capacity = m.Mark(Section.ConcernAuthor, "AuteurQualite", ConcernViews),
            Phone = m.Mark(Section.ConcernAuthor, "AuteurTel", ConcernViews, $"MQATL-{Tag}"),
            Email = m.Mark(Section.ConcernAuthor, "AuteurCourriel", ConcernViews, $"marqueur-auteurip-courriel-{Tag}@exemple.test"),
        });
        m.Ids["concernId"] = concern.Id;
    }

    /// <summary>
    /// The evaluation of that IP, by a team of two: the child's view and a criterion's comment are social; a health
    /// observation's content is health (its practical summary, written for the team, is social).
    /// </summary>
    private static void Evaluation(LeakMarkers m, AppDbContext db, Child child)
    {
        var concernId = m.Ids["concernId"];
        // The shipped framework, as an evaluation opened through the app would store it when missing.
        var definition = FrameworkDefinition.Parse(DefaultFramework.Json());
        var framework = db.AssessmentFrameworks.Where(f => f.DepartementCode == null).OrderByDescending(f => f.LoadedAt).FirstOrDefault()
            ?? new AssessmentFramework { Code = definition.Code, Version = definition.Version, Title = definition.Title, Definition = DefaultFramework.Json(), LoadedAt = DateTime.UtcNow };
        if (db.Entry(framework).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
        {
            db.AssessmentFrameworks.Add(framework);
        }

        var service = db.Services.Single(s => s.Name == "CRIP de Test");
        var firstCriterion = framework.Parse().Domains[0];
        var assessment = new Assessment
        {
            ConcernId = concernId,
            DepartementCode = TestWorld.Departement,
            ServiceId = service.Id,
            FrameworkId = framework.Id,
            StartedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            HomeVisits = "01/01/2026",
            ChildView = m.Mark(Section.Social, "ParoleEnfant", AssessmentViews),
        };
        db.Assessments.Add(assessment);
        db.AssessmentChildren.Add(new AssessmentChild { AssessmentId = assessment.Id, ChildId = child.Id, NamedInConcern = true });
        foreach (var name in new[] { "A", "B" })
        {
            var evaluator = new AppUser { UserName = $"temoin.evaluateur{name}".ToLowerInvariant(), DisplayName = $"Évaluateur témoin {name}", CreatedAt = DateTime.UtcNow };
            db.Users.Add(evaluator);
            db.AssessmentEvaluators.Add(new AssessmentEvaluator { AssessmentId = assessment.Id, UserId = evaluator.Id, Name = evaluator.DisplayName });
        }

        db.AssessmentAnswers.Add(new AssessmentAnswer
        {
            AssessmentId = assessment.Id,
            ChildId = child.Id,
            DomainCode = firstCriterion.Code,
            CriterionCode = firstCriterion.Criteria[0].Code,
            Answer = CriterionAnswer.Concerning,
            Comment = m.Mark(Section.Social, "CommentaireCritere", AssessmentViews),
        });
        var nurse = new AppUser { UserName = "temoin.infirmiere", DisplayName = "Infirmière témoin", CreatedAt = DateTime.UtcNow };
        db.Users.Add(nurse);
        db.HealthObservations.Add(new HealthObservation
        {
            AssessmentId = assessment.Id,
            ChildId = child.Id,
            Content = m.Mark(Section.Health, "ObservationSante", AssessmentViews),
            PracticalSummary = m.Mark(HealthObservation.SummarySection, "ResumePratique", AssessmentViews),
            AuthorUserId = nurse.Id,
            AuthorName = nurse.DisplayName,
        });
        m.Ids["assessmentId"] = assessment.Id;
    }

    /// <summary>
    /// An attached file of each section that attachments take (social, health), whose name is the marker; no content is
    /// stored: the list shows the name, the download finds nothing to send.
    /// </summary>
    private static void Attachments(LeakMarkers m, AppDbContext db, Child child)
    {
        string[] list = ["/api/v1/children/{childId}/attachments"];
        foreach (var section in new[] { Section.Social, Section.Health })
        {
            var attachment = File(child, section, m.Mark(section, "PieceJointe", list, $"marqueur-{SectionWord(section).ToLowerInvariant()}-piece-{Tag}.pdf"), $"absent-{section}-{Tag}");
            db.Attachments.Add(attachment);
            if (section == Section.Social)
            {
                m.Ids["attachmentId"] = attachment.Id;
            }
        }
    }

    /// <summary>The measure page and API.</summary>
    private static readonly string[] MeasureViews = ["/Measures/Details/{measureId}", "/api/v1/measures/{measureId}"];

    /// <summary>The record page (its journey card) and the journey API.</summary>
    private static readonly string[] JourneyViews = ["/Children/Details/{childId}", "/api/v1/children/{childId}/journey"];

    /// <summary>
    /// An OPP in progress: its legal basis and end note are social (the measure is social follow-up); the decision's
    /// court, judge, reference and note are judicial (docs/domain.md, Measures).
    /// </summary>
    private static void Measures(LeakMarkers m, AppDbContext db, Child child)
    {
        var service = db.Services.Local.Single(s => s.Name.StartsWith("MARQUEUR-", StringComparison.Ordinal));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var measure = new Measure
        {
            ChildId = child.Id,
            DepartementCode = TestWorld.Departement,
            KindCode = "opp",
            Framework = MeasureFramework.Judicial,
            Authority = DecidingAuthority.JuvenileJudge,
            LegalBasis = m.Mark(Section.Social, "MesureFondement", MeasureViews),
            DecidedOn = today.AddDays(-10),
            StartsOn = today.AddDays(-10),
            PlannedEndOn = today.AddMonths(5),
            CarriedOutByServiceId = service.Id,
            State = MeasureState.InProgress,
            // The page shows the end note once the measure has ended; the API always returns it.
            EndNote = m.Mark(Section.Social, "MesureNoteFin", ["/api/v1/measures/{measureId}"]),
            RecordedByName = "Professionnel témoin",
        };
        db.Measures.Add(measure);
        db.MeasureDecisions.Add(new MeasureDecision
        {
            MeasureId = measure.Id,
            ChildId = child.Id,
            Kind = MeasureDecisionKind.Initial,
            DecidedOn = measure.DecidedOn,
            CoversFrom = measure.DecidedOn,
            CoversUntil = measure.PlannedEndOn,
            Court = m.Mark(Section.Judicial, "Tribunal", MeasureViews),
            JudgeName = m.Mark(Section.Judicial, "Juge", MeasureViews),
            Reference = m.Mark(Section.Judicial, "ReferenceDecision", MeasureViews, $"MQREF-{Tag}"),
            Note = m.Mark(Section.Judicial, "NoteDecision", MeasureViews),
            RecordedByName = "Professionnel témoin",
            RecordedAt = DateTime.UtcNow,
        });
        m.Ids["measureId"] = measure.Id;
    }

    /// <summary>
    /// The leak child is protected (its reason is social), and lives in a facility of a witness service after a stay at a
    /// place named by hand, found by a placement request: the place's name, city and contact tell where she lives (on the
    /// journey and on the request), and so may the stays' reasons (free text, hidden with the place); the request's needs are social.
    /// </summary>
    private static void Placements(LeakMarkers m, AppDbContext db, Child child)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        child.IsProtected = true;
        db.ChildProtections.Add(new ChildProtection
        {
            ChildId = child.Id,
            Reason = m.Mark(Section.Social, "MotifProtection", []),
            SetAt = DateTime.UtcNow.AddDays(-5),
            SetByName = "Cadre témoin",
        });

        // A foyer of the neighbouring département: the forms of the child's département list its own facilities
        // (that list tells nothing of the child), so the witness facility's name can only come from her stays.
        var organisation = new Organisation { Name = "Association d'accueil témoin", Kind = OrganisationKind.AssociationGestionnaire, DepartementCode = TestWorld.OtherDepartement };
        var host = new Service { OrganisationId = organisation.Id, Name = "Foyer témoin", Kind = ServiceKind.Mecs };
        db.Organisations.Add(organisation);
        db.Services.Add(host);
        var facility = new Facility
        {
            Name = m.MarkPlace("Etablissement"),
            DepartementCode = TestWorld.OtherDepartement,
            PlaceKind = PlaceKind.Establishment,
            ServiceId = host.Id,
            City = m.MarkPlace("EtablissementCommune"),
            ContactName = m.MarkPlace("EtablissementContact"),
            ContactPhone = m.MarkPlace("EtablissementTel", $"MQETL-{Tag}"),
        };
        db.Facilities.Add(facility);

        db.Placements.Add(new Placement
        {
            ChildId = child.Id,
            MeasureId = m.Ids["measureId"],
            PlaceKind = PlaceKind.Other,
            PlaceLabel = m.MarkPlace("LieuPrecedent"),
            StartsOn = today.AddDays(-10),
            EndsOn = today.AddDays(-4),
            Reason = m.MarkPlace("MotifAccueil"),
            EndReason = m.MarkPlace("MotifFinAccueil"),
            RecordedByName = "Professionnel témoin",
        });
        var current = new Placement
        {
            ChildId = child.Id,
            MeasureId = m.Ids["measureId"],
            PlaceKind = PlaceKind.Establishment,
            FacilityId = facility.Id,
            StartsOn = today.AddDays(-3),
            Reason = m.MarkPlace("MotifChangement"),
            RecordedByName = "Professionnel témoin",
        };
        db.Placements.Add(current);
        m.Ids["placementId"] = current.Id;

        // The request that found her the place, accepted and fulfilled: the facility asked is named on it.
        var request = new PlacementRequest
        {
            ChildId = child.Id,
            DepartementCode = TestWorld.Departement,
            RequestedByServiceId = db.Services.Local.Single(s => s.Name.StartsWith("MARQUEUR-", StringComparison.Ordinal)).Id,
            RequestedByUserId = db.Users.Local.Single(u => u.UserName == "temoin.referent").Id,
            RequestedByName = "Professionnel témoin",
            CareType = CareType.Permanent,
            WantedFrom = today.AddDays(-4),
            ChildAgeYears = 13,
            ChildSex = Sex.Female,
            Needs = m.Mark(Section.Social, "BesoinsDemande", ["/Facilities/Requests/{placementRequestId}", "/api/v1/placement-requests/{placementRequestId}"]),
            CreatedAt = DateTime.UtcNow.AddDays(-5),
            UpdatedAt = DateTime.UtcNow.AddDays(-3),
        };
        request.Targets.Add(new PlacementRequestTarget
        {
            ChildId = child.Id,
            FacilityId = facility.Id,
            Status = PlacementRequestStatus.Fulfilled,
            UpdatedAt = DateTime.UtcNow.AddDays(-3),
            UpdatedByName = "Chef de service témoin",
        });
        db.PlacementRequests.Add(request);
        m.Ids["placementRequestId"] = request.Id;
    }

    /// <summary>A value that tells where the protected leak child lives, to be found by who may know it on the journey.</summary>
    private string MarkPlace(string field, string? value = null)
    {
        value ??= $"MARQUEUR-LIEU-{field.ToUpperInvariant()}-{Tag}";
        markers.Add(new LeakMarker(Section.Social, field, [value]) { ShownOn = JourneyViews, TellsProtectedPlace = true });
        return value;
    }

    /// <summary>A supervised visiting right of the mother, from the OPP: its source and terms are social (the card of the record).</summary>
    private static void ContactRights(LeakMarkers m, AppDbContext db, Child child)
    {
        string[] views = ["/Children/Details/{childId}", "/api/v1/children/{childId}/contact-rights"];
        var right = new ContactRight
        {
            ChildId = child.Id,
            LinkedPersonId = m.Ids["personId"],
            Kind = ContactRightKind.Supervised,
            MeasureId = m.Ids["measureId"],
            Source = m.Mark(Section.Social, "DroitSource", views),
            Terms = m.Mark(Section.Social, "DroitModalites", views),
            StartsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10),
            RecordedByName = "Professionnel témoin",
        };
        db.ContactRights.Add(right);
        m.Ids["contactRightId"] = right.Id;
    }

    /// <summary>
    /// A social entry and a health entry (docs/domain.md, Journal): the health entry's fact and assessment are health,
    /// its practical summary social (what the team reads of it); the timeline (page and API) and the entry's API show them.
    /// </summary>
    private static void Journal(LeakMarkers m, AppDbContext db, Child child)
    {
        string[] timeline = ["/Journal/{childId}", "/api/v1/children/{childId}/journal"];
        string[] entry = [.. timeline, "/api/v1/journal/{entryId}"];
        var now = DateTime.UtcNow;
        db.JournalEntries.Add(new JournalEntry
        {
            ChildId = child.Id,
            Kind = JournalEntryKind.Visit,
            Section = Section.Social,
            OccurredAt = now.AddHours(-3),
            Fact = m.Mark(Section.Social, "JournalFait", timeline),
            Assessment = m.Mark(Section.Social, "JournalAnalyse", timeline),
            AuthorName = "Professionnel témoin",
            RecordedAt = now.AddHours(-3),
        });
        var health = new JournalEntry
        {
            ChildId = child.Id,
            Kind = JournalEntryKind.HealthAppointment,
            Section = Section.Health,
            OccurredAt = now.AddHours(-2),
            Fact = m.Mark(Section.Health, "JournalFait", entry),
            Assessment = m.Mark(Section.Health, "JournalAnalyse", entry),
            PracticalSummary = m.Mark(Section.Social, "JournalResumePratique", entry),
            AuthorName = "Professionnel témoin",
            RecordedAt = now.AddHours(-2),
        };
        db.JournalEntries.Add(health);
        m.Ids["entryId"] = health.Id;

        // A file of each entry: it takes the entry's section (a health entry's file is health), listed with the entry.
        db.Attachments.Add(EntryFile(m, child, db.JournalEntries.Local.Single(e => e.ChildId == child.Id && e.Section == Section.Social), timeline));
        db.Attachments.Add(EntryFile(m, child, health, entry));
    }

    private static Attachment EntryFile(LeakMarkers m, Child child, JournalEntry entry, string[] views)
    {
        var file = File(child, entry.Section, m.Mark(entry.Section, "JournalFichier", views, $"marqueur-{SectionWord(entry.Section).ToLowerInvariant()}-journal-fichier-{Tag}.pdf"),
            $"absent-journal-{entry.Section}-{Tag}");
        file.JournalEntryId = entry.Id;
        return file;
    }

    /// <summary>An attached file whose name is a marker; no content is stored (the lists show the name, a download finds nothing).</summary>
    private static Attachment File(Child child, Section section, string fileName, string key) => new()
    {
        ChildId = child.Id,
        Section = section,
        FileName = fileName,
        ContentType = "application/pdf",
        Size = 1,
        FileKey = key,
        Sha256 = new string('0', 64),
        UploadedByName = "Professionnel témoin",
        UploadedAt = DateTime.UtcNow,
    };

    /// <summary>
    /// The plan, its objective and action, a validated version (its snapshot holds the same values) and a signature: the
    /// plan's page and API, and the version's, show them to the plan's readers.
    /// </summary>
    private static void Plan(LeakMarkers m, AppDbContext db, Child child)
    {
        string[] plan = ["/Plans/{childId}", "/api/v1/children/{childId}/plan"];
        string[] version = ["/Plans/Version/{childId}/{versionId}", "/api/v1/plan-versions/{versionId}"];
        string[] both = [.. plan, .. version];
        var service = db.Services.Local.Single(s => s.Name.StartsWith("MARQUEUR-", StringComparison.Ordinal));
        var now = DateTime.UtcNow;
        string PlanMark(string field, string[] views)
        {
            var value = m.Mark(Section.Social, field, views);
            m.markers[^1] = m.markers[^1] with { PlanContent = true };
            return value;
        }

        var row = new ChildPlan
        {
            ChildId = child.Id,
            TrustedPerson = PlanMark("PpeConfiance", both),
            Siblings = PlanMark("PpeFratrie", both),
            AutonomyProject = PlanMark("PpeAutonomie", both),
            ChildView = PlanMark("PpeParoleEnfant", both),
            ParentsView = PlanMark("PpeParoleParents", both),
            ThirdPartiesView = PlanMark("PpeParoleTiers", both),
            ValidatedNumber = 1,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedByName = "Professionnel témoin",
        };
        var goal = new PlanGoal
        {
            ChildId = child.Id,
            PlanId = row.Id,
            DomainCode = "sco",
            For = GoalFor.Child,
            Title = PlanMark("PpeObjectif", both),
            Description = PlanMark("PpeObjectifDescription", both),
            StartsOn = DateOnly.FromDateTime(now).AddDays(-30),
            OwnerServiceId = service.Id,
            OwnerServiceName = service.Name,
            CreatedByName = "Professionnel témoin",
            CreatedAt = now,
            UpdatedAt = now,
        };
        var action = new PlanAction
        {
            ChildId = child.Id,
            PlanId = row.Id,
            GoalId = goal.Id,
            Title = PlanMark("PpeAction", both),
            PersonInCharge = PlanMark("PpeResponsable", both),
            StartsOn = DateOnly.FromDateTime(now).AddDays(-20),
            OwnerServiceId = service.Id,
            OwnerServiceName = service.Name,
            CreatedByName = "Professionnel témoin",
            CreatedAt = now,
            UpdatedAt = now,
        };
        var snapshot = new PlanSnapshot(child.DisplayName, child.DossierNumber, null, null, row.TrustedPerson, null, row.Siblings, row.AutonomyProject,
            row.ChildView, row.ParentsView, row.ThirdPartiesView,
            [new GoalSnapshot(goal.Id, goal.DomainCode, goal.For, goal.Title, goal.Description, goal.StartsOn, null, 0, GoalStatus.InProgress, service.Name, "Professionnel témoin")],
            [new ActionSnapshot(action.Id, goal.Id, action.Title, action.PersonInCharge, action.StartsOn, null, 0, ActionStatus.Planned, service.Name, "Professionnel témoin")]);
        var frozen = new ChildPlanVersion
        {
            ChildId = child.Id,
            PlanId = row.Id,
            Number = 1,
            Snapshot = snapshot.Serialise(),
            ValidatedByName = "Professionnel témoin",
            ValidatedAt = now,
        };
        var signature = new PlanSignature
        {
            ChildId = child.Id,
            VersionId = frozen.Id,
            Kind = SignatoryKind.ParentalAuthorityHolder,
            Name = PlanMark("PpeSignataire", version),
            SignedOn = DateOnly.FromDateTime(now),
            RecordedByName = "Professionnel témoin",
            RecordedAt = now,
        };
        db.ChildPlans.Add(row);
        db.PlanGoals.Add(goal);
        db.PlanActions.Add(action);
        db.ChildPlanVersions.Add(frozen);
        db.PlanSignatures.Add(signature);
        // The scanned signed paper: a social file (not plan content), listed on the version to social readers only.
        var copy = File(child, Section.Social, m.Mark(Section.Social, "PpeCopieSignee", version, $"marqueur-social-ppe-copie-signee-{Tag}.pdf"), $"absent-ppe-{Tag}");
        copy.PlanVersionId = frozen.Id;
        db.Attachments.Add(copy);
        m.Ids["goalId"] = goal.Id;
        m.Ids["actionId"] = action.Id;
        m.Ids["versionId"] = frozen.Id;
    }

    /// <summary>A validated rapport de situation: the author's texts are social; the report's page and API show them.</summary>
    private static void Report(LeakMarkers m, AppDbContext db, Child child)
    {
        string[] views = ["/Reports/Report/{childId}/{reportId}", "/api/v1/reports/{reportId}"];
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var report = new SituationReport
        {
            ChildId = child.Id,
            Kind = ReportKind.Situation,
            State = ReportState.Validated,
            PeriodFrom = today.AddYears(-1),
            PeriodTo = today.AddDays(-1),
            Prefill = new ReportPrefill(child.DisplayName, child.DossierNumber, null, null, [], [], [], [], null, [], []).Serialise(),
            HighlightIds = "[]",
            EvaluationDevelopment = m.Mark(Section.Social, "RapportDeveloppement", views),
            EvaluationRelations = m.Mark(Section.Social, "RapportRelations", views),
            EvaluationSchooling = m.Mark(Section.Social, "RapportScolarite", views),
            EvaluationAutonomy = m.Mark(Section.Social, "RapportAutonomie", views),
            PlanAssessment = m.Mark(Section.Social, "RapportAppreciation", views),
            ProposalsText = m.Mark(Section.Social, "RapportPropositions", views),
            Proposals = ReportProposals.RenewMeasure,
            AuthorName = "Professionnel témoin",
            CreatedAt = now,
            UpdatedAt = now,
            ValidatedByName = "Cadre témoin",
            ValidatedAt = now,
        };
        db.SituationReports.Add(report);
        m.Ids["reportId"] = report.Id;

        // Its PDF, sent to a court by post: to whom, typed by the sender, is social; the report's views list it.
        var document = new GeneratedDocument
        {
            ChildId = child.Id,
            GenerationId = Guid.CreateVersion7(),
            Kind = DocumentKind.SituationReport,
            LegalNature = LegalNature.Judicial,
            Format = DocumentFileFormat.Pdf,
            Number = 1,
            SourceKind = DocumentSourceKind.SituationReport,
            SourceId = report.Id,
            DepartementCode = child.ResponsibleDepartementCode,
            FileName = $"rapport-{Tag}.pdf",
            ContentType = "application/pdf",
            Size = 1,
            FileKey = $"absent-rapport-{Tag}",
            Sha256 = new string('0', 64),
            RedactionTags = "[]",
            GeneratedByName = "Professionnel témoin",
            GeneratedAt = now,
        };
        db.GeneratedDocuments.Add(document);
        db.DocumentTransmissions.Add(new DocumentTransmission
        {
            ChildId = child.Id,
            DocumentId = document.Id,
            DocumentName = document.FileName,
            Channel = TransmissionChannel.Post,
            RecipientName = m.Mark(Section.Social, "TransmissionDestinataire", views),
            Note = m.Mark(Section.Social, "TransmissionNote", views),
            SentByName = "Professionnel témoin",
            SentAt = now,
        });
    }

    /// <summary>A needle inside another would make the scan ambiguous.</summary>
    private void CheckDistinct()
    {
        var needles = markers.SelectMany(x => x.Needles).ToList();
        foreach (var a in needles)
        {
            var inside = needles.Where(b => !ReferenceEquals(a, b) && b.Contains(a, StringComparison.OrdinalIgnoreCase)).ToList();
            if (inside.Count > 0)
            {
                throw new InvalidOperationException($"marker « {a} » is part of « {inside[0]} »");
            }
        }
    }
}
