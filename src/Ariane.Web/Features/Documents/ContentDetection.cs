using System.IO.Compression;
using System.Text;

namespace Ariane.Web.Features.Documents;

/// <summary>
/// The type of a file told from its bytes, never from its name or its declared type: PDF, PNG, JPEG, a Word or
/// Excel document (Office Open XML, a ZIP with its parts), or plain UTF-8 text. Anything else is refused.
/// </summary>
public static class ContentDetection
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Text = "text/plain";

    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.Ordinal)
    {
        [Pdf] = [".pdf"],
        [Png] = [".png"],
        [Jpeg] = [".jpg", ".jpeg"],
        [Docx] = [".docx"],
        [Xlsx] = [".xlsx"],
        [Text] = [".txt", ".text", ".csv", ".md"],
    };

    /// <summary>The detected type, or null for content that is none of the accepted ones.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return Office(content.ToArray());
        }

        return IsText(content) ? Text : null;
    }

    /// <summary>Whether the extension of <paramref name="fileName"/>, when it has one, agrees with the detected type.</summary>
    public static bool ExtensionAgrees(string fileName, string detected)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length == 0 || (Extensions.TryGetValue(detected, out var allowed) && allowed.Contains(extension));
    }

    /// <summary>
    /// Whether a declared type (the browser's or the client's) contradicts the detected one. No declaration, or
    /// the generic « application/octet-stream », says nothing.
    /// </summary>
    public static bool Contradicts(string? declared, string detected)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return false;
        }

        var type = declared.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "application/octet-stream" => false,
            "image/jpg" or "image/pjpeg" => detected != Jpeg,
            "text/csv" or "text/markdown" => detected != Text,
            _ => type != detected,
        };
    }

    private static string? Office(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
            {
                return null;
            }

            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f'));
    }
}
