using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Core.Reports;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Documents;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Reports;

/// <summary>The transmissions' shared pieces: the courts one may send to, a transmission as its sender sees it.</summary>
public static class Transmissions
{
    public static async Task<IReadOnlyList<CourtRecipient>> CourtsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Services.AsNoTracking()
            .Join(db.Organisations.Where(o => o.Kind == OrganisationKind.Court), s => s.OrganisationId, o => o.Id, (s, o) => new { s.Id, s.Name, Court = o.Name })
            .OrderBy(s => s.Court).ThenBy(s => s.Name).Take(200)
            .Select(s => new CourtRecipient(s.Id, s.Court + " — " + s.Name)).ToListAsync(cancellationToken);
    }

    public static TransmissionRow Row(DocumentTransmission t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var state = t.Channel != TransmissionChannel.Ariane ? $"envoyé ({Channel(t.Channel)})"
            : t.AcknowledgedAt is not null ? "reçu, accusé de réception"
            : t.OpenedAt is not null ? "ouvert par la juridiction"
            : "transmis, pas encore ouvert";
        return new TransmissionRow(t.Id, t.DocumentId, t.DocumentName, t.Channel, t.RecipientName, t.SentByName, t.SentAt, t.OpenedAt, t.OpenedByName, t.AcknowledgedAt, t.AcknowledgedByName, state, t.Note);
    }

    public static string Channel(TransmissionChannel channel) => channel switch
    {
        TransmissionChannel.Ariane => "par Ariane",
        TransmissionChannel.Post => "par courrier",
        TransmissionChannel.HandDelivered => "remis en main propre",
        TransmissionChannel.SecureMessaging => "par messagerie sécurisée",
        _ => "—",
    };
}

/// <summary>
/// Sends a generated document of a child: to a court's service in Ariane (its inbox), or records a dispatch made
/// another way (to whom, by which channel). The sender writes the child's social follow-up; the document is the
/// child's. Every transmission is on the record (audit row « document transmis »).
/// </summary>
public sealed class TransmitDocument(AppDbContext db, ChildAccess access, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<TransmissionRow>> HandleAsync(Guid documentId, TransmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = await db.GeneratedDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => new { d.ChildId, d.FileName, d.ContainsHealth }).SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return Result<TransmissionRow>.NotFound();
        }

        var opening = await access.OpenAsync(document.ChildId, AccessOperation.Write, Section.Social, cancellationToken);
        if (!opening.Allowed || !ReportAccess.MayWrite(opening))
        {
            return opening.Permits(AccessOperation.Read, Section.Social) ? Result<TransmissionRow>.Forbidden() : Result<TransmissionRow>.NotFound();
        }

        var errors = Validation.Check(request);
        Validation.Defined<TransmissionChannel>(request.Channel, "channel", errors);
        string? recipient = null;
        if (document.ContainsHealth)
        {
            Validation.Add(errors, "documentId", "Ce document contient des informations de santé : il ne se transmet pas par ce moyen.");
        }

        if (request.Channel == TransmissionChannel.Ariane)
        {
            var courts = await Transmissions.CourtsAsync(db, cancellationToken);
            recipient = courts.FirstOrDefault(c => c.ServiceId == request.RecipientServiceId)?.Name;
            if (recipient is null)
            {
                Validation.Add(errors, "recipientServiceId", "Choisissez la juridiction destinataire dans la liste.");
            }
        }
        else if (ChildInput.Clean(request.RecipientName) is { } name)
        {
            recipient = name;
        }
        else
        {
            Validation.Add(errors, "recipientName", "Indiquez à qui le document a été envoyé.");
        }

        if (errors.Count > 0)
        {
            return Result<TransmissionRow>.Invalid(errors);
        }

        var transmission = new DocumentTransmission
        {
            ChildId = document.ChildId,
            DocumentId = documentId,
            DocumentName = document.FileName,
            Channel = request.Channel,
            RecipientServiceId = request.Channel == TransmissionChannel.Ariane ? request.RecipientServiceId : null,
            RecipientName = recipient!,
            Note = ChildInput.Clean(request.Note),
            SentByUserId = opening.Subject.UserId,
            SentByName = await currentUser.DisplayNameAsync(cancellationToken),
            SentAt = time.GetUtcNow().UtcDateTime,
        };
        db.DocumentTransmissions.Add(transmission);
        await db.SaveChangesAsync(cancellationToken);
        return Result<TransmissionRow>.Ok(Transmissions.Row(transmission));
    }
}

/// <summary>
/// A court's inbox (docs/domain.md §6): the documents transmitted to the services of the user's court where they receive
/// transmissions, newest first, with the child by dossier number and name (what the court needs to file them; the
/// court reads no record). One list audit row naming the children shown.
/// </summary>
public sealed class CourtInbox(AppDbContext db, CurrentUser currentUser)
{
    public async Task<Result<IReadOnlyList<CourtInboxRow>>> HandleAsync(CancellationToken cancellationToken)
    {
        var services = (await currentUser.SubjectAsync(cancellationToken)).ServiceIdsWith(Permission.ReceiveTransmissions).ToList();
        if (services.Count == 0)
        {
            return Result<IReadOnlyList<CourtInboxRow>>.Forbidden();
        }

        var rows = await db.DocumentTransmissions.AsNoTracking()
            .Where(t => t.RecipientServiceId != null && services.Contains(t.RecipientServiceId.Value))
            .OrderByDescending(t => t.SentAt).ThenByDescending(t => t.Id).Take(200)
            .Join(db.Children, t => t.ChildId, c => c.Id, (t, c) => new { t, c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames })
            .ToListAsync(cancellationToken);
        var view = rows.Select(r => new CourtInboxRow(r.t.Id, r.t.DocumentId, r.t.DocumentName, r.DossierNumber,
            Core.Children.Child.NameOf(r.BirthName, r.UsageName, r.FirstNames), r.t.SentByName, r.t.SentAt, r.t.RecipientName,
            r.t.OpenedAt, r.t.AcknowledgedAt, r.t.AcknowledgedByName)).ToList();
        db.Audit.RecordList(AuditEventType.CourtInboxListed, rows.Select(r => r.t.ChildId).Distinct(), Section.Social);
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<CourtInboxRow>>.Ok(view);
    }
}

/// <summary>
/// Opens a transmitted document from the court's inbox: only a member of the receiving service who receives
/// transmissions; the first opening is recorded on the transmission (the sender sees it); every opening is an audited
/// read of the child's document on the basis « transmission », not an access to the record.
/// </summary>
public sealed class OpenTransmission(AppDbContext db, CurrentUser currentUser, IFileStore files, TimeProvider time)
{
    public async Task<Result<FileDownload>> HandleAsync(Guid transmissionId, CancellationToken cancellationToken)
    {
        var transmission = await ReceivedAsync(db, currentUser, transmissionId, cancellationToken);
        if (transmission is null)
        {
            return Result<FileDownload>.NotFound();
        }

        var document = await db.GeneratedDocuments.AsNoTracking().SingleAsync(d => d.Id == transmission.DocumentId, cancellationToken);
        var content = await files.GetAsync(document.FileKey, cancellationToken);
        if (content is null)
        {
            return Result<FileDownload>.NotFound();
        }

        if (transmission.OpenedAt is null)
        {
            transmission.OpenedAt = time.GetUtcNow().UtcDateTime;
            transmission.OpenedByName = await currentUser.DisplayNameAsync(cancellationToken);
        }

        db.Audit.Record(AuditEventType.TransmissionOpened, transmission.ChildId, Section.Social, AccessBasis.Transmission, entityType: nameof(DocumentTransmission), entityId: transmissionId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<FileDownload>.Ok(new FileDownload(content, document.ContentType, document.FileName));
    }

    /// <summary>The transmission, tracked, when the user receives for its service; null otherwise (« not found »).</summary>
    internal static async Task<DocumentTransmission?> ReceivedAsync(AppDbContext db, CurrentUser currentUser, Guid transmissionId, CancellationToken cancellationToken)
    {
        var services = (await currentUser.SubjectAsync(cancellationToken)).ServiceIdsWith(Permission.ReceiveTransmissions).ToList();
        return services.Count == 0 ? null : await db.DocumentTransmissions
            .SingleOrDefaultAsync(t => t.Id == transmissionId && t.RecipientServiceId != null && services.Contains(t.RecipientServiceId.Value), cancellationToken);
    }
}

/// <summary>Acknowledges receipt of a transmitted document (once: a second acknowledgement changes nothing); the sender sees who and when.</summary>
public sealed class AcknowledgeTransmission(AppDbContext db, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<CourtInboxRow>> HandleAsync(Guid transmissionId, CancellationToken cancellationToken)
    {
        var transmission = await OpenTransmission.ReceivedAsync(db, currentUser, transmissionId, cancellationToken);
        if (transmission is null)
        {
            return Result<CourtInboxRow>.NotFound();
        }

        if (transmission.AcknowledgedAt is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var name = await currentUser.DisplayNameAsync(cancellationToken);
            transmission.AcknowledgedAt = now;
            transmission.AcknowledgedByName = name;
            transmission.OpenedAt ??= now;
            transmission.OpenedByName ??= name;
            db.Audit.Record(AuditEventType.TransmissionAcknowledged, transmission.ChildId, Section.Social, AccessBasis.Transmission, entityType: nameof(DocumentTransmission), entityId: transmissionId);
            await db.SaveChangesAsync(cancellationToken);
        }

        var child = await db.Children.AsNoTracking().Where(c => c.Id == transmission.ChildId).Select(c => new { c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames }).SingleAsync(cancellationToken);
        return Result<CourtInboxRow>.Ok(new CourtInboxRow(transmission.Id, transmission.DocumentId, transmission.DocumentName, child.DossierNumber,
            Core.Children.Child.NameOf(child.BirthName, child.UsageName, child.FirstNames), transmission.SentByName, transmission.SentAt,
            transmission.RecipientName, transmission.OpenedAt, transmission.AcknowledgedAt, transmission.AcknowledgedByName));
    }
}
