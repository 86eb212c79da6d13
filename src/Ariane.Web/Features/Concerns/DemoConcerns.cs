using Ariane.Core.Assessments;
using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Web.Features.Assessments;
using Ariane.Web.Features.Demo;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Concerns;

/// <summary>
/// The CRIP's part of the demo: IPs of La Vallée in every state — to qualify (one waiting for 12 days),
/// in evaluation (some past their due date), concluded and waiting for the cadre, closed — so that the
/// dashboard tells a story. Evaluations are led by « evaluateur » and « referent.nord », named on the
/// children they evaluate.
/// </summary>
internal static class DemoConcernsStep
{
    private static readonly string[] Narratives =
    [
        "L'école signale des absences répétées et un enfant qui arrive le matin sans avoir mangé.",
        "Appel d'une voisine : cris fréquents le soir, les enfants semblent seuls une partie de la nuit.",
        "L'hôpital signale des passages aux urgences répétés pour des blessures mal expliquées.",
        "La mère appelle elle-même : elle ne parvient plus à faire face depuis la séparation.",
        "Fiche du 119 : l'adolescente dit subir des humiliations et des menaces à la maison.",
    ];

    public static async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var random = new Random(DemoSeeder.RandomSeed + 11);
        var children = context.Children.Where(c => c.ResponsibleDepartementCode == DemoStructure.DepartementCode).Take(40).ToList();
        if (children.Count < 30 || !context.UserIds.TryGetValue("crip.agent", out var crip)
            || !context.UserIds.TryGetValue("evaluateur", out var evaluator) || !context.UserIds.TryGetValue("referent.nord", out var referent)
            || !context.UserIds.TryGetValue("cadre.ase", out var cadre))
        {
            return;
        }

        var framework = await AssessmentFrameworks.CurrentAsync(db, DemoStructure.DepartementCode, ct);
        var definition = framework.Parse();
        var criteria = definition.Domains.SelectMany(d => d.Criteria.Select(c => (Domain: d.Code, c.Code))).ToList();
        var today = context.Today;
        // (days since receipt, state): the story of the dashboard.
        (int Days, ConcernState State, ConcernQualification? Qualification)[] plan =
        [
            (0, ConcernState.ToQualify, null), (1, ConcernState.ToQualify, null), (3, ConcernState.ToQualify, null), (12, ConcernState.ToQualify, null),
            (20, ConcernState.InAssessment, ConcernQualification.Evaluate), (35, ConcernState.InAssessment, ConcernQualification.Evaluate),
            (50, ConcernState.InAssessment, ConcernQualification.Evaluate), (70, ConcernState.InAssessment, ConcernQualification.Evaluate),
            (84, ConcernState.InAssessment, ConcernQualification.Evaluate),
            // Past the 3 months: they come first on the dashboard.
            (97, ConcernState.InAssessment, ConcernQualification.Evaluate), (110, ConcernState.InAssessment, ConcernQualification.Evaluate),
            (60, ConcernState.ToValidate, ConcernQualification.Evaluate), (80, ConcernState.ToValidate, ConcernQualification.Evaluate),
            (120, ConcernState.Closed, ConcernQualification.Evaluate), (150, ConcernState.Closed, ConcernQualification.Evaluate),
            (40, ConcernState.Closed, ConcernQualification.ProsecutorReferral), (25, ConcernState.Closed, ConcernQualification.NotAConcern),
            (200, ConcernState.Closed, ConcernQualification.JudgeAlreadySeized),
        ];
        var next = 0;
        foreach (var (days, state, qualification) in plan)
        {
            // Siblings now and then: two children of the list in one IP.
            var concerned = random.Next(4) == 0 ? children.Skip(next).Take(2).ToList() : children.Skip(next).Take(1).ToList();
            next = (next + concerned.Count) % (children.Count - 2);
            var receivedAt = context.Now.AddDays(-days).AddHours(-random.Next(1, 8));
            var receivedOn = DateOnly.FromDateTime(receivedAt);
            var concern = new Concern
            {
                DepartementCode = DemoStructure.DepartementCode,
                ReceivedByServiceId = context.Structure.Crip.Id,
                ReceivedAt = receivedAt,
                Channel = (ConcernChannel)new[] { 1, 1, 2, 3, 5 }[random.Next(5)],
                TransmitterCode = ConcernNomenclature.Transmitters[random.Next(ConcernNomenclature.Transmitters.Count - 1)].Code,
                OriginCode = ConcernNomenclature.Origins[random.Next(ConcernNomenclature.Origins.Count - 1)].Code,
                Dangers = ConcernNomenclature.Dangers[random.Next(ConcernNomenclature.Dangers.Count)].Flag | ConcernNomenclature.Dangers[random.Next(ConcernNomenclature.Dangers.Count)].Flag,
                Narrative = Narratives[random.Next(Narratives.Length)],
                State = state,
                DueOn = ConcernDeadlines.DueOn(receivedOn, concerned.Select(c => c.BirthDate), false, new ConcernDeadlineOptions()),
                Qualification = qualification,
                QualifiedAt = qualification is null ? null : receivedAt.AddDays(1),
                QualifiedByUserId = qualification is null ? null : crip,
                QualifiedByName = qualification is null ? null : "Nadia Benaïssa",
                ProsecutorReferralOn = qualification == ConcernQualification.ProsecutorReferral ? receivedOn : null,
                ProsecutorReferralReason = qualification == ConcernQualification.ProsecutorReferral ? "Violences physiques graves décrites par l'enfant." : null,
                JudgeInformedOn = qualification == ConcernQualification.JudgeAlreadySeized ? receivedOn.AddDays(2) : null,
                QualificationNote = qualification == ConcernQualification.NotAConcern ? "Conflit de voisinage, aucun élément de danger pour l'enfant." : null,
                RecordedByUserId = crip,
                RecordedByName = "Nadia Benaïssa",
            };
            concern.Children.AddRange(concerned.Select(c => new ConcernChild { ConcernId = concern.Id, ChildId = c.Id }));
            db.Concerns.Add(concern);
            if (random.Next(3) > 0)
            {
                db.ConcernReporters.Add(new ConcernReporter
                {
                    ConcernId = concern.Id,
                    Concern = concern,
                    Name = random.Next(2) == 0 ? "Mme Germain" : "M. Aubert",
                    Capacity = "voisin(e)",
                    IsProtected = true,
                });
            }

            if (qualification == ConcernQualification.Evaluate)
            {
                AddAssessment(context, concern, concerned, state, framework, criteria, random, evaluator, referent, cadre, today);
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        context.Logger.LogInformation("Demo IPs created: {Concerns}.", plan.Length);
    }

    private static void AddAssessment(DemoSeedContext context, Concern concern, List<Child> concerned, ConcernState state, AssessmentFramework framework,
        List<(string Domain, string Code)> criteria, Random random, Guid evaluator, Guid referent, Guid cadre, DateOnly today)
    {
        var db = context.Db;
        var started = DateOnly.FromDateTime(concern.ReceivedAt).AddDays(3);
        var concluded = state is ConcernState.ToValidate or ConcernState.Closed;
        var assessment = new Assessment
        {
            ConcernId = concern.Id,
            DepartementCode = concern.DepartementCode,
            ServiceId = context.Structure.AseNord.Id,
            FrameworkId = framework.Id,
            StartedOn = started,
            State = state switch { ConcernState.ToValidate => AssessmentState.ToValidate, ConcernState.Closed => AssessmentState.Validated, _ => AssessmentState.InProgress },
            HomeVisits = Format(started.AddDays(10)),
            ParentsInformedOn = started.AddDays(2),
            ChildView = "L'enfant dit qu'il se sent bien à l'école et qu'il aimerait voir son père plus souvent.",
            ParentsView = "La mère reconnaît être dépassée depuis la perte de son emploi.",
            ProfessionalsView = "L'école confirme des absences ; le médecin traitant n'a rien relevé.",
            Conclusion = concluded ? (AssessmentConclusion)(1 + random.Next(3)) : null,
            ConclusionArgument = concluded ? "Les besoins fondamentaux sont couverts en partie ; la mère accepte une aide éducative à domicile." : null,
            FinishedOn = concluded ? Min(started.AddDays(60), today) : null,
            ParentsNotifiedOn = concluded ? Min(started.AddDays(62), today) : null,
            ConcludedByUserId = concluded ? evaluator : null,
            ConcludedByName = concluded ? "Julien Marchetti" : null,
            ValidatedByUserId = state == ConcernState.Closed ? cadre : null,
            ValidatedByName = state == ConcernState.Closed ? "Sophie Lemaire-Castel" : null,
            ValidatedAt = state == ConcernState.Closed ? context.Now.AddDays(-5) : null,
        };
        assessment.Children.AddRange(concerned.Select(c => new AssessmentChild { AssessmentId = assessment.Id, ChildId = c.Id, NamedInConcern = true }));
        assessment.Evaluators.Add(new AssessmentEvaluator { AssessmentId = assessment.Id, Assessment = assessment, UserId = evaluator, Name = "Julien Marchetti" });
        assessment.Evaluators.Add(new AssessmentEvaluator { AssessmentId = assessment.Id, Assessment = assessment, UserId = referent, Name = "Claire Dubreuil" });
        db.Assessments.Add(assessment);
        foreach (var child in concerned)
        {
            foreach (var userId in new[] { evaluator, referent })
            {
                db.WorkerAssignments.Add(new WorkerAssignment { ChildId = child.Id, UserId = userId, Role = WorkerRole.Evaluator, StartsOn = started });
            }

            // A grid partly answered while the evaluation runs, whole once concluded.
            foreach (var (domain, code) in criteria.Where(_ => concluded || random.Next(3) == 0))
            {
                db.AssessmentAnswers.Add(new AssessmentAnswer
                {
                    AssessmentId = assessment.Id,
                    ChildId = child.Id,
                    DomainCode = domain,
                    CriterionCode = code,
                    Answer = random.Next(4) == 0 ? CriterionAnswer.Concerning : random.Next(5) == 0 ? CriterionAnswer.NoAnswer : CriterionAnswer.Satisfactory,
                });
            }
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Format(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
