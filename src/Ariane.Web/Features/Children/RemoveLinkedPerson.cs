using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>Removes a linked person (after confirmation in the UI). The audit keeps the removed values.</summary>
public sealed class RemoveLinkedPerson(AppDbContext db, ChildAccess access)
{
    public async Task<Result<bool>> HandleAsync(Guid childId, Guid personId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, AccessOperation.Write, Section.Identity, cancellationToken);
        if (!decision.Allowed)
        {
            return Result<bool>.NotFound();
        }

        var person = await db.LinkedPersons.SingleOrDefaultAsync(p => p.Id == personId && p.ChildId == childId, cancellationToken);
        if (person is null)
        {
            return Result<bool>.NotFound();
        }

        db.LinkedPersons.Remove(person);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed or removed meanwhile: nothing was removed; the user sees the record again.
            return Result<bool>.NotFound();
        }

        return Result<bool>.Ok(true);
    }
}
