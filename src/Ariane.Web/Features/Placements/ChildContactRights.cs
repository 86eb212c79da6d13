using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Placements;

/// <summary>One linked person on the card, with their current right (null: « aucun droit enregistré »).</summary>
public sealed record ContactRightRow(
    Guid LinkedPersonId, string PersonName, string Relation, Guid? ContactRightId, ContactRightKind? Kind, string Label,
    bool Alert, string? Source, Guid? MeasureId, DateOnly? StartsOn, DateOnly? EndsOn, string? Terms, string? Warning, int? Version);

public sealed record ContactRightsCard(Guid ChildId, IReadOnlyList<ContactRightRow> Persons, bool MayEdit);

/// <summary>
/// « Qui peut voir ou appeler cet enfant » (docs/domain.md, Contact rights): every linked person with the right
/// in force today, forbidden and suspended first. Social read, so the foster carer and the establishment's
/// educators on shift read it. A confidential address says the place must not be told.
/// </summary>
public sealed class ChildContactRights(AppDbContext db, ChildAccess access, TimeProvider time)
{
    public const string NoRight = "Aucun droit enregistré";
    public const string ConfidentialWarning = "Ne pas communiquer le lieu d'accueil ni son adresse à cette personne.";

    public async Task<Result<ContactRightsCard>> HandleAsync(Guid childId, CancellationToken cancellationToken)
    {
        var (opening, refusal) = await PlacementGate.OpenAsync(access, childId, AccessOperation.Read, null, cancellationToken);
        if (refusal is { } r)
        {
            return PlacementGate.Refuse<ContactRightsCard>(r);
        }

        var card = await BuildAsync(opening, cancellationToken);
        db.Audit.Record(AuditEventType.ContactRightsViewed, childId, Section.Social, opening.Basis, details: $$"""{"shown":{{card.Persons.Count}}}""");
        await db.SaveChangesAsync(cancellationToken);
        return Result<ContactRightsCard>.Ok(card);
    }

    public async Task<ContactRightsCard> BuildAsync(ChildOpening opening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var today = Format.Today(time);
        var persons = await db.LinkedPersons.AsNoTracking().Where(p => p.ChildId == opening.ChildId)
            .OrderBy(p => p.LastName).ThenBy(p => p.Id).Take(200).ToListAsync(cancellationToken);
        var rights = await db.ContactRights.AsNoTracking()
            .Where(c => c.ChildId == opening.ChildId && c.StartsOn <= today && (c.EndsOn == null || c.EndsOn >= today))
            .ToListAsync(cancellationToken);
        // A former département reads the card as it stood at its hand-over, like the rest of the record
        // (docs/decisions/0007-tenancy.md): no person nor right recorded after it.
        if (opening.RecordedBefore is { } cutoff)
        {
            persons = [.. persons.Where(p => Core.Common.EntityIds.CreatedBefore(p.Id, cutoff))];
            rights = [.. rights.Where(c => Core.Common.EntityIds.CreatedBefore(c.Id, cutoff))];
        }

        var rows = new List<ContactRightRow>();
        foreach (var person in persons)
        {
            var name = $"{person.LastName} {person.FirstNames}".Trim();
            var relation = Format.Relation(person.Relation);
            var personRights = rights.Where(c => c.LinkedPersonId == person.Id).OrderBy(c => Rank(c.Kind)).ThenByDescending(c => c.StartsOn).ToList();
            if (personRights.Count == 0)
            {
                rows.Add(new ContactRightRow(person.Id, name, relation, null, null, NoRight, false, null, null, null, null, null, null, null));
                continue;
            }

            foreach (var c in personRights)
            {
                rows.Add(new ContactRightRow(person.Id, name, relation, c.Id, c.Kind, ContactRight.Label(c.Kind),
                    c.Kind is ContactRightKind.Forbidden or ContactRightKind.Suspended, c.Source, c.MeasureId, c.StartsOn, c.EndsOn, c.Terms,
                    c.Kind == ContactRightKind.ConfidentialAddress ? ConfidentialWarning : null, c.Version));
            }
        }

        var ordered = rows.OrderBy(r => r.Kind is { } k ? Rank(k) : 9).ThenBy(r => r.PersonName, StringComparer.Ordinal).ToList();
        var mayEdit = opening.May(AccessOperation.Write, Section.Social) && PlacementGate.HoldsInDepartement(opening, Permission.RecordMeasure);
        return new ContactRightsCard(opening.ChildId, ordered, mayEdit);
    }

    private static int Rank(ContactRightKind kind) => kind switch
    {
        ContactRightKind.Forbidden => 0,
        ContactRightKind.Suspended => 1,
        ContactRightKind.ConfidentialAddress => 2,
        ContactRightKind.Supervised => 3,
        _ => 4,
    };
}
