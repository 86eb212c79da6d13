using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Journal;
using Ariane.Core.Reports;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// Opens a draft report for a child (docs/domain.md §2.6): the period runs from the end of the last validated report
/// (else a year back) to today unless given; the draft is pre-filled from the record at once (<see cref="ReportPrefiller"/>).
/// </summary>
public sealed class DraftReport(AppDbContext db, ChildAccess access, ReportPrefiller prefiller, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<ReportRow>> HandleAsync(Guid childId, DraftReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opening = await access.OpenAsync(childId, AccessOperation.Write, Section.Social, cancellationToken);
        if (!opening.Allowed || !ReportAccess.MayWrite(opening))
        {
            return opening.Permits(AccessOperation.Read, Section.Social) ? Result<ReportRow>.Forbidden() : Result<ReportRow>.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        Validation.Defined<ReportKind>(request.Kind, "kind", errors);
        var today = Format.Today(time);
        var lastEnd = await db.SituationReports.AsNoTracking().Where(r => r.ChildId == childId && r.State == ReportState.Validated && r.Kind == ReportKind.Situation)
            .OrderByDescending(r => r.PeriodTo).Select(r => (DateOnly?)r.PeriodTo).FirstOrDefaultAsync(cancellationToken);
        var to = request.PeriodTo ?? today;
        var from = request.PeriodFrom ?? (lastEnd?.AddDays(1) ?? to.AddYears(-1));
        if (!Journal.JournalInput.InRange(from))
        {
            Validation.Add(errors, "periodFrom", "Vérifiez la date de début : elle est hors de la période possible.");
        }

        if (to < from)
        {
            Validation.Add(errors, "periodTo", "La fin de la période doit suivre son début.");
        }

        if (to > today)
        {
            Validation.Add(errors, "periodTo", "La période d'un rapport s'arrête au plus tard aujourd'hui.");
        }

        if (request.Kind == ReportKind.EndOfMeasure && request.MeasureId is null)
        {
            Validation.Add(errors, "measureId", "Choisissez la mesure que ce rapport clôt.");
        }

        if (request.MeasureId is { } measureId && !await db.Measures.AnyAsync(m => m.Id == measureId && m.ChildId == childId, cancellationToken))
        {
            Validation.Add(errors, "measureId", "Choisissez une mesure de l'enfant.");
        }

        if (errors.Count > 0)
        {
            return Result<ReportRow>.Invalid(errors);
        }

        var prefill = await prefiller.BuildAsync(opening, from, to, [], cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var report = new SituationReport
        {
            ChildId = childId,
            Kind = request.Kind,
            PeriodFrom = from,
            PeriodTo = to,
            MeasureId = request.MeasureId,
            Prefill = prefill.Serialise(),
            HighlightIds = "[]",
            AuthorUserId = opening.Subject.UserId,
            AuthorName = await currentUser.DisplayNameAsync(cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SituationReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ReportRow>.Ok(new ReportRow(report.Id, report.Kind, ReportRules.Title(report.Kind), report.State, from, to, report.AuthorName, now, null));
    }
}

/// <summary>
/// A report with its pre-filled blocks, the author's text, the journal entries offered as faits marquants (while a
/// draft), its documents and transmissions; one « rapport consulté » audit row.
/// </summary>
public sealed class GetReport(AppDbContext db, ChildAccess access, ReportPrefiller prefiller)
{
    public async Task<Result<ReportView>> HandleAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.SituationReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return Result<ReportView>.NotFound();
        }

        var opening = await access.OpenAsync(report.ChildId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed || (opening.RecordedBefore is { } cutoff && report.CreatedAt >= cutoff))
        {
            return Result<ReportView>.NotFound();
        }

        var view = await BuildAsync(opening, report, cancellationToken);
        if (!Shared.IdentityRead.Names(db, opening))
        {
            // The pre-fill froze the child's identity as its author read it: a reader without identity read does not see it.
            view = view with { Prefill = view.Prefill with { ChildName = string.Empty, BirthDate = null } };
        }

        db.Audit.Record(AuditEventType.ReportViewed, report.ChildId, Section.Social, opening.Basis, entityType: nameof(SituationReport), entityId: reportId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ReportView>.Ok(view);
    }

    internal async Task<ReportView> BuildAsync(ChildOpening opening, SituationReport report, CancellationToken cancellationToken)
    {
        var draft = report.State == ReportState.Draft;
        var chosen = ChildReports.Ids(report.HighlightIds).ToHashSet();
        var choices = draft ? (await prefiller.ChoicesAsync(report.ChildId, report.PeriodFrom, report.PeriodTo, cancellationToken))
            .Select(c => new HighlightChoice(c.Id, c.OccurredAt, JournalRules.Label(c.Kind), c.Fact, c.AuthorName, chosen.Contains(c.Id))).ToList() : [];
        var documents = await db.GeneratedDocuments.AsNoTracking().Where(d => d.SourceId == report.Id && d.ChildId == report.ChildId)
            .OrderByDescending(d => d.GeneratedAt).Take(50).Select(d => new ReportDocumentRow(d.Id, d.FileName, d.Format, d.GeneratedAt, d.GeneratedByName)).ToListAsync(cancellationToken);
        var documentIds = documents.Select(d => d.Id).ToList();
        var transmissions = documentIds.Count == 0 ? [] : await db.DocumentTransmissions.AsNoTracking().Where(t => documentIds.Contains(t.DocumentId))
            .OrderByDescending(t => t.SentAt).ToListAsync(cancellationToken);
        var courts = draft ? [] : await Transmissions.CourtsAsync(db, cancellationToken);
        return new ReportView(report.Id, report.ChildId, report.Kind, ReportRules.Title(report.Kind), report.State, report.PeriodFrom, report.PeriodTo,
            ReportPrefill.Parse(report.Prefill), ReportPrefill.Sources, report.EvaluationDevelopment, report.EvaluationRelations, report.EvaluationSchooling,
            report.EvaluationAutonomy, report.PlanAssessment, [.. Enum.GetValues<ReportProposals>().Where(p => p != ReportProposals.None && report.Proposals.HasFlag(p))],
            report.ProposalsText, report.AuthorName, report.UpdatedAt, report.ValidatedByName, report.ValidatedAt, report.Version, choices, documents,
            [.. transmissions.Select(Transmissions.Row)], courts, draft && ReportAccess.MayWrite(opening), draft && ReportAccess.MayValidate(opening));
    }
}

/// <summary>
/// Saves the author's part of a draft (evaluation per domain and autonomy, assessment of the plan's actions, proposals,
/// the journal entries quoted), on the version read, and pre-fills it again from the record as it now stands.
/// </summary>
public sealed class UpdateReport(AppDbContext db, ChildAccess access, ReportPrefiller prefiller, GetReport get, TimeProvider time)
{
    public async Task<Result<ReportView>> HandleAsync(Guid reportId, ReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await db.SituationReports.AsNoTracking().Where(r => r.Id == reportId).Select(r => new { r.ChildId, r.State }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Result<ReportView>.NotFound();
        }

        var opening = await access.OpenAsync(found.ChildId, AccessOperation.Write, Section.Social, cancellationToken);
        if (!opening.Allowed || !ReportAccess.MayWrite(opening))
        {
            return opening.Permits(AccessOperation.Read, Section.Social) ? Result<ReportView>.Forbidden() : Result<ReportView>.NotFound();
        }

        var report = await db.SituationReports.SingleAsync(r => r.Id == reportId, cancellationToken);
        if (found.State != ReportState.Draft)
        {
            return Result<ReportView>.Invalid("state", "Ce rapport est validé : il ne change plus.");
        }

        var errors = Validation.Check(request);
        var proposals = request.Proposals ?? [];
        foreach (var p in proposals)
        {
            if (p == ReportProposals.None || !Enum.IsDefined(p))
            {
                Validation.Add(errors, "proposals", "Choisissez des propositions de la liste.");
            }
        }

        var ids = (request.HighlightIds ?? []).Distinct().ToList();
        if (ids.Count > ReportPrefiller.HighlightChoices)
        {
            Validation.Add(errors, "highlightIds", "Choisissez au plus 100 faits marquants.");
        }
        else if (ids.Count > 0)
        {
            var choices = (await prefiller.ChoicesAsync(report.ChildId, report.PeriodFrom, report.PeriodTo, cancellationToken)).Select(c => c.Id).ToHashSet();
            if (!ids.All(choices.Contains))
            {
                Validation.Add(errors, "highlightIds", "Les faits marquants sont des notes du journal de l'enfant sur la période, hors notes de santé.");
            }
        }

        if (errors.Count > 0)
        {
            return Result<ReportView>.Invalid(errors);
        }

        if (report.Version != request.Version)
        {
            return Result<ReportView>.Conflict(await get.BuildAsync(opening, report, cancellationToken));
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = request.Version;
        report.EvaluationDevelopment = ChildInput.Clean(request.EvaluationDevelopment);
        report.EvaluationRelations = ChildInput.Clean(request.EvaluationRelations);
        report.EvaluationSchooling = ChildInput.Clean(request.EvaluationSchooling);
        report.EvaluationAutonomy = ChildInput.Clean(request.EvaluationAutonomy);
        report.PlanAssessment = ChildInput.Clean(request.PlanAssessment);
        report.ProposalsText = ChildInput.Clean(request.ProposalsText);
        report.Proposals = proposals.Aggregate(ReportProposals.None, (all, p) => all | p);
        report.HighlightIds = JsonSerializer.Serialize(ids);
        report.Prefill = (await prefiller.BuildAsync(opening, report.PeriodFrom, report.PeriodTo, ids, cancellationToken)).Serialise();
        report.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.SituationReports.AsNoTracking().SingleAsync(r => r.Id == reportId, cancellationToken);
            return Result<ReportView>.Conflict(await get.BuildAsync(opening, current, cancellationToken));
        }

        return Result<ReportView>.Ok(await get.BuildAsync(opening, report, cancellationToken));
    }
}

/// <summary>A cadre of the département validates a draft: it is frozen (its pre-filled blocks as they stood) and may be produced and sent.</summary>
public sealed class ValidateReport(AppDbContext db, ChildAccess access, CurrentUser currentUser, GetReport get, TimeProvider time)
{
    public async Task<Result<ReportView>> HandleAsync(Guid reportId, int version, CancellationToken cancellationToken)
    {
        var found = await db.SituationReports.AsNoTracking().Where(r => r.Id == reportId).Select(r => new { r.ChildId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Result<ReportView>.NotFound();
        }

        var opening = await access.OpenAsync(found.ChildId, AccessOperation.Write, Section.Social, cancellationToken);
        if (!opening.Allowed || !ReportAccess.MayValidate(opening))
        {
            return opening.Permits(AccessOperation.Read, Section.Social) ? Result<ReportView>.Forbidden() : Result<ReportView>.NotFound();
        }

        var report = await db.SituationReports.SingleAsync(r => r.Id == reportId, cancellationToken);
        if (report.State != ReportState.Draft)
        {
            return Result<ReportView>.Invalid("state", "Ce rapport est déjà validé.");
        }

        if (report.EvaluationDevelopment is null && report.EvaluationRelations is null && report.EvaluationSchooling is null)
        {
            return Result<ReportView>.Invalid("evaluation", "Le rapport n'a encore aucune évaluation par domaine : l'auteur la complète avant la validation.");
        }

        if (report.Version != version)
        {
            return Result<ReportView>.Conflict(await get.BuildAsync(opening, report, cancellationToken));
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        report.State = ReportState.Validated;
        report.ValidatedByUserId = opening.Subject.UserId;
        report.ValidatedByName = await currentUser.DisplayNameAsync(cancellationToken);
        report.ValidatedAt = time.GetUtcNow().UtcDateTime;
        report.UpdatedAt = report.ValidatedAt.Value;
        db.Audit.Record(AuditEventType.ReportValidated, report.ChildId, Section.Social, opening.Basis, entityType: nameof(SituationReport), entityId: reportId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.SituationReports.AsNoTracking().SingleAsync(r => r.Id == reportId, cancellationToken);
            return Result<ReportView>.Conflict(await get.BuildAsync(opening, current, cancellationToken));
        }

        return Result<ReportView>.Ok(await get.BuildAsync(opening, report, cancellationToken));
    }
}
