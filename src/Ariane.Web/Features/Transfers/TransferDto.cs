using Ariane.Core.Children;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Transfers;

/// <summary>A transfer as both sides see it: the child it concerns, who proposed it, what was decided.</summary>
public sealed record TransferDto(
    Guid Id,
    Guid ChildId,
    string ChildName,
    string? DossierNumber,
    string ChildBirthDate,
    string FromDepartementCode,
    string FromDepartementName,
    string ToDepartementCode,
    string ToDepartementName,
    DateOnly EffectiveOn,
    string Reason,
    string? NoteForReceivers,
    TransferState State,
    string ProposedByName,
    DateTime ProposedAt,
    string? DecidedByName,
    DateTime? DecidedAt,
    string? DecisionReason,
    DateOnly? SendingReadUntil,
    int Version)
{
    /// <summary>The transfers matching <paramref name="query"/>, with their départements' names: one query.</summary>
    public static async Task<List<TransferDto>> ListAsync(AppDbContext db, IQueryable<DepartementTransfer> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var departements = db.Organisations.Where(o => o.Kind == OrganisationKind.Departement);
        var rows = await (
                from t in query.AsNoTracking()
                join c in db.Children on t.ChildId equals c.Id
                orderby t.CreatedAt descending
                select new
                {
                    Transfer = t,
                    c.BirthName,
                    c.UsageName,
                    c.FirstNames,
                    c.DossierNumber,
                    c.BirthDate,
                    FromName = departements.Where(o => o.DepartementCode == t.FromDepartementCode).Select(o => o.Name).FirstOrDefault(),
                    ToName = departements.Where(o => o.DepartementCode == t.ToDepartementCode).Select(o => o.Name).FirstOrDefault(),
                })
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var t = r.Transfer;
            var child = new Child { BirthName = r.BirthName, UsageName = r.UsageName, FirstNames = r.FirstNames, BirthDate = r.BirthDate, ResponsibleDepartementCode = t.ToDepartementCode };
            return new TransferDto(
                t.Id, t.ChildId, child.DisplayName, r.DossierNumber, r.BirthDate.ToString(),
                t.FromDepartementCode, r.FromName ?? t.FromDepartementCode, t.ToDepartementCode, r.ToName ?? t.ToDepartementCode,
                t.EffectiveOn, t.Reason, t.NoteForReceivers, t.State, t.ProposedByName, t.CreatedAt,
                t.DecidedByName, t.DecidedAt, t.DecisionReason, t.SendingReadUntil, t.Version);
        })];
    }

    /// <summary>A département has a handful of transfers pending at once; the list says so when it stops.</summary>
    public const int MaxListed = 200;

    public static async Task<TransferDto> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await ListAsync(db, db.DepartementTransfers.Where(t => t.Id == id), cancellationToken)).Single();
}
