using System.Globalization;
using Ariane.Core.Assessments;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Persistence;

namespace Ariane.Bench.Generator;

/// <summary>
/// The IPs of each département (docs/domain.md, CRIP): every family's record was opened by an IP received a
/// few days before, qualified « à évaluer », evaluated by the référent and the CRIP agent and validated;
/// a quarter of the families followed today had a second IP since; and the CRIP's open work — IPs to
/// qualify, in evaluation (some overdue), to validate — in the last four months, about one family in
/// twenty followed today. Grids are answered for the evaluations still open and one closed in ten, so
/// that the load stays in minutes at national size. The audit rows the app would have written are recorded.
/// </summary>
internal sealed class ConcernsPart(Guid frameworkId, IReadOnlyList<(string Domain, string Code)> criteria) : IDatasetPart
{
    public string Name => "concerns";

    public async Task WriteAsync(DepartementBatch batch, BulkLoader loader, CancellationToken cancellationToken)
    {
        var d = batch.Departement;
        var random = batch.Random;
        var concerns = new List<Concern>();
        var assessments = new List<Assessment>();
        var answers = new List<AssessmentAnswer>();
        // Siblings share their opening instant and référent (ChildrenPart opens a family at once).
        foreach (var family in batch.FollowUps.GroupBy(f => (f.Start, f.Referent.User.Id)))
        {
            var first = family.First();
            var children = family.Select(f => f.Child).ToList();
            Add(batch, first.Start.AddDays(-random.Next(3, 20)), children, first, ConcernState.Closed, concerns, assessments, answers, random.Next(10) == 0);
            if (first.End is null && random.Next(4) == 0)
            {
                var since = (batch.Today.ToDateTime(TimeOnly.MinValue) - first.Start).TotalDays;
                if (since > 300)
                {
                    Add(batch, first.Start.AddDays(random.Next(120, (int)since - 130)), children, first, ConcernState.Closed, concerns, assessments, answers, false);
                }
            }

            if (first.End is null && random.Next(20) == 0)
            {
                var state = random.Next(10) switch { < 3 => ConcernState.ToQualify, < 8 => ConcernState.InAssessment, _ => ConcernState.ToValidate };
                var received = batch.Today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(-random.Next(0, state == ConcernState.ToQualify ? 15 : 120));
                Add(batch, received, children, first, state, concerns, assessments, answers, true);
            }
        }

        // Numbers in order of receipt per year, as the app's counter gives them (counter key « IP » + code).
        var counters = new Dictionary<int, int>();
        foreach (var concern in concerns.OrderBy(c => c.ReceivedAt))
        {
            var year = DossierNumbers.YearOf(concern.ReceivedAt);
            counters[year] = counters.GetValueOrDefault(year) + 1;
            concern.Number = string.Create(CultureInfo.InvariantCulture, $"IP-{d.Code}-{year:0000}-{counters[year]:000000}");
        }

        await loader.CopyAsync(concerns, cancellationToken);
        await loader.CopyAsync(concerns.SelectMany(c => c.Children), cancellationToken);
        await loader.CopyAsync(assessments, cancellationToken);
        await loader.CopyAsync(assessments.SelectMany(a => a.Children), cancellationToken);
        await loader.CopyAsync(assessments.SelectMany(a => a.Evaluators), cancellationToken);
        await loader.CopyAsync(answers, cancellationToken);
        await loader.CopyAsync(counters.Select(c => new DossierCounter { DepartementCode = "IP" + d.Code, Year = c.Key, LastNumber = c.Value }), cancellationToken);
    }

    private void Add(DepartementBatch batch, DateTime receivedAt, List<Child> children, FollowUp followUp, ConcernState state,
        List<Concern> concerns, List<Assessment> assessments, List<AssessmentAnswer> answers, bool withGrid)
    {
        var d = batch.Departement;
        var random = batch.Random;
        var receivedOn = DateOnly.FromDateTime(receivedAt);
        var concern = new Concern
        {
            Id = Guid.CreateVersion7(receivedAt),
            DepartementCode = d.Code,
            ReceivedByServiceId = d.Crip.Id,
            ReceivedAt = receivedAt,
            Channel = (ConcernChannel)(1 + random.Next(5)),
            TransmitterCode = ConcernNomenclature.Transmitters[random.Next(ConcernNomenclature.Transmitters.Count)].Code,
            OriginCode = ConcernNomenclature.Origins[random.Next(ConcernNomenclature.Origins.Count)].Code,
            Dangers = ConcernNomenclature.Dangers[random.Next(ConcernNomenclature.Dangers.Count)].Flag,
            Narrative = "Information transmise à la CRIP (données générées pour la mesure des performances).",
            State = state,
            DueOn = receivedOn.AddMonths(3),
            Qualification = state == ConcernState.ToQualify ? null : ConcernQualification.Evaluate,
            QualifiedAt = state == ConcernState.ToQualify ? null : receivedAt.AddHours(20),
            QualifiedByUserId = state == ConcernState.ToQualify ? null : d.CripAgent.User.Id,
            QualifiedByName = state == ConcernState.ToQualify ? null : d.CripAgent.User.DisplayName,
            RecordedByUserId = d.CripAgent.User.Id,
            RecordedByName = d.CripAgent.User.DisplayName,
            CreatedAt = receivedAt,
            UpdatedAt = receivedAt,
        };
        concern.Children.AddRange(children.Select(c => new ConcernChild { Id = Guid.CreateVersion7(receivedAt), ConcernId = concern.Id, ChildId = c.Id }));
        concerns.Add(concern);
        foreach (var child in children)
        {
            batch.Record(AuditEventType.ConcernRecorded, receivedAt, d.CripAgent, child.Id).EntityId = concern.Id;
        }

        if (state == ConcernState.ToQualify)
        {
            return;
        }

        var opened = receivedAt.AddDays(2);
        var done = state is ConcernState.ToValidate or ConcernState.Closed;
        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(opened),
            ConcernId = concern.Id,
            DepartementCode = d.Code,
            ServiceId = followUp.Territory.Service.Id,
            FrameworkId = frameworkId,
            StartedOn = DateOnly.FromDateTime(opened),
            State = state switch { ConcernState.Closed => AssessmentState.Validated, ConcernState.ToValidate => AssessmentState.ToValidate, _ => AssessmentState.InProgress },
            Conclusion = done ? (AssessmentConclusion)(1 + random.Next(3)) : null,
            ConclusionArgument = done ? "Conclusion générée." : null,
            FinishedOn = done ? Min(DateOnly.FromDateTime(opened).AddDays(random.Next(20, 85)), batch.Today) : null,
            ValidatedByUserId = state == ConcernState.Closed ? d.Cadre.User.Id : null,
            ValidatedByName = state == ConcernState.Closed ? d.Cadre.User.DisplayName : null,
            ValidatedAt = state == ConcernState.Closed ? opened.AddDays(90) : null,
            CreatedAt = opened,
            UpdatedAt = opened,
        };
        assessment.Children.AddRange(children.Select(c => new AssessmentChild { Id = Guid.CreateVersion7(opened), AssessmentId = assessment.Id, ChildId = c.Id, NamedInConcern = true }));
        foreach (var user in new[] { followUp.Referent, d.CripAgent })
        {
            assessment.Evaluators.Add(new AssessmentEvaluator { Id = Guid.CreateVersion7(opened), AssessmentId = assessment.Id, UserId = user.User.Id, Name = user.User.DisplayName });
        }

        // The référent is named on the child already (ChildrenPart); the CRIP reaches it by its département.
        assessments.Add(assessment);
        if (withGrid)
        {
            foreach (var child in children)
            {
                foreach (var (domain, code) in criteria.Where(_ => done || random.Next(2) == 0))
                {
                    answers.Add(new AssessmentAnswer
                    {
                        Id = Guid.CreateVersion7(opened),
                        AssessmentId = assessment.Id,
                        ChildId = child.Id,
                        DomainCode = domain,
                        CriterionCode = code,
                        Answer = random.Next(4) == 0 ? CriterionAnswer.Concerning : CriterionAnswer.Satisfactory,
                    });
                }
            }
        }

        foreach (var child in children)
        {
            batch.Record(AuditEventType.AssessmentOpened, opened, d.CripAgent, child.Id).EntityId = assessment.Id;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
