using System.Security.Cryptography;
using Ariane.Core.Access;
using Ariane.Core.Documents;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Documents;

/// <summary>A file as received and checked, not yet stored: its bytes, its cleaned name, the type detected from its content.</summary>
public sealed record ReceivedFile(byte[] Bytes, string FileName, string ContentType);

/// <summary>
/// The checks every uploaded file goes through, wherever it is attached (the record, a journal entry, a signed copy
/// of the plan; docs/decisions/0010-documents.md): size, type detected from the content, declared type and extension
/// agreeing with it. The caller checks first, then stores and saves its own rows in one transaction
/// (<see cref="SaveAsync"/>), so that a refused file or a failed save leaves nothing behind.
/// </summary>
public sealed class AttachmentIntake(IFileStore files, IOptions<FileStoreOptions> options, CurrentUser currentUser, TimeProvider time)
{
    public const string NotAccepted = "Ce type de fichier n'est pas accepté : PDF, image PNG ou JPEG, document Word ou Excel, ou texte seulement.";

    /// <summary>Reads and checks the file; <paramref name="accepted"/>, when given, narrows the detected types taken (a scan: PDF or image).</summary>
    public async Task<(ReceivedFile? File, string? Error)> ReadAsync(IFormFile? file, IReadOnlyCollection<string>? accepted, string? notAccepted, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "Choisissez un fichier.");
        }

        var limit = options.Value.MaxUploadBytes;
        var tooLarge = $"Le fichier dépasse {limit / (1024 * 1024)} Mo.";
        if (file.Length > limit)
        {
            return (null, tooLarge);
        }

        byte[] bytes;
        await using (var input = file.OpenReadStream())
        {
            using var buffer = new MemoryStream();
            await input.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length > limit)
            {
                return (null, tooLarge);
            }

            bytes = buffer.ToArray();
        }

        var fileName = UploadAttachment.Sanitise(file.FileName);
        if (ContentDetection.Detect(bytes) is not { } detected || (accepted is not null && !accepted.Contains(detected)))
        {
            return (null, notAccepted ?? NotAccepted);
        }

        if (ContentDetection.Contradicts(file.ContentType, detected))
        {
            return (null, "Le type déclaré du fichier ne correspond pas à son contenu.");
        }

        if (!ContentDetection.ExtensionAgrees(fileName, detected))
        {
            return (null, "L'extension du nom du fichier ne correspond pas à son contenu.");
        }

        return (new ReceivedFile(bytes, fileName, detected), null);
    }

    /// <summary>Puts the checked file in the store and returns its row, to be added by the caller and saved with <see cref="SaveAsync"/>.</summary>
    public async Task<Attachment> StoreAsync(ReceivedFile file, Guid childId, Section section, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string key;
        using (var stream = new MemoryStream(file.Bytes, writable: false))
        {
            key = await files.PutAsync(stream, cancellationToken);
        }

        return new Attachment
        {
            ChildId = childId,
            Section = section,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Bytes.Length,
            FileKey = key,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)),
            UploadedByUserId = currentUser.UserId ?? Guid.Empty,
            UploadedByName = await currentUser.DisplayNameAsync(cancellationToken),
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>Saves the caller's changes; when the save fails, the stored files are removed again.</summary>
    public async Task SaveAsync(AppDbContext db, IReadOnlyList<Attachment> stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var attachment in stored)
            {
                await files.DeleteAsync(attachment.FileKey, CancellationToken.None);
            }

            throw;
        }
    }
}
