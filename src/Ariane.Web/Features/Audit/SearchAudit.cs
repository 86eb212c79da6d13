using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Audit;

public sealed class SearchAuditRequest
{
    [StringLength(256)]
    public string? UserName { get; set; }

    public Guid? ChildId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public AuditEventType? EventType { get; set; }

    /// <summary>Searches, openings, changes, refusals... (see <see cref="AuditEventKinds"/>).</summary>
    public AuditEventKind? Kind { get; set; }

    /// <summary>The children found by name (<see cref="LookupChildByName"/>); empty: none was found, so no row matches.</summary>
    public IReadOnlyList<Guid>? ChildIds { get; set; }

    public long? Before { get; set; }

    [Range(1, 200)]
    public int PageSize { get; set; } = 50;
}

/// <summary>
/// The DPO's search of the audit trail by user, child, period and kind of event (newest first, keyset pages).
/// A child filter also finds the list views in which the child appeared. The page names the children it shows,
/// so its audit row lists them, like any list.
/// </summary>
public sealed class SearchAudit(AppDbContext db, AuditScope scope)
{
    public async Task<Result<AuditPage>> HandleAsync(SearchAuditRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reach = await scope.ForAsync(Permission.SearchAudit, cancellationToken);
        if (reach is null)
        {
            return Result<AuditPage>.NotFound();
        }

        var errors = Validation.Check(request);
        if (request.From is { Year: < 2000 or > 2999 } || request.To is { Year: < 2000 or > 2999 })
        {
            Validation.Add(errors, "from", "Période hors limites (années 2000 à 2999).");
        }

        if (request.From is { } f && request.To is { } t && t < f)
        {
            Validation.Add(errors, "to", "La fin de période précède son début.");
        }

        if (errors.Count > 0)
        {
            return Result<AuditPage>.Invalid(errors);
        }

        // A département's DPO searches its own département's trail (AuditReach).
        var query = reach.Records(db, db.AuditRecords.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            var name = request.UserName.Trim();
            query = query.Where(r => r.UserName == name);
        }

        var childIds = request.ChildIds?.ToList() ?? [];
        if (request.ChildId is { } childId)
        {
            childIds.Add(childId);
        }

        if (request.ChildId is not null || request.ChildIds is not null)
        {
            var listedIn = db.AuditListedChildren.Where(l => childIds.Contains(l.ChildId)).Select(l => l.AuditSequence);
            query = query.Where(r => (r.ChildId != null && childIds.Contains(r.ChildId.Value)) || listedIn.Contains(r.Sequence));
        }

        if (request.From is { } from)
        {
            // Days are French days: midnight in Paris, stored as UTC.
            var start = Shared.Format.FromParis(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.OccurredAt >= start);
        }

        if (request.To is { } to)
        {
            var end = Shared.Format.FromParis(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.OccurredAt < end);
        }

        if (request.EventType is { } type)
        {
            query = query.Where(r => r.EventType == type);
        }

        if (request.Kind is { } kind)
        {
            var types = AuditEventKinds.TypesOf(kind);
            query = query.Where(r => types.Contains(r.EventType));
        }

        if (request.Before is { } before)
        {
            query = query.Where(r => r.Sequence < before);
        }

        var rows = await AuditEntries.PageAsync(db, query, request.PageSize + 1, cancellationToken);
        var shown = rows.Take(request.PageSize).Select(r => r.ChildId).OfType<Guid>();
        db.Audit.RecordList(AuditEventType.AuditSearched, shown, details: JsonSerializer.Serialize(new
        {
            request.UserName,
            request.ChildId,
            request.From,
            request.To,
            request.EventType,
            request.Kind,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<AuditPage>.Ok(new AuditPage(rows.Take(request.PageSize).ToList(), rows.Count > request.PageSize ? rows[request.PageSize - 1].Sequence : null));
    }
}
