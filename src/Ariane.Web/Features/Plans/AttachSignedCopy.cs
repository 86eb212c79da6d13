using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Features.Documents;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// Attaches the scanned signed paper of a validated version (docs/domain.md §2.5, signatures): by whoever records the
/// signatures (<see cref="PlanContributor.MayValidate"/>), a PDF or an image only, in the social section like the plan.
/// Several copies are kept (one per signatory who signed apart); a refused file stores nothing.
/// </summary>
public sealed class AttachSignedCopy(AppDbContext db, PlanGate gate, AttachmentIntake intake)
{
    /// <summary>Copies kept per version, at most.</summary>
    public const int MaxPerVersion = 10;

    private static readonly string[] ScanTypes = [ContentDetection.Pdf, ContentDetection.Png, ContentDetection.Jpeg];

    /// <summary>The API's multipart request (field file), read once the gate has let it in.</summary>
    public async Task<Result<AttachmentRow>> HandleAsync(Guid versionId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IFormFile? file = null;
        if (request.HasFormContentType)
        {
            file = (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file");
        }

        return await HandleAsync(versionId, file, cancellationToken);
    }

    public async Task<Result<AttachmentRow>> HandleAsync(Guid versionId, IFormFile? file, CancellationToken cancellationToken)
    {
        var version = await db.ChildPlanVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => new { v.ChildId }).SingleOrDefaultAsync(cancellationToken);
        var plan = version is null ? null : await gate.OpenAsync(version.ChildId, cancellationToken);
        if (plan is null)
        {
            return Result<AttachmentRow>.NotFound();
        }

        if (!plan.Who.MayValidate)
        {
            return await gate.RefuseAsync<AttachmentRow>(version!.ChildId, cancellationToken);
        }

        if (await db.Attachments.CountAsync(a => a.PlanVersionId == versionId, cancellationToken) >= MaxPerVersion)
        {
            return Result<AttachmentRow>.Invalid("file", $"Une version porte au plus {MaxPerVersion} copies signées.");
        }

        var (received, error) = await intake.ReadAsync(file, ScanTypes, "Joignez le scan en PDF ou en image PNG ou JPEG.", cancellationToken);
        if (received is null)
        {
            return Result<AttachmentRow>.Invalid("file", error!);
        }

        var attachment = await intake.StoreAsync(received, version!.ChildId, Section.Social, cancellationToken);
        attachment.PlanVersionId = versionId;
        db.Attachments.Add(attachment);
        await intake.SaveAsync(db, [attachment], cancellationToken);
        return Result<AttachmentRow>.Ok(UploadAttachment.Row(attachment));
    }
}
