using Ariane.Core.Access;
using Ariane.Core.Documents;
using Ariane.Core.Journal;
using Ariane.Persistence;
using Ariane.Web.Features.Documents;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// Writes a journal entry for a child (docs/domain.md, Journal): the journal readable (social read), and the entry's
/// own section writable: social for the team, health for a health professional (who reads the social part only). The author and their service (the one through which
/// they follow the child) are recorded with it; the audit row carries the entry's section.
/// </summary>
public sealed class RecordJournalEntry(AppDbContext db, ChildAccess access, CurrentUser currentUser, TimeProvider time, AttachmentIntake intake)
{
    /// <param name="files">Files sent with the entry from the form (none through the API, which attaches them one by one after).</param>
    public async Task<Result<JournalEntryView>> HandleAsync(Guid childId, JournalEntryRequest request, CancellationToken cancellationToken, IReadOnlyList<IFormFile>? files = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The journal must be readable; then the entry's own section writable (docs/domain.md, Journal).
        var opening = await access.OpenAsync(childId, AccessOperation.Read, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<JournalEntryView>.NotFound();
        }

        var writable = JournalProjection.Writable(opening);
        var incidentsOnly = JournalProjection.RecordsIncidentsOnly(opening);
        if (writable.Count == 0 && !incidentsOnly)
        {
            await access.OpenAsync(childId, AccessOperation.Write, Section.Social, cancellationToken);
            return Result<JournalEntryView>.Forbidden();
        }

        if (incidentsOnly)
        {
            // The foster carer signals an incident or a runaway; the team writes the rest.
            writable = [Section.Social];
            if (request.Kind is { } asked && Enum.IsDefined(asked) && !JournalRules.IncidentKinds.Contains(asked))
            {
                return Result<JournalEntryView>.Invalid("kind", "Vous pouvez signaler un incident ou une fugue ; les autres notes sont écrites par l'équipe qui suit l'enfant.");
            }
        }

        var section = request.Section ?? JournalRules.DefaultSection(request.Kind ?? JournalEntryKind.Note, writable.Contains(Section.Social), writable.Contains(Section.Health));
        var now = time.GetUtcNow().UtcDateTime;
        var errors = JournalInput.Validate(request, section, now, out var occurredAt);
        if (!JournalRules.Sections.Contains(section))
        {
            Validation.Add(errors, "section", "Une note du journal se classe dans le suivi social ou dans la santé.");
        }
        else if (!writable.Contains(section))
        {
            // Refused: on record as any refused change, with the section asked.
            await access.OpenAsync(childId, AccessOperation.Write, section, cancellationToken);
            Validation.Add(errors, "section", section == Section.Health
                ? "Seuls les professionnels de santé écrivent une note de santé : classez-la dans le suivi social, sans diagnostic."
                : "Votre rôle écrit au journal dans la partie santé seulement : classez-y la note.");
        }

        await JournalInput.CheckGoalAsync(db, childId, request, errors, cancellationToken);
        var received = await ReadFilesAsync(files, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<JournalEntryView>.Invalid(errors);
        }

        var (serviceId, serviceName) = await AuthorServiceAsync(opening, cancellationToken);
        var entry = new JournalEntry
        {
            ChildId = childId,
            Section = section,
            Fact = string.Empty,
            AuthorUserId = opening.Subject.UserId,
            AuthorName = await currentUser.DisplayNameAsync(cancellationToken),
            AuthorServiceId = serviceId,
            AuthorServiceName = serviceName,
            RecordedAt = now,
        };
        JournalInput.Apply(entry, request, occurredAt);
        db.JournalEntries.Add(entry);
        var stored = new List<Attachment>();
        foreach (var file in received)
        {
            // In the entry's section: the photo of a health entry is health. Saved with the entry, in one transaction.
            var attachment = await intake.StoreAsync(file, childId, section, cancellationToken);
            attachment.JournalEntryId = entry.Id;
            db.Attachments.Add(attachment);
            stored.Add(attachment);
        }

        await intake.SaveAsync(db, stored, cancellationToken);
        return Result<JournalEntryView>.Ok(JournalInput.FullView(entry, mayCorrect: true) with
        {
            Attachments = [.. stored.Select(a => new JournalAttachmentView(a.Id, a.FileName, a.ContentType, a.Size))],
        });
    }

    /// <summary>Checks every file before anything is saved: one refused file refuses the entry, with the file's name.</summary>
    private async Task<List<ReceivedFile>> ReadFilesAsync(IReadOnlyList<IFormFile>? files, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var sent = (files ?? []).Where(f => !string.IsNullOrEmpty(f.FileName)).ToList();
        var received = new List<ReceivedFile>();
        if (sent.Count > JournalAttachments.MaxPerEntry)
        {
            Validation.Add(errors, "files", $"Une note porte au plus {JournalAttachments.MaxPerEntry} fichiers.");
            return received;
        }

        foreach (var file in sent)
        {
            var (ok, error) = await intake.ReadAsync(file, accepted: null, notAccepted: null, cancellationToken);
            if (ok is null)
            {
                Validation.Add(errors, "files", $"{UploadAttachment.Sanitise(file.FileName)} : {error}");
            }
            else
            {
                received.Add(ok);
            }
        }

        return received;
    }

    /// <summary>The author's service for this child: one assigned to the child, else one of the child's département.</summary>
    private async Task<(Guid?, string?)> AuthorServiceAsync(ChildOpening opening, CancellationToken cancellationToken)
    {
        var grants = opening.Subject.Grants;
        var assigned = opening.Facts?.AssignedServiceIds ?? new HashSet<Guid>();
        var grant = grants.FirstOrDefault(g => assigned.Contains(g.ServiceId))
            ?? grants.FirstOrDefault(g => g.DepartementCode == opening.Facts?.ResponsibleDepartementCode)
            ?? (grants.Count > 0 ? grants[0] : null);
        if (grant is null)
        {
            return (null, null);
        }

        var name = await db.Services.AsNoTracking().Where(s => s.Id == grant.ServiceId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        return (grant.ServiceId, name);
    }
}
