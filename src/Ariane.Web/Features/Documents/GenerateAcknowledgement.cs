using Ariane.Core.Access;
using Ariane.Core.Concerns;
using Ariane.Core.Documents;
using Ariane.Persistence;
using Ariane.Web.Features.Concerns;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Documents;

/// <summary>
/// The acknowledgement of an IP to the professional who transmitted it: the IP number, when it was received,
/// the children they reported by first names, initial and year of birth. Never the reporter's identity nor a
/// minor of the household found later (the transmitter did not name them). The CRIP of the département only.
/// </summary>
public sealed class GenerateAcknowledgement(AppDbContext db, ConcernAccess access, DocumentTemplates templates, DocumentGeneration generation)
{
    public async Task<Result<GeneratedDocumentView>> HandleAsync(Guid concernId, string? format, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(concernId, AccessOperation.Write, Section.Social, tracked: false, cancellationToken);
        if (opening is null)
        {
            return Result<GeneratedDocumentView>.NotFound();
        }

        var concern = opening.Concern;
        if (!opening.Subject.Grants.Any(g => (g.Role.Has(Permission.RecordConcern) || g.Role.Has(Permission.QualifyConcern))
                && g.DepartementCode == concern.DepartementCode))
        {
            return Result<GeneratedDocumentView>.Forbidden();
        }

        if (DocumentFormats.Parse(format) is not { } documentFormat)
        {
            return Result<GeneratedDocumentView>.Invalid("format", DocumentFormats.FormatError);
        }

        var foundLater = await db.AssessmentChildren.AsNoTracking()
            .Where(ac => !ac.NamedInConcern && db.Assessments.Any(a => a.Id == ac.AssessmentId && a.ConcernId == concernId))
            .Select(ac => ac.ChildId).ToListAsync(cancellationToken);
        var ids = concern.Children.Select(c => c.ChildId).Except(foundLater).ToList();
        var children = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.BirthName, c.UsageName, c.FirstNames, c.BirthDate }).ToListAsync(cancellationToken);
        var template = await templates.ForAsync(concern.DepartementCode, DocumentKind.IpAcknowledgement, cancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["numero"] = concern.Number,
            ["reception"] = Format.DateAtTime(concern.ReceivedAt),
            ["transmetteur"] = ConcernNomenclature.TransmitterLabel(concern.TransmitterCode),
        };
        var blocks = new List<DocumentBlock>
        {
            new ParagraphBlock(ConcernNomenclature.TransmitterLabel(concern.TransmitterCode), "Destinataire"),
            new ParagraphBlock(concern.Number, "Numéro de l'information préoccupante"),
            new ParagraphBlock(Format.DateAtTime(concern.ReceivedAt), "Date et heure de réception"),
            new ParagraphBlock(template.Say("intro", values)),
            new HeadingBlock(template.Say("children", values)),
        };
        blocks.AddRange(children.OrderBy(c => c.BirthDate.Year).ThenBy(c => c.Id).Select(c => new ParagraphBlock(
            $"{c.FirstNames} {Initial(string.IsNullOrWhiteSpace(c.UsageName) ? c.BirthName : c.UsageName)}"
            + (c.BirthDate.Year is { } year ? $", né(e) en {year}" : string.Empty))));
        blocks.Add(new ParagraphBlock(template.Say("closing", values)));
        var content = new DocumentContent(template.Header, template.Footer, template.Logo, template.Say("title", values), blocks);
        return await generation.StoreAsync(new DocumentGeneration.Request(
            DocumentKind.IpAcknowledgement, LegalNature.Administrative, documentFormat, DocumentSourceKind.Concern, concernId,
            concern.DepartementCode, $"accuse-reception-{concern.Number}", content, ids, new HashSet<Guid>()), cancellationToken);
    }

    private static string Initial(string name) => name.Length == 0 ? string.Empty : char.ToUpperInvariant(name[0]) + ".";
}
