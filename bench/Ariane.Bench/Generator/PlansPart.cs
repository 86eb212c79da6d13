using Ariane.Core.Documents;
using Ariane.Core.Plans;
using Ariane.Core.Reports;

namespace Ariane.Bench.Generator;

/// <summary>
/// Plans and reports (docs/domain.md §2.5, §2.6): every child followed today has a PPE with three objectives of its
/// ASE territory and two or three actions (the MECS's educators for a child placed there), half of the plans a
/// validated version signed by the département and a parent; a child followed for over a year has last year's validated
/// rapport de situation, its PDF transmitted to the département's juvenile court in Ariane (two in three opened, half
/// acknowledged). The audit rows of these writes are not generated (as for the journal).
/// </summary>
internal sealed class PlansPart : IDatasetPart
{
    public string Name => "plans and reports";

    public async Task WriteAsync(DepartementBatch batch, BulkLoader loader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(loader);
        var random = batch.Random;
        var now = batch.Today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var plans = new List<ChildPlan>();
        var goals = new List<PlanGoal>();
        var actions = new List<PlanAction>();
        var versions = new List<ChildPlanVersion>();
        var reports = new List<SituationReport>();
        var signatures = new List<PlanSignature>();
        var documents = new List<GeneratedDocument>();
        var transmissions = new List<DocumentTransmission>();
        var court = batch.Departement.Court;
        foreach (var f in batch.FollowUps.Where(f => f.End is null))
        {
            var start = DateOnly.FromDateTime(f.Start).AddDays(30);
            var referent = f.Referent.User;
            var plan = new ChildPlan { ChildId = f.Child.Id, CreatedAt = now, UpdatedAt = now, UpdatedByName = referent.DisplayName };
            plans.Add(plan);
            var own = new[] { ("sco", "Maintenir une scolarité régulière"), ("rel", "Reprendre des visites régulières avec les parents"), ("dev", "Mettre en place un suivi de santé") }
                .Select(g => new PlanGoal
                {
                    ChildId = f.Child.Id,
                    PlanId = plan.Id,
                    DomainCode = g.Item1,
                    For = GoalFor.Child,
                    Title = g.Item2,
                    StartsOn = start,
                    DueOn = start.AddMonths(6),
                    Progress = random.Next(0, 11) * 10,
                    OwnerServiceId = f.Territory.Service.Id,
                    OwnerServiceName = f.Territory.Service.Name,
                    CreatedByUserId = referent.Id,
                    CreatedByName = referent.DisplayName,
                    CreatedAt = now,
                    UpdatedAt = now,
                }).ToList();
            goals.AddRange(own);
            var (actor, service) = f.Mecs is { Educators.Count: > 0 } mecs ? (mecs.Educators[0].User, mecs.Service) : (referent, f.Territory.Service);
            for (var i = 0; i < 2 + random.Next(2); i++)
            {
                actions.Add(new PlanAction
                {
                    ChildId = f.Child.Id,
                    PlanId = plan.Id,
                    GoalId = own[i % own.Count].Id,
                    Title = "Accompagnement éducatif",
                    StartsOn = start.AddDays(7),
                    Progress = random.Next(0, 11) * 10,
                    Status = ActionStatus.InProgress,
                    OwnerServiceId = service.Id,
                    OwnerServiceName = service.Name,
                    CreatedByUserId = actor.Id,
                    CreatedByName = actor.DisplayName,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            if (random.Next(2) == 0)
            {
                plan.ValidatedNumber = 1;
                var validatedAt = now.AddDays(-random.Next(1, 200));
                var version = new ChildPlanVersion
                {
                    ChildId = f.Child.Id,
                    PlanId = plan.Id,
                    Number = 1,
                    ValidatedByUserId = referent.Id,
                    ValidatedByName = referent.DisplayName,
                    ValidatedAt = validatedAt,
                    Snapshot = new PlanSnapshot(string.Empty, f.Child.DossierNumber, null, referent.DisplayName, null, null, null, null, null, null, null,
                        [.. own.Select(g => new GoalSnapshot(g.Id, g.DomainCode, g.For, g.Title, null, g.StartsOn, g.DueOn, g.Progress, g.Status, g.OwnerServiceName, g.CreatedByName))], []).Serialise(),
                };
                versions.Add(version);
                foreach (var (kind, name) in new[] { (SignatoryKind.Departement, batch.Departement.Cadre.User.DisplayName), (SignatoryKind.ParentalAuthorityHolder, "Parent") })
                {
                    signatures.Add(new PlanSignature
                    {
                        ChildId = f.Child.Id,
                        VersionId = version.Id,
                        Kind = kind,
                        Name = name,
                        SignedOn = DateOnly.FromDateTime(validatedAt).AddDays(random.Next(0, 15)),
                        RecordedByName = referent.DisplayName,
                        RecordedAt = validatedAt,
                    });
                }
            }

            if (f.Start < now.AddYears(-1))
            {
                var to = batch.Today.AddDays(-random.Next(10, 200));
                var report = new SituationReport
                {
                    ChildId = f.Child.Id,
                    Kind = ReportKind.Situation,
                    State = ReportState.Validated,
                    PeriodFrom = to.AddYears(-1).AddDays(1),
                    PeriodTo = to,
                    Prefill = new ReportPrefill(string.Empty, f.Child.DossierNumber, null, referent.DisplayName, [], [], [], [], null, [], []).Serialise(),
                    HighlightIds = "[]",
                    EvaluationSchooling = "Scolarité suivie.",
                    Proposals = ReportProposals.RenewMeasure,
                    AuthorUserId = referent.Id,
                    AuthorName = referent.DisplayName,
                    CreatedAt = now,
                    UpdatedAt = now,
                    ValidatedByName = referent.DisplayName,
                    ValidatedAt = now,
                };
                reports.Add(report);
                if (court is not null)
                {
                    Transmit(report, f, referent, court, now, random, documents, transmissions, batch.Departement.Code);
                }
            }
        }

        await loader.CopyAsync(plans, cancellationToken);
        await loader.CopyAsync(goals, cancellationToken);
        await loader.CopyAsync(actions, cancellationToken);
        await loader.CopyAsync(versions, cancellationToken);
        await loader.CopyAsync(reports, cancellationToken);
        await loader.CopyAsync(signatures, cancellationToken);
        await loader.CopyAsync(documents, cancellationToken);
        await loader.CopyAsync(transmissions, cancellationToken);
    }

    /// <summary>The report's PDF (no file stored: the bench reads lists, not files) sent to the court's inbox.</summary>
    private static void Transmit(SituationReport report, FollowUp f, Persistence.Identity.AppUser referent, Core.Organisations.Service court, DateTime now, Random random,
        List<GeneratedDocument> documents, List<DocumentTransmission> transmissions, string code)
    {
        var sentAt = now.AddDays(-random.Next(1, 60));
        var document = new GeneratedDocument
        {
            ChildId = f.Child.Id,
            GenerationId = Guid.CreateVersion7(),
            Kind = DocumentKind.SituationReport,
            LegalNature = LegalNature.Judicial,
            Format = DocumentFileFormat.Pdf,
            Number = 1,
            SourceKind = DocumentSourceKind.SituationReport,
            SourceId = report.Id,
            DepartementCode = code,
            FileName = $"rapport-de-situation-{f.Child.DossierNumber}-v1.pdf",
            ContentType = "application/pdf",
            Size = 40_000,
            FileKey = "bench-absent",
            Sha256 = new string('0', 64),
            RedactionTags = "[]",
            GeneratedByUserId = referent.Id,
            GeneratedByName = referent.DisplayName,
            GeneratedAt = sentAt,
        };
        documents.Add(document);
        var opened = random.Next(3) > 0;
        var acknowledged = opened && random.Next(2) == 0;
        transmissions.Add(new DocumentTransmission
        {
            ChildId = f.Child.Id,
            DocumentId = document.Id,
            DocumentName = document.FileName,
            Channel = TransmissionChannel.Ariane,
            RecipientServiceId = court.Id,
            RecipientName = court.Name,
            SentByUserId = referent.Id,
            SentByName = referent.DisplayName,
            SentAt = sentAt,
            OpenedAt = opened ? sentAt.AddDays(1) : null,
            OpenedByName = opened ? "Greffe" : null,
            AcknowledgedAt = acknowledged ? sentAt.AddDays(2) : null,
            AcknowledgedByName = acknowledged ? "Greffe" : null,
        });
    }
}
