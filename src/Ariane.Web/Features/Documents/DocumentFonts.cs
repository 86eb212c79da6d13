using PdfSharp.Fonts;

namespace Ariane.Web.Features.Documents;

/// <summary>
/// The fonts of the PDF documents, read from the machine (docs/decisions/0010-documents.md): DejaVu Sans
/// (Debian package fonts-dejavu-core), else Liberation Sans (fonts-liberation). None is embedded in the
/// code base. Without either, generating a PDF fails with a message that says which package to install.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "Ariane Sans";

    private static readonly string[] Folders = ["/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/fonts/truetype"];

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static bool installed;

    private readonly byte[] regular;
    private readonly byte[] bold;

    private DocumentFonts(byte[] regular, byte[] bold)
    {
        this.regular = regular;
        this.bold = bold;
    }

    /// <summary>Sets the resolver of PDFsharp once per process.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            var (regular, bold) = Find();
            GlobalFontSettings.FontResolver = new DocumentFonts(File.ReadAllBytes(regular), File.ReadAllBytes(bold));
            installed = true;
        }
    }

    /// <summary>The regular and bold font files found on this machine.</summary>
    public static (string Regular, string Bold) Find()
    {
        foreach (var (regularName, boldName) in Candidates)
        {
            var regular = Search(regularName);
            var bold = Search(boldName);
            if (regular is not null && bold is not null)
            {
                return (regular, bold);
            }
        }

        throw new InvalidOperationException(
            "No font for PDF documents: install the Debian package fonts-dejavu-core (DejaVuSans.ttf, DejaVuSans-Bold.ttf) "
            + "or fonts-liberation (LiberationSans-Regular.ttf, LiberationSans-Bold.ttf) under /usr/share/fonts.");
    }

    private static string? Search(string fileName)
    {
        foreach (var folder in Folders.Where(Directory.Exists))
        {
            var found = Directory.EnumerateFiles(folder, fileName, SearchOption.AllDirectories).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "ariane-bold" : "ariane-regular");

    public byte[]? GetFont(string faceName) => faceName == "ariane-bold" ? bold : regular;
}
