using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

public sealed class SaveLinkedPersonRequest
{
    public LinkedPersonInput Person { get; set; } = new();

    /// <summary>Required when editing: the version the user started from.</summary>
    public int Version { get; set; }
}

/// <summary>What is stored now, and who saved it when (for the conflict screen and the API's 409).</summary>
public sealed record LinkedPersonConflict(int Version, LinkedPersonInput Person, SavedBy? SavedBy);

/// <summary>Adds (no <c>personId</c>) or edits a linked person of a child, with optimistic concurrency on edits.</summary>
public sealed class SaveLinkedPerson(AppDbContext db, ChildAccess access, TimeProvider time)
{
    public async Task<Result<LinkedPersonDto>> HandleAsync(Guid childId, Guid? personId, SaveLinkedPersonRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Person is null)
        {
            return Result<LinkedPersonDto>.Invalid("person", "La personne liée est obligatoire.");
        }

        var decision = await access.OpenAsync(childId, AccessOperation.Write, Section.Identity, cancellationToken);
        if (!decision.Allowed)
        {
            return Result<LinkedPersonDto>.NotFound();
        }

        var errors = request.Person.Validate(Format.Today(time), out var birthDate);
        if (errors.Count > 0)
        {
            return Result<LinkedPersonDto>.Invalid(errors);
        }

        LinkedPerson person;
        if (personId is { } id)
        {
            var found = await db.LinkedPersons.SingleOrDefaultAsync(p => p.Id == id && p.ChildId == childId, cancellationToken);
            if (found is null)
            {
                return Result<LinkedPersonDto>.NotFound();
            }

            if (found.Version != request.Version)
            {
                return await ConflictAsync(found, decision, cancellationToken);
            }

            db.Entry(found).Property(p => p.Version).OriginalValue = request.Version;
            person = found;
        }
        else
        {
            person = new LinkedPerson { ChildId = childId, LastName = string.Empty };
            db.LinkedPersons.Add(person);
        }

        // The notes belong to the social follow-up: who may not write it keeps the stored notes, unseen.
        var storedNotes = person.Notes;
        request.Person.ApplyTo(person, birthDate);
        if (!decision.May(AccessOperation.Write, LinkedPerson.NotesSection))
        {
            person.Notes = storedNotes;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.LinkedPersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == person.Id, cancellationToken);
            return fresh is null ? Result<LinkedPersonDto>.NotFound() : await ConflictAsync(fresh, decision, cancellationToken);
        }

        var saved = ChildMapping.ToDto(person);
        return Result<LinkedPersonDto>.Ok(decision.May(AccessOperation.Read, LinkedPerson.NotesSection) ? saved : saved with { Notes = null });
    }

    /// <summary>The conflict shows the stored values: that is a read, audited as one.</summary>
    private async Task<Result<LinkedPersonDto>> ConflictAsync(LinkedPerson stored, ChildOpening decision, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.Audit.Record(AuditEventType.LinkedPersonsViewed, stored.ChildId, Section.Identity, decision.Basis, entityType: nameof(LinkedPerson), entityId: stored.Id);
        await db.SaveChangesAsync(cancellationToken);
        var theirs = LinkedPersonInput.From(stored);
        if (!decision.May(AccessOperation.Read, LinkedPerson.NotesSection))
        {
            theirs.Notes = null;
        }

        var savedBy = await Conflicts.LastSavedByAsync<LinkedPerson>(db, stored.ChildId, stored.Id, cancellationToken);
        return Result<LinkedPersonDto>.Conflict(new LinkedPersonConflict(stored.Version, theirs, savedBy));
    }
}
