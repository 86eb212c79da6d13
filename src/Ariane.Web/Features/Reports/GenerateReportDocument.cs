using Ariane.Core.Access;
using Ariane.Core.Documents;
using Ariane.Core.Measures;
using Ariane.Core.Reports;
using Ariane.Persistence;
using Ariane.Web.Features.Documents;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Reports;

/// <summary>
/// The document of a validated report (PDF or DOCX, through the document infrastructure): identity, measures and stays
/// over the period, the latest evaluation per domain, the plan's objectives and actions with their progress, the
/// faits marquants, the author's evaluation per life domain and autonomy, the assessment of the plan, the proposals.
/// Judicial when the child is placed by the judge (a judicial measure in the period), administrative otherwise.
/// </summary>
public sealed class GenerateReportDocument(AppDbContext db, ChildAccess access, DocumentTemplates templates, DocumentGeneration generation)
{
    public async Task<Result<GeneratedDocumentView>> HandleAsync(Guid reportId, string? format, CancellationToken cancellationToken)
    {
        var report = await db.SituationReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return Result<GeneratedDocumentView>.NotFound();
        }

        var opening = await access.OpenAsync(report.ChildId, AccessOperation.Write, Section.Social, cancellationToken);
        if (!opening.Allowed || !ReportAccess.MayWrite(opening))
        {
            return opening.Permits(AccessOperation.Read, Section.Social) ? Result<GeneratedDocumentView>.Forbidden() : Result<GeneratedDocumentView>.NotFound();
        }

        if (report.State != ReportState.Validated)
        {
            return Result<GeneratedDocumentView>.Invalid("state", "Le rapport doit être validé par un cadre avant d'être produit.");
        }

        if (DocumentFormats.Parse(format) is not { } documentFormat)
        {
            return Result<GeneratedDocumentView>.Invalid("format", DocumentFormats.FormatError);
        }

        var p = ReportPrefill.Parse(report.Prefill);
        var departement = opening.Facts!.ResponsibleDepartementCode;
        var kind = report.Kind == ReportKind.EndOfMeasure ? DocumentKind.EndOfMeasureReport : DocumentKind.SituationReport;
        var template = await templates.ForAsync(departement, kind, cancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["titre"] = ReportRules.Title(report.Kind),
            ["enfant"] = p.ChildName,
            ["debut"] = Format.Date(report.PeriodFrom),
            ["fin"] = Format.Date(report.PeriodTo),
            ["auteur"] = report.AuthorName,
            ["validation"] = report.ValidatedAt is { } at ? Format.Date(DateOnly.FromDateTime(Format.ToParis(at))) : string.Empty,
            ["valideur"] = report.ValidatedByName ?? string.Empty,
        };
        var blocks = new List<DocumentBlock>
        {
            new ParagraphBlock(p.ChildName, "Enfant"),
            new ParagraphBlock(p.DossierNumber, "Dossier n°"),
            new ParagraphBlock(p.BirthDate is { } birth ? Format.Date(birth) : "—", "Date de naissance"),
            new ParagraphBlock(p.Referent ?? "—", "Référent"),
            new ParagraphBlock(template.Say("intro", values)),
            new HeadingBlock("Mesures et lieux d'accueil sur la période"),
        };
        blocks.Add(p.Measures.Count == 0 ? new ParagraphBlock("Aucune mesure sur la période.")
            : new TableBlock(["Mesure", "Cadre", "Décidée le", "Période", "État"],
                [.. p.Measures.Select(m => (IReadOnlyList<string>)[m.Label, m.Framework, Format.Date(m.DecidedOn),
                    (m.StartsOn is { } s ? $"du {Format.Date(s)}" : "non commencée") + (m.EndsOn is { } e ? $" au {Format.Date(e)}" : string.Empty), m.State])]));
        if (p.Stays.Count > 0)
        {
            blocks.Add(new TableBlock(["Lieu d'accueil", "Type", "Du", "Au"], [.. p.Stays.Select(s => (IReadOnlyList<string>)[s.Place, s.Kind, Format.Date(s.StartsOn), Format.Date(s.EndsOn)])]));
        }

        blocks.Add(new HeadingBlock("Évaluation de la situation par domaine de vie"));
        if (p.Evaluation.Count > 0)
        {
            blocks.Add(new ParagraphBlock($"Dernière évaluation{(p.EvaluatedOn is { } on ? $" du {Format.Date(on)}" : string.Empty)} : nombre de critères par domaine."));
            blocks.Add(new TableBlock(["Domaine", "Préoccupant(s)", "Satisfaisant(s)", "Sans réponse"],
                [.. p.Evaluation.Select(d => (IReadOnlyList<string>)[d.Domain, $"{d.Concerning}", $"{d.Satisfactory}", $"{d.NoAnswer}"])]));
        }

        blocks.Add(new ParagraphBlock(report.EvaluationDevelopment ?? "—", "Développement, santé physique et psychique"));
        blocks.Add(new ParagraphBlock(report.EvaluationRelations ?? "—", "Relations avec la famille et les tiers"));
        blocks.Add(new ParagraphBlock(report.EvaluationSchooling ?? "—", "Scolarité et vie sociale"));
        blocks.Add(new ParagraphBlock(report.EvaluationAutonomy ?? "—", "Autonomie"));
        blocks.Add(new HeadingBlock("Mise en œuvre du projet pour l'enfant"));
        if (p.Goals.Count > 0)
        {
            blocks.Add(new TableBlock(["Objectif", "Domaine", "Défini par", "Progression", "Statut"],
                [.. p.Goals.Select(g => (IReadOnlyList<string>)[g.Title, g.Domain, g.Owner, $"{g.Progress} %", g.Status])]));
        }

        if (p.Actions.Count > 0)
        {
            blocks.Add(new TableBlock(["Action", "Objectif poursuivi", "Service", "Progression", "Statut"],
                [.. p.Actions.Select(a => (IReadOnlyList<string>)[a.Title, a.Goal, a.Owner, $"{a.Progress} %", a.Status])]));
        }

        blocks.Add(new ParagraphBlock(report.PlanAssessment ?? "—", "Appréciation de la mise en œuvre des actions"));
        if (p.Highlights.Count > 0)
        {
            blocks.Add(new HeadingBlock("Faits marquants de la période"));
            blocks.Add(new TableBlock(["Date", "Type", "Fait", "Auteur"],
                [.. p.Highlights.Select(h => (IReadOnlyList<string>)[Format.DateTime(h.OccurredAt), h.Kind, h.Fact, h.Author])]));
        }

        blocks.Add(new HeadingBlock("Propositions"));
        var proposals = ReportRules.ProposalLabels.Where(l => report.Proposals.HasFlag(l.Proposal)).Select(l => l.Label).ToList();
        blocks.Add(new ParagraphBlock(proposals.Count == 0 ? "Aucune proposition cochée." : string.Join(" ; ", proposals), "Proposé"));
        if (report.ProposalsText is { } text)
        {
            blocks.Add(new ParagraphBlock(text, "Motivation"));
        }

        blocks.Add(new ParagraphBlock(template.Say("closing", values)));
        var judicial = p.Measures.Any(m => m.Framework == Placements.ChildJourney.FrameworkLabel(MeasureFramework.Judicial));
        var content = new DocumentContent(template.Header, template.Footer, template.Logo, template.Say("title", values), blocks);
        var stem = (report.Kind == ReportKind.EndOfMeasure ? "rapport-fin-de-mesure-" : "rapport-de-situation-") + p.DossierNumber;
        return await generation.StoreAsync(new DocumentGeneration.Request(kind, judicial ? LegalNature.Judicial : LegalNature.Administrative, documentFormat,
            DocumentSourceKind.SituationReport, reportId, departement, stem, content, [report.ChildId], new HashSet<Guid>()), cancellationToken);
    }
}
