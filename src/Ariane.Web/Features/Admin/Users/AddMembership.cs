using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

public sealed class AddMembershipRequest
{
    [Required(ErrorMessage = "Choisissez le service.")]
    [Display(Name = "Service")]
    public Guid? ServiceId { get; set; }

    [Required(ErrorMessage = "Choisissez le rôle.")]
    [StringLength(50, ErrorMessage = "Rôle inconnu.")]
    [Display(Name = "Rôle")]
    public string? RoleCode { get; set; }
}

/// <summary>Gives a user a role in a service (a membership: the basis of every right), audited.</summary>
public sealed class AddMembership(AppDbContext db, CurrentUser currentUser, TimeProvider time, AdminScope scope)
{
    public async Task<Result<Guid>> HandleAsync(Guid userId, AddMembershipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reach = await scope.ForAsync(Permission.ManageUsers, cancellationToken);
        if (reach is null)
        {
            return Result<Guid>.Forbidden();
        }

        // An account of another département is answered as an unknown one.
        if (!await reach.Users(db).AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return Result<Guid>.NotFound();
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Result<Guid>.NotFound();
        }

        // No one grants rights to themselves: another administrator must do it (and it is audited).
        if (userId == currentUser.UserId)
        {
            return Result<Guid>.Invalid("roleCode", "Vous ne pouvez pas vous attribuer une habilitation : demandez-la à un autre administrateur.");
        }

        var errors = Validation.Check(request);
        if (errors.Count == 0)
        {
            await CheckAsync(db, reach, request.ServiceId!.Value, request.RoleCode!, errors, cancellationToken);
        }

        if (errors.Count == 0 && await db.Memberships.AnyAsync(
                m => m.UserId == userId && m.ServiceId == request.ServiceId && m.RoleCode == request.RoleCode, cancellationToken))
        {
            Validation.Add(errors, "roleCode", "Cette personne a déjà ce rôle dans ce service.");
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid(errors);
        }

        var membership = new Membership
        {
            UserId = userId,
            ServiceId = request.ServiceId!.Value,
            RoleCode = request.RoleCode!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Memberships.Add(membership);
        Record(db, membership, user.UserName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Result<Guid>.Invalid("roleCode", "Cette personne a déjà ce rôle dans ce service.");
        }

        return Result<Guid>.Ok(membership.Id);
    }

    /// <summary>The service must exist and be active, the role must exist.</summary>
    internal static async Task CheckAsync(AppDbContext db, AdminReach reach, Guid serviceId, string roleCode, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        // A service of an organisation the administrator does not manage is, to them, no service.
        var organisations = reach.Organisations(db.Organisations).Select(o => o.Id);
        if (!await db.Services.AnyAsync(s => s.Id == serviceId && s.IsActive && organisations.Contains(s.OrganisationId), cancellationToken))
        {
            Validation.Add(errors, "serviceId", "Ce service n'existe pas ou est désactivé.");
        }

        if (!await db.AccessRoles.AnyAsync(r => r.Code == roleCode, cancellationToken))
        {
            Validation.Add(errors, "roleCode", "Ce rôle n'existe pas.");
        }
    }

    internal static void Record(AppDbContext db, Membership membership, string? userName) =>
        db.Audit.Record(
            AuditEventType.MembershipAdded,
            entityType: nameof(Membership),
            entityId: membership.Id,
            details: JsonSerializer.Serialize(new { userId = membership.UserId, userName, serviceId = membership.ServiceId, roleCode = membership.RoleCode }));
}
