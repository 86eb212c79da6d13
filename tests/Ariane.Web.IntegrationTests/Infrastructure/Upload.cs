using System.Net.Http.Headers;
using System.Text;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>The files the upload tests send, and the multipart form the API's uploads read (field « file »).</summary>
public static class Upload
{
    /// <summary>The smallest file the content detection takes for a PDF.</summary>
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    /// <summary>The header of a Windows executable: refused whatever its name says.</summary>
    public static byte[] Executable { get; } = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    /// <summary>A form with one file under « file », declared with <paramref name="type"/>, and the other fields given.</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string name, string type, params (string Field, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        form.Add(file, "file", name);
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }

        return form;
    }
}
