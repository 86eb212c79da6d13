using DocumentFormat.OpenXml.Packaging;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>The text of a generated document, to check what it says: PdfPig for PDF, OpenXML for DOCX.</summary>
public static class DocumentText
{
    /// <summary>Text compared without white space: PDF extraction does not keep line breaks and spacing as written.</summary>
    public static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    public static string Pdf(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }

    public static string Docx(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
