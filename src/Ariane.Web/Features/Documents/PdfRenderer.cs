using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Ariane.Web.Features.Documents;

/// <summary>Prints a <see cref="DocumentContent"/> as PDF with PDFsharp: A4, wrapped lines, new pages as needed.</summary>
public static class PdfRenderer
{
    private const double Margin = 50;
    private const double FooterSpace = 40;

    public static byte[] Render(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        DocumentFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Creator = "Ariane";
        var writer = new Writer(document, content);
        writer.NewPage();
        writer.Text(content.Title, writer.Title, spaceAfter: 12);
        foreach (var block in content.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    writer.Space(6);
                    writer.Text(h.Text, writer.Bold, spaceAfter: 4);
                    break;
                case ParagraphBlock p:
                    if (p.Label is not null)
                    {
                        writer.Text(p.Label, writer.Bold, spaceAfter: 1);
                    }

                    writer.Text(p.Text, writer.Regular, spaceAfter: 6);
                    break;
                case TableBlock t:
                    writer.Table(t);
                    break;
            }
        }

        writer.Close();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class Writer(PdfDocument document, DocumentContent content)
    {
        public XFont Regular { get; } = new(DocumentFonts.Family, 10, XFontStyleEx.Regular);
        public XFont Bold { get; } = new(DocumentFonts.Family, 10, XFontStyleEx.Bold);
        public XFont Title { get; } = new(DocumentFonts.Family, 14, XFontStyleEx.Bold);
        private readonly XFont small = new(DocumentFonts.Family, 8, XFontStyleEx.Regular);
        private PdfPage? page;
        private XGraphics? gfx;
        private double y;

        private double Width => page!.Width.Point - 2 * Margin;
        private double Bottom => page!.Height.Point - Margin - FooterSpace;

        public void NewPage()
        {
            Close();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
            var headerLeft = Margin;
            if (content.Logo is { Length: > 0 } logo)
            {
                try
                {
                    using var stream = new MemoryStream(logo);
                    using var image = XImage.FromStream(stream);
                    var height = 40.0;
                    var width = image.PixelWidth * height / Math.Max(1, image.PixelHeight);
                    gfx.DrawImage(image, Margin, y, width, height);
                    headerLeft += width + 10;
                }
                catch (InvalidOperationException)
                {
                    // A logo PDFsharp cannot read is left out rather than failing the document.
                }
            }

            var headerY = y;
            foreach (var line in Wrap(content.Header, Bold, page.Width.Point - Margin - headerLeft))
            {
                gfx.DrawString(line, Bold, XBrushes.Black, new XRect(headerLeft, headerY, Width, 14), XStringFormats.TopLeft);
                headerY += 14;
            }

            y = Math.Max(headerY, y + 40) + 16;
            var footerY = page.Height.Point - Margin - 20;
            foreach (var line in Wrap($"{content.Footer} — page {document.PageCount}", small, Width))
            {
                gfx.DrawString(line, small, XBrushes.Gray, new XRect(Margin, footerY, Width, 10), XStringFormats.TopLeft);
                footerY += 10;
            }
        }

        public void Space(double points) => y += points;

        public void Text(string text, XFont font, double spaceAfter)
        {
            var height = font.Size * 1.35;
            foreach (var line in Wrap(text, font, Width))
            {
                if (y + height > Bottom)
                {
                    NewPage();
                }

                gfx!.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, Width, height), XStringFormats.TopLeft);
                y += height;
            }

            y += spaceAfter;
        }

        public void Table(TableBlock table)
        {
            var columns = table.Header.Count;
            var first = Width * 0.4;
            var other = columns > 1 ? (Width - first) / (columns - 1) : Width;
            double X(int i) => Margin + (i == 0 ? 0 : first + (i - 1) * other);
            double W(int i) => i == 0 ? first : other;
            void Row(IReadOnlyList<string> cells, XFont font)
            {
                var wrapped = cells.Select((c, i) => Wrap(c, font, W(i) - 6)).ToList();
                var height = Math.Max(1, wrapped.Max(w => w.Count)) * font.Size * 1.35 + 4;
                if (y + height > Bottom)
                {
                    NewPage();
                }

                for (var i = 0; i < cells.Count && i < columns; i++)
                {
                    gfx!.DrawRectangle(XPens.Gray, X(i), y, W(i), height);
                    var lineY = y + 2;
                    foreach (var line in wrapped[i])
                    {
                        gfx.DrawString(line, font, XBrushes.Black, new XRect(X(i) + 3, lineY, W(i) - 6, font.Size * 1.35), XStringFormats.TopLeft);
                        lineY += font.Size * 1.35;
                    }
                }

                y += height;
            }

            Row(table.Header, Bold);
            foreach (var row in table.Rows)
            {
                Row(row, Regular);
            }

            y += 8;
        }

        public void Close()
        {
            gfx?.Dispose();
            gfx = null;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var measure = gfx!;
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var current = string.Empty;
                foreach (var whole in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var word = whole;
                    // A word wider than the column (a date in a narrow table cell) is cut, never drawn over its neighbour.
                    while (word.Length > 1 && measure.MeasureString(word, font).Width > width)
                    {
                        var cut = word.Length - 1;
                        while (cut > 1 && measure.MeasureString(word[..cut], font).Width > width)
                        {
                            cut--;
                        }

                        if (current.Length > 0)
                        {
                            lines.Add(current);
                            current = string.Empty;
                        }

                        lines.Add(word[..cut]);
                        word = word[cut..];
                    }

                    var candidate = current.Length == 0 ? word : current + " " + word;
                    if (current.Length > 0 && measure.MeasureString(candidate, font).Width > width)
                    {
                        lines.Add(current);
                        current = word;
                    }
                    else
                    {
                        current = candidate;
                    }
                }

                lines.Add(current);
            }

            return lines;
        }
    }
}
