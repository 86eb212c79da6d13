using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>What a user typed to name one record: unreadable, or the id it names (null when no such record).</summary>
public sealed record DossierReference(bool Readable, Guid? ChildId);

/// <summary>
/// Turns a dossier number typed in a form (« 99-2026-000123 », as the record shows it) into the record's
/// id; the GUID still works, for a number noted before the dossier numbers existed. Returns only an id:
/// the caller then opens the record through its own handler, which decides and audits.
/// </summary>
public sealed class FindChildByNumber(AppDbContext db, ChildAccess access)
{
    /// <summary>Among the records the user may read (a delegation names one of the user's own records).</summary>
    public async Task<DossierReference> AmongReadableAsync(string? text, CancellationToken cancellationToken) =>
        await FindAsync(text, await access.ReadableAsync(Section.Identity, cancellationToken), db, cancellationToken);

    /// <summary>
    /// Among all records: the emergency access is for a record out of the user's reach. It tells no more
    /// than the GUID did (whether the record exists), and the opening that follows is audited and alerted.
    /// </summary>
    public Task<DossierReference> AnyAsync(string? text, CancellationToken cancellationToken) =>
        FindAsync(text, db.Children.AsNoTracking().Where(c => c.MergedIntoId == null), db, cancellationToken);

    /// <summary>The number of a record the user may read, to fill a form with what the record shows; null otherwise.</summary>
    public async Task<string?> NumberOfAsync(Guid childId, CancellationToken cancellationToken) =>
        await (await access.ReadableAsync(Section.Identity, cancellationToken))
            .Where(c => c.Id == childId).Select(c => c.DossierNumber).FirstOrDefaultAsync(cancellationToken);

    private static async Task<DossierReference> FindAsync(string? text, IQueryable<Child> children, AppDbContext db, CancellationToken cancellationToken)
    {
        var typed = text?.Trim() ?? string.Empty;
        if (Guid.TryParse(typed, out var id))
        {
            return new(true, id);
        }

        if (!DossierNumbers.TryParseSearch(typed, out var number, out _) || number is null)
        {
            return new(false, null);
        }

        var found = await children.Where(c => c.DossierNumber == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken)
            // The number of a record merged into another leads to the one that absorbed it.
            ?? await children.Where(c => db.Children.Any(m => m.DossierNumber == number && m.MergedIntoId == c.Id))
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return new(true, found);
    }
}
