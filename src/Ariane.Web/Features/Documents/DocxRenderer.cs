using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ariane.Web.Features.Documents;

/// <summary>Prints a <see cref="DocumentContent"/> as a Word document (DOCX) with the Open XML SDK, to be edited by the service.</summary>
public static class DocxRenderer
{
    public static byte[] Render(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = content.Title;
            package.PackageProperties.Creator = "Ariane";
            var main = package.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Paragraph(content.Header, bold: true));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Paragraph(content.Footer, size: 16));
            var body = new Body();
            body.Append(Paragraph(content.Title, bold: true, size: 28));
            foreach (var block in content.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h:
                        body.Append(Paragraph(h.Text, bold: true, size: 22));
                        break;
                    case ParagraphBlock p:
                        if (p.Label is not null)
                        {
                            body.Append(Paragraph(p.Label, bold: true));
                        }

                        body.Append(Paragraph(p.Text));
                        break;
                    case TableBlock t:
                        body.Append(Table(t));
                        body.Append(new Paragraph());
                        break;
                }
            }

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567 }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 20)
    {
        var paragraph = new Paragraph();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var run = new Run();
        var properties = new RunProperties(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.PrependChild(new Bold());
        }

        run.Append(properties);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(TableBlock block)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(block.Header, bold: true));
        foreach (var row in block.Rows)
        {
            table.Append(Row(row, bold: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Paragraph(c, bold))));
}
