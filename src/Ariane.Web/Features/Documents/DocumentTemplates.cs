using System.Text.Json;
using Ariane.Core.Documents;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Documents;

/// <summary>A template as it applies: the département's row over the shipped default, placeholders not yet filled.</summary>
public sealed record ResolvedTemplate(string Header, string Footer, byte[]? Logo, IReadOnlyDictionary<string, string> Wording)
{
    /// <summary>The paragraph <paramref name="key"/> with its placeholders (« {numero} ») replaced.</summary>
    public string Say(string key, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = Wording.TryGetValue(key, out var wording) ? wording : string.Empty;
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>
/// The wording of the documents: a <see cref="DocumentTemplate"/> row per département and kind when the
/// département adapted it, else the shipped default below. Header and footer take « {departement} ».
/// </summary>
public sealed class DocumentTemplates(AppDbContext db, IFileStore files)
{
    public const string DefaultHeader = "{departement}\nCellule de recueil des informations préoccupantes (CRIP)";
    public const string DefaultFooter = "Document confidentiel — secret professionnel (articles L. 226-2-2 du CASF et 226-13 du code pénal)";

    /// <summary>The CRIP signs what concerns an IP; the ASE signs the child's plan and reports.</summary>
    public static string DefaultHeaderFor(DocumentKind kind) => kind is DocumentKind.IpAcknowledgement or DocumentKind.AssessmentReport
        ? DefaultHeader
        : "{departement}\nAide sociale à l'enfance";

    public static IReadOnlyDictionary<string, string> DefaultWording(DocumentKind kind) => kind switch
    {
        DocumentKind.IpAcknowledgement => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "Accusé de réception d'une information préoccupante",
            ["intro"] = "La cellule de recueil des informations préoccupantes accuse réception de l'information que vous lui avez transmise. "
                + "Elle est enregistrée sous le numéro {numero}, reçue le {reception}.",
            ["children"] = "Mineur(s) concerné(s) :",
            ["closing"] = "Conformément à l'article L. 226-5 du code de l'action sociale et des familles, vous serez informé(e) des suites données. "
                + "Merci de rappeler ce numéro dans tout échange.",
        },
        DocumentKind.AssessmentReport => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "Rapport d'évaluation de l'information préoccupante {numero}",
            ["intro"] = "Évaluation de la situation du ou des mineurs concernés par l'information préoccupante {numero}, commencée le {debut}.",
            ["closing"] = "Rapport établi par l'équipe d'évaluation, le {date}.",
        },
        DocumentKind.ChildPlan => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "Projet pour l'enfant — version {numero}",
            ["intro"] = "Projet pour l'enfant établi en application de l'article L. 223-1-1 du code de l'action sociale et des familles, "
                + "validé le {validation} par {valideur}. Il est construit avec l'enfant, ses parents et les services qui l'accompagnent.",
            ["closing"] = "Ce projet est revu après chaque rapport de situation et chaque fois que la situation de l'enfant le demande.",
        },
        DocumentKind.ChildPlanForChild => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "Mon projet",
            ["intro"] = "Ce document explique ce que les adultes qui s'occupent de toi ont prévu avec toi. Tu peux en parler avec {referent}.",
            ["closing"] = "Si tu n'es pas d'accord ou si tu as une question, tu peux le dire à {referent} ou à un adulte en qui tu as confiance.",
        },
        DocumentKind.ChildPlanForParents => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "Le projet pour votre enfant",
            ["intro"] = "Ce document reprend le projet pour l'enfant validé le {validation}. Il dit ce qui est proposé à votre enfant et à vous-mêmes, "
                + "qui s'en charge et dans quels délais. Votre référent est {referent}.",
            ["closing"] = "Vous pouvez demander à tout moment à en parler avec le référent, faire connaître votre avis et demander que le projet soit revu. "
                + "Vous pouvez aussi consulter le dossier de votre enfant (article L. 223-1 du code de l'action sociale et des familles).",
        },
        DocumentKind.SituationReport or DocumentKind.EndOfMeasureReport => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "{titre} — {enfant}",
            ["intro"] = "Rapport établi en application de l'article L. 223-5 du code de l'action sociale et des familles, pour la période du {debut} au {fin}. "
                + "Il rend compte de l'évaluation pluridisciplinaire de la situation de l'enfant et de la mise en œuvre du projet pour l'enfant.",
            ["closing"] = "Rapport rédigé par {auteur}, validé le {validation} par {valideur}.",
        },
        _ => new Dictionary<string, string>(StringComparer.Ordinal),
    };

    public async Task<ResolvedTemplate> ForAsync(string departementCode, DocumentKind kind, CancellationToken cancellationToken)
    {
        var row = await db.DocumentTemplates.AsNoTracking()
            .SingleOrDefaultAsync(t => t.DepartementCode == departementCode && t.Kind == kind, cancellationToken);
        var name = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Departement && o.DepartementCode == departementCode)
            .OrderBy(o => o.Id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? $"Département {departementCode}";
        var wording = new Dictionary<string, string>(DefaultWording(kind), StringComparer.Ordinal);
        if (row is not null && JsonSerializer.Deserialize<Dictionary<string, string>>(row.Wording) is { } own)
        {
            foreach (var (key, text) in own.Where(w => !string.IsNullOrWhiteSpace(w.Value)))
            {
                wording[key] = text;
            }
        }

        byte[]? logo = null;
        if (row?.LogoFileKey is { } logoKey && await files.GetAsync(logoKey, cancellationToken) is { } stream)
        {
            await using (stream)
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken);
                logo = buffer.ToArray();
            }
        }

        string Fill(string text) => text.Replace("{departement}", name, StringComparison.Ordinal);
        return new ResolvedTemplate(Fill(row?.HeaderText ?? DefaultHeaderFor(kind)), Fill(row?.FooterText ?? DefaultFooter), logo, wording);
    }
}
