using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Access;

public sealed class BreakGlassRequest
{
    [Required(ErrorMessage = "Le motif est obligatoire.")]
    [StringLength(1000, ErrorMessage = "Le motif ne peut dépasser 1000 caractères.")]
    [MultiLine]
    public string? Reason { get; set; }
}

/// <summary>
/// Emergency access ("bris de glace") for on-call staff to a child outside their assignments: needs
/// the BreakGlass permission and a written reason, lasts a limited time, reads only, and raises an
/// alert for the cadres and the DPO. The child is designated by its id (found through the on-call
/// procedure); an unknown id and a refused request look the same.
/// </summary>
public sealed class OpenBreakGlass(AppDbContext db, CurrentUser currentUser, TimeProvider time, IOptions<AccessOptions> options)
{
    public async Task<Result<DateTime>> HandleAsync(Guid childId, BreakGlassRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Grants.Any(g => g.Role.Scope != AccessScope.None && g.Role.Has(Permission.BreakGlass)))
        {
            return Result<DateTime>.Forbidden();
        }

        var reason = request.Reason?.Trim() ?? string.Empty;
        var errors = Validation.Check(request);
        if (reason.Length < options.Value.MinBreakGlassReasonLength && !errors.ContainsKey("reason"))
        {
            Validation.Add(errors, "reason", $"Décrivez la situation d'urgence en au moins {options.Value.MinBreakGlassReasonLength} caractères.");
        }

        if (errors.Count > 0)
        {
            return Result<DateTime>.Invalid(errors);
        }

        // Break-the-glass stays within the département of the grant that allows it (a grant with no
        // département, as in an association, is not limited): a child of another département is answered
        // as an unknown one.
        var glassGrants = subject.Grants.Where(g => g.Role.Scope != AccessScope.None && g.Role.Has(Permission.BreakGlass)).ToList();
        var anywhere = glassGrants.Any(g => string.IsNullOrEmpty(g.DepartementCode));
        var codes = glassGrants.DepartementCodes();
        if (!await db.Children.AnyAsync(c => c.Id == childId && (anywhere || codes.Contains(c.ResponsibleDepartementCode)), cancellationToken))
        {
            return Result<DateTime>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var access = new BreakGlassAccess
        {
            UserId = subject.UserId,
            ChildId = childId,
            Reason = reason,
            StartsAt = now,
            EndsAt = now + options.Value.BreakGlassDuration,
        };
        db.BreakGlassAccesses.Add(access);
        db.AccessAlerts.Add(new AccessAlert
        {
            BreakGlassAccessId = access.Id,
            UserId = subject.UserId,
            ChildId = childId,
            Reason = reason,
            RaisedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Result<DateTime>.Ok(access.EndsAt);
    }
}
