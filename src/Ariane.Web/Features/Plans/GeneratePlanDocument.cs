using Ariane.Core.Documents;
using Ariane.Core.Plans;
using Ariane.Persistence;
using Ariane.Web.Features.Documents;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// The documents of a validated version of the PPE, through the document infrastructure (docs/decisions/0010):
/// « complet » for the professionals and the signatories; « enfant », the plan told to the child in words of their
/// age (under 12: short sentences, what each objective means for them, who helps; from 12: with the dates); « parents »,
/// what is proposed to them and to their child, who does what, and their rights. All three from the same frozen
/// snapshot, so that they say the same plan. The plan holds no health content (the check-up is a date).
/// </summary>
public sealed class GeneratePlanDocument(AppDbContext db, PlanGate gate, DocumentTemplates templates, DocumentGeneration generation, TimeProvider time)
{
    public const string Full = "complet";
    public const string ForChild = "enfant";
    public const string ForParents = "parents";

    /// <summary>Below this age the child's version speaks in the simplest words.</summary>
    public const int YoungChildAge = 12;

    public async Task<Result<GeneratedDocumentView>> HandleAsync(Guid versionId, string? edition, string? format, CancellationToken cancellationToken)
    {
        var version = await db.ChildPlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        var plan = version is null ? null : await gate.OpenAsync(version.ChildId, cancellationToken);
        if (plan is null)
        {
            return Result<GeneratedDocumentView>.NotFound();
        }

        if (!plan.Who.MayValidate)
        {
            return await gate.RefuseAsync<GeneratedDocumentView>(version!.ChildId, cancellationToken);
        }

        var kind = edition switch
        {
            Full => DocumentKind.ChildPlan,
            ForChild => DocumentKind.ChildPlanForChild,
            ForParents => DocumentKind.ChildPlanForParents,
            _ => (DocumentKind?)null,
        };
        if (kind is null)
        {
            return Result<GeneratedDocumentView>.Invalid("edition", "Choisissez le document : « complet », « enfant » ou « parents ».");
        }

        if (DocumentFormats.Parse(format) is not { } documentFormat)
        {
            return Result<GeneratedDocumentView>.Invalid("format", DocumentFormats.FormatError);
        }

        var child = await db.Children.AsNoTracking().Where(c => c.Id == version!.ChildId)
            .Select(c => new { c.ResponsibleDepartementCode, c.BirthDate, c.FirstNames }).SingleAsync(cancellationToken);
        var snapshot = PlanSnapshot.Parse(version!.Snapshot);
        var signatures = await db.PlanSignatures.AsNoTracking().Where(s => s.VersionId == versionId).OrderBy(s => s.SignedOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var template = await templates.ForAsync(child.ResponsibleDepartementCode, kind.Value, cancellationToken);
        var today = Format.Today(time);
        var age = child.BirthDate.Year is { } year ? today.Year - year : (int?)null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["numero"] = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["validation"] = Format.Date(DateOnly.FromDateTime(Format.ToParis(version.ValidatedAt))),
            ["valideur"] = version.ValidatedByName,
            ["referent"] = snapshot.Referent ?? "ton référent",
            ["prenom"] = child.FirstNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty,
        };
        if (kind == DocumentKind.ChildPlanForParents)
        {
            values["referent"] = snapshot.Referent ?? "indiqué par le service";
        }

        var blocks = kind switch
        {
            DocumentKind.ChildPlan => FullBlocks(snapshot, version, signatures, template, values),
            DocumentKind.ChildPlanForChild => ChildBlocks(snapshot, age, template, values),
            _ => ParentsBlocks(snapshot, signatures, template, values),
        };
        var title = template.Say("title", values);
        var content = new DocumentContent(template.Header, template.Footer, template.Logo, title, blocks);
        var stem = kind switch
        {
            DocumentKind.ChildPlan => $"ppe-{snapshot.DossierNumber}-version{version.Number}",
            DocumentKind.ChildPlanForChild => $"ppe-enfant-{snapshot.DossierNumber}-version{version.Number}",
            _ => $"ppe-parents-{snapshot.DossierNumber}-version{version.Number}",
        };
        return await generation.StoreAsync(new DocumentGeneration.Request(
            kind.Value, LegalNature.Administrative, documentFormat, DocumentSourceKind.ChildPlanVersion, versionId,
            child.ResponsibleDepartementCode, stem, content, [version.ChildId], new HashSet<Guid>()), cancellationToken);
    }

    private static List<DocumentBlock> FullBlocks(PlanSnapshot p, ChildPlanVersion version, List<PlanSignature> signatures, ResolvedTemplate template, Dictionary<string, string> values)
    {
        var blocks = new List<DocumentBlock>
        {
            new ParagraphBlock(p.ChildName, "Enfant"),
            new ParagraphBlock(p.DossierNumber, "Dossier n°"),
            new ParagraphBlock(template.Say("intro", values)),
            new HeadingBlock("L'enfant et son entourage"),
            new ParagraphBlock(p.Referent ?? "Non désigné", "Référent"),
            new ParagraphBlock(p.TrustedPerson ?? "Aucune personne désignée", "Personne de confiance"),
            new ParagraphBlock(p.HealthCheckOn is { } check ? $"réalisé le {Format.Date(check)}" : "à réaliser", "Bilan de santé et de prévention initial"),
            new ParagraphBlock(p.Siblings ?? "—", "Fratrie"),
        };
        if (p.AutonomyProject is { } autonomy)
        {
            blocks.Add(new ParagraphBlock(autonomy, "Projet d'accès à l'autonomie"));
        }

        blocks.Add(new HeadingBlock("Ce qu'en disent les personnes concernées"));
        blocks.Add(new ParagraphBlock(p.ChildView ?? "—", "L'enfant", new RedactionTag(RedactionCategory.ThirdParty, "plan.childView", "Parole de l'enfant")));
        blocks.Add(new ParagraphBlock(p.ParentsView ?? "—", "Les parents", new RedactionTag(RedactionCategory.ThirdParty, "plan.parentsView", "Parole des parents")));
        blocks.Add(new ParagraphBlock(p.ThirdPartiesView ?? "—", "Les tiers", new RedactionTag(RedactionCategory.ThirdParty, "plan.thirdPartiesView", "Parole des tiers")));
        blocks.Add(new HeadingBlock("Objectifs"));
        foreach (var domain in PlanDomains.All.Where(d => p.Goals.Any(g => g.DomainCode == d.Code)))
        {
            blocks.Add(new HeadingBlock(domain.Label));
            blocks.Add(new TableBlock(["Objectif", "Pour", "Période", "Défini par", "Avancée"],
                [.. p.Goals.Where(g => g.DomainCode == domain.Code).Select(g => (IReadOnlyList<string>)[g.Title, PlanLabels.For(g.For),
                    $"du {Format.Date(g.StartsOn)}" + (g.DueOn is { } due ? $" au {Format.Date(due)}" : string.Empty), $"{g.OwnerServiceName} ({g.CreatedByName})",
                    $"{g.Progress} %, {PlanLabels.Status(g.Status)}"])]));
        }

        if (p.Actions.Count > 0)
        {
            var titles = p.Goals.ToDictionary(g => g.Id, g => g.Title);
            blocks.Add(new HeadingBlock("Actions"));
            blocks.Add(new TableBlock(["Action", "Objectif poursuivi", "Service et responsable", "Depuis le, durée", "Avancée"],
                [.. p.Actions.Select(a => (IReadOnlyList<string>)[a.Title, titles.GetValueOrDefault(a.GoalId, "—"),
                    a.PersonInCharge is { } who ? $"{a.OwnerServiceName} — {who}" : a.OwnerServiceName,
                    $"{Format.Date(a.StartsOn)} ; {PlanRules.Duration(a.StartsOn, a.EndsOn)}", $"{a.Progress} %, {PlanLabels.Status(a.Status)}"])]));
        }

        blocks.Add(new HeadingBlock("Signatures"));
        blocks.Add(new TableBlock(["Qualité", "Nom", "Date"],
            signatures.Count == 0
                ? [["Pour le département", string.Empty, string.Empty], ["Titulaire(s) de l'autorité parentale", string.Empty, string.Empty]]
                : [.. signatures.Select(s => (IReadOnlyList<string>)[PlanLabels.Signatory(s.Kind), s.Name, Format.Date(s.SignedOn)])]));
        blocks.Add(new ParagraphBlock(template.Say("closing", values)));
        blocks.Add(new ParagraphBlock($"Version {version.Number}, validée le {Format.DateAtTime(version.ValidatedAt)}.", "Version"));
        return blocks;
    }

    /// <summary>The child's version: the objectives for them by domain in the domain's easy words, who helps, where it stands.</summary>
    private static List<DocumentBlock> ChildBlocks(PlanSnapshot p, int? age, ResolvedTemplate template, Dictionary<string, string> values)
    {
        var young = age is < YoungChildAge;
        var blocks = new List<DocumentBlock> { new ParagraphBlock(template.Say("intro", values)) };
        if (p.ChildView is { } said)
        {
            blocks.Add(new ParagraphBlock(said, "Ce que tu as dit"));
        }

        var helpers = p.Actions.Select(a => a.OwnerServiceName).Distinct(StringComparer.Ordinal).ToList();
        foreach (var domain in PlanDomains.All.Where(d => p.Goals.Any(g => g.DomainCode == d.Code && g.Status != GoalStatus.Abandoned)))
        {
            blocks.Add(new HeadingBlock(domain.EasyLabel));
            foreach (var g in p.Goals.Where(g => g.DomainCode == domain.Code && g.Status != GoalStatus.Abandoned))
            {
                var who = g.For switch
                {
                    GoalFor.Parents => young ? "Pour tes parents : " : "Ce que l'on propose à tes parents : ",
                    GoalFor.Environment => young ? "Autour de toi : " : "Autour de toi (école, soins, loisirs) : ",
                    _ => young ? "Pour toi : " : "Ton objectif : ",
                };
                var text = who + g.Title + " — " + EasyProgress(g.Progress, g.Status);
                if (!young && g.DueOn is { } due)
                {
                    text += $" (à faire d'ici le {Format.Date(due)})";
                }

                blocks.Add(new ParagraphBlock(text));
                foreach (var a in p.Actions.Where(a => a.GoalId == g.Id && a.Status != ActionStatus.Cancelled))
                {
                    blocks.Add(new ParagraphBlock(young ? $"Qui t'aide : {a.OwnerServiceName}. Ce qu'on fait : {a.Title}." : $"{a.Title} — avec {a.OwnerServiceName}{(a.EndsOn is { } end ? $", jusqu'au {Format.Date(end)}" : string.Empty)}."));
                }
            }
        }

        if (helpers.Count > 0)
        {
            blocks.Add(new ParagraphBlock(string.Join(", ", helpers), young ? "Les personnes qui t'aident viennent de" : "Les services qui t'accompagnent"));
        }

        if (p.AutonomyProject is { } autonomy && !young)
        {
            blocks.Add(new HeadingBlock("Pour tes 18 ans"));
            blocks.Add(new ParagraphBlock(autonomy));
        }

        blocks.Add(new ParagraphBlock(template.Say("closing", values)));
        return blocks;
    }

    /// <summary>The parents' version: what is proposed to them first, then to their child and around them; who does what; their rights.</summary>
    private static List<DocumentBlock> ParentsBlocks(PlanSnapshot p, List<PlanSignature> signatures, ResolvedTemplate template, Dictionary<string, string> values)
    {
        var blocks = new List<DocumentBlock>
        {
            new ParagraphBlock(p.ChildName, "Votre enfant"),
            new ParagraphBlock(template.Say("intro", values)),
        };
        if (p.ParentsView is { } said)
        {
            blocks.Add(new ParagraphBlock(said, "Ce que vous avez exprimé"));
        }

        var titles = p.Goals.ToDictionary(g => g.Id, g => g.Title);
        foreach (var (target, heading) in new[] { (GoalFor.Parents, "Ce qui vous est proposé"), (GoalFor.Child, "Ce qui est prévu pour votre enfant"), (GoalFor.Environment, "Autour de votre enfant") })
        {
            var goals = p.Goals.Where(g => g.For == target && g.Status != GoalStatus.Abandoned).ToList();
            if (goals.Count == 0)
            {
                continue;
            }

            blocks.Add(new HeadingBlock(heading));
            blocks.Add(new TableBlock(["Objectif", "Domaine", "D'ici le", "Où en est-on"],
                [.. goals.Select(g => (IReadOnlyList<string>)[g.Title, PlanDomains.Label(g.DomainCode), g.DueOn is { } due ? Format.Date(due) : "—", $"{g.Progress} % ({PlanLabels.Status(g.Status)})"])]));
        }

        var actions = p.Actions.Where(a => a.Status != ActionStatus.Cancelled).ToList();
        if (actions.Count > 0)
        {
            blocks.Add(new HeadingBlock("Qui fait quoi"));
            blocks.Add(new TableBlock(["Action", "Pour l'objectif", "Qui", "Quand"],
                [.. actions.Select(a => (IReadOnlyList<string>)[a.Title, titles.GetValueOrDefault(a.GoalId, "—"),
                    a.PersonInCharge is { } who ? $"{a.OwnerServiceName} ({who})" : a.OwnerServiceName,
                    a.EndsOn is { } end ? $"du {Format.Date(a.StartsOn)} au {Format.Date(end)}" : $"à partir du {Format.Date(a.StartsOn)}"])]));
        }

        if (signatures.Count > 0)
        {
            blocks.Add(new HeadingBlock("Signatures"));
            blocks.Add(new TableBlock(["Qualité", "Nom", "Date"], [.. signatures.Select(s => (IReadOnlyList<string>)[PlanLabels.Signatory(s.Kind), s.Name, Format.Date(s.SignedOn)])]));
        }

        blocks.Add(new HeadingBlock("Vos droits"));
        blocks.Add(new ParagraphBlock(template.Say("closing", values)));
        return blocks;
    }

    private static string EasyProgress(int progress, GoalStatus status) => status == GoalStatus.Achieved || progress >= 100
        ? "c'est réussi"
        : progress switch
        {
            0 => "ça commence",
            < 40 => "c'est commencé",
            < 70 => "on est à la moitié du chemin",
            _ => "c'est presque fait",
        };
}
