using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Documents;

/// <summary>Where files are kept (configuration section « Files »).</summary>
public sealed class FileStoreOptions
{
    /// <summary>The folder of the file-system store, relative to the content root when not absolute; created on demand.</summary>
    public string Root { get; set; } = "data/files";

    /// <summary>The largest attachment accepted, in bytes (10 Mo by default).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Stores files under opaque keys that the store chooses (random, never derived from a user's input): the
/// rows that describe the files (Attachment, GeneratedDocument) hold the key, the store holds the bytes.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content and returns its new key.</summary>
    Task<string> PutAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>The content stored under <paramref name="key"/>, or null when there is none.</summary>
    Task<Stream?> GetAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>
/// The file-system store: each file under « root/xx/key » where the key is 32 random hexadecimal digits and xx
/// its first two. A key of any other shape is refused, so no path can be built from outside.
/// </summary>
public sealed partial class FileSystemFileStore(IOptions<FileStoreOptions> options, IHostEnvironment environment) : IFileStore
{
    private readonly string root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Root));

    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }

        File.Move(temporary, path);
        return key;
    }

    public Task<Stream?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (key is null || !KeyShape().IsMatch(key))
        {
            throw new ArgumentException("Not a file store key.", nameof(key));
        }

        return Path.Combine(root, key[..2], key);
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();
}
