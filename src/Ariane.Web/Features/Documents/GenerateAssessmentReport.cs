using Ariane.Core.Access;
using Ariane.Core.Assessments;
using Ariane.Core.Audit;
using Ariane.Core.Documents;
using Ariane.Persistence;
using Ariane.Web.Features.Assessments;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Documents;

/// <summary>
/// The evaluation report, built from <see cref="GetAssessment"/>'s view so that the sections are already
/// applied: the health observations' content only when the generating user may read the child's health
/// section, the practical summary otherwise. The team (its health professional too), the CRIP or the cadre of the département generate it.
/// Judicial when the conclusion is a referral to the judicial authority, administrative otherwise.
/// </summary>
public sealed class GenerateAssessmentReport(AppDbContext db, AssessmentAccess access, GetAssessment getAssessment, DocumentTemplates templates, DocumentGeneration generation, TimeProvider time)
{
    public async Task<Result<GeneratedDocumentView>> HandleAsync(Guid assessmentId, string? format, CancellationToken cancellationToken)
    {
        // Read, not write: the report is made from what the generating user may read, and a health professional
        // of the team (who reads the social section, writes only health) prints it too. Only the team, the CRIP
        // and the cadres of the département do.
        var opening = await access.OpenAsync(assessmentId, AccessOperation.Read, Section.Social, tracked: false, cancellationToken);
        if (opening is null)
        {
            return Result<GeneratedDocumentView>.NotFound();
        }

        if (!(opening.IsTeamMember || opening.Steers || opening.MayValidate))
        {
            return Result<GeneratedDocumentView>.Forbidden();
        }

        if (DocumentFormats.Parse(format) is not { } documentFormat)
        {
            return Result<GeneratedDocumentView>.Invalid("format", DocumentFormats.FormatError);
        }

        var view = await getAssessment.LoadAsync(opening, cancellationToken);
        var template = await templates.ForAsync(opening.Assessment.DepartementCode, DocumentKind.AssessmentReport, cancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["numero"] = view.ConcernNumber,
            ["debut"] = Format.Date(view.StartedOn),
            ["date"] = Format.Date(Format.Today(time)),
        };
        var blocks = new List<DocumentBlock>
        {
            new ParagraphBlock(view.ConcernNumber, "Numéro de l'information préoccupante"),
            new ParagraphBlock(template.Say("intro", values)),
            new ParagraphBlock(string.Join(", ", view.Evaluators), "Équipe d'évaluation"),
            new ParagraphBlock($"{view.FrameworkTitle} (version {view.FrameworkVersion})", "Référentiel"),
        };
        if (!string.IsNullOrWhiteSpace(view.HomeVisits))
        {
            blocks.Add(new ParagraphBlock(view.HomeVisits, "Visites à domicile"));
        }

        blocks.Add(new ParagraphBlock(view.ParentsInformedOn is { } informed ? $"le {Format.Date(informed)}"
            : view.ParentsNotInformedReason ?? "non renseigné", "Information des parents"));
        blocks.Add(new HeadingBlock("Enfants concernés"));
        var withHealth = new HashSet<Guid>();
        foreach (var child in view.Children)
        {
            blocks.Add(new HeadingBlock($"{child.Name}, né(e) le {child.BirthDate}"));
            blocks.Add(new TableBlock(
                ["Domaine", "Préoccupant", "Satisfaisant", "Sans réponse"],
                [.. child.Summary.Select(s => (IReadOnlyList<string>)[s.DomainLabel, Count(s.Concerning), Count(s.Satisfactory), Count(s.NoAnswer)])]));
            foreach (var health in child.HealthObservations)
            {
                var heading = $"Observation de santé ({health.AuthorName}, {Format.DateTime(health.CreatedAt)})";
                if (health.Content is { } observed)
                {
                    withHealth.Add(child.ChildId);
                    blocks.Add(new ParagraphBlock(observed, heading, new RedactionTag(RedactionCategory.Health, $"health.{health.Id}", heading)));
                    blocks.Add(new ParagraphBlock(health.PracticalSummary, "Résumé pratique"));
                }
                else
                {
                    blocks.Add(new ParagraphBlock(health.PracticalSummary, heading + " — résumé pratique"));
                }
            }
        }

        blocks.Add(new HeadingBlock("Perceptions"));
        Perception(blocks, view.ChildView, "Ce qu'en disent les enfants", null);
        Perception(blocks, view.ParentsView, "Ce qu'en disent les parents", "perception.parents");
        Perception(blocks, view.ProfessionalsView, "Ce qu'en disent les professionnels", "perception.professionals");
        blocks.Add(new HeadingBlock("Conclusion"));
        blocks.Add(new ParagraphBlock(ConclusionLabel(view.Conclusion), "Conclusion"));
        if (!string.IsNullOrWhiteSpace(view.ConclusionArgument))
        {
            blocks.Add(new ParagraphBlock(view.ConclusionArgument, "Argumentation"));
        }

        blocks.Add(new ParagraphBlock(view.FinishedOn is { } finished ? Format.Date(finished) : "non renseignée", "Fin de l'évaluation (FINEVAL)"));
        blocks.Add(new ParagraphBlock(view.ParentsNotifiedOn is { } notified ? Format.Date(notified) : "non renseignée", "Notification aux parents (NOTIFEVAL)"));
        if (view.ConcludedByName is { } concludedBy)
        {
            blocks.Add(new ParagraphBlock(concludedBy, "Conclue par"));
        }

        if (view.ValidatedByName is { } validatedBy)
        {
            blocks.Add(new ParagraphBlock($"{validatedBy}, le {Format.DateTime(view.ValidatedAt)}", "Validée par"));
        }

        blocks.Add(new ParagraphBlock(template.Say("closing", values)));
        var content = new DocumentContent(template.Header, template.Footer, template.Logo, template.Say("title", values), blocks);
        // Health content put in the document is recorded in its section, child by child.
        foreach (var childId in withHealth)
        {
            db.Audit.Record(AuditEventType.DocumentGenerated, childId, Section.Health, opening.Child(childId)!.Basis, entityId: assessmentId);
        }

        return await generation.StoreAsync(new DocumentGeneration.Request(
            DocumentKind.AssessmentReport,
            view.Conclusion == AssessmentConclusion.JudicialReferral ? LegalNature.Judicial : LegalNature.Administrative,
            documentFormat, DocumentSourceKind.Assessment, assessmentId, opening.Assessment.DepartementCode,
            $"rapport-evaluation-{view.ConcernNumber}", content, [.. view.Children.Select(c => c.ChildId)], withHealth), cancellationToken);
    }

    public static string ConclusionLabel(AssessmentConclusion? conclusion) => conclusion switch
    {
        AssessmentConclusion.NoFurtherAction => "Classement sans suite",
        AssessmentConclusion.AdministrativeSupport => "Proposition d'une prestation administrative",
        AssessmentConclusion.JudicialReferral => "Saisine de l'autorité judiciaire",
        _ => "Pas encore conclue",
    };

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Perception(List<DocumentBlock> blocks, string? text, string label, string? thirdParty)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        blocks.Add(new ParagraphBlock(text, label, thirdParty is null ? null : new RedactionTag(RedactionCategory.ThirdParty, thirdParty, label)));
    }
}
