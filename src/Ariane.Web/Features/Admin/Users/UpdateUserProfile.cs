using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin.Users;

public sealed class UpdateUserProfileRequest
{
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(200, ErrorMessage = "Le nom ne peut dépasser 200 caractères.")]
    [Display(Name = "Prénom et nom")]
    public string? DisplayName { get; set; }

    [StringLength(200, ErrorMessage = "La fonction ne peut dépasser 200 caractères.")]
    [Display(Name = "Fonction")]
    public string? JobTitle { get; set; }

    [EmailAddress(ErrorMessage = "Adresse électronique invalide.")]
    [StringLength(256, ErrorMessage = "L'adresse ne peut dépasser 256 caractères.")]
    [Display(Name = "Adresse électronique (facultative)")]
    public string? Email { get; set; }

    /// <summary>Identity's concurrency stamp as the editor read it: a save over a newer one is a conflict.</summary>
    [Required(ErrorMessage = "Rechargez la page avant d'enregistrer.")]
    [StringLength(64, ErrorMessage = "Rechargez la page avant d'enregistrer.")]
    public string? ConcurrencyStamp { get; set; }
}

/// <summary>What is stored now, returned with a conflict so that the administrator can compare.</summary>
public sealed record UserProfileConflict(string ConcurrencyStamp, string DisplayName, string? JobTitle, string? Email);

/// <summary>Edits an account's name, job title and address with optimistic concurrency (Identity's stamp).</summary>
public sealed class UpdateUserProfile(AppDbContext db, UserManager<AppUser> users, AdminScope scope)
{
    public async Task<Result<Guid>> HandleAsync(Guid userId, UpdateUserProfileRequest request, CancellationToken cancellationToken)
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

        var errors = Validation.Check(request);
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid(errors);
        }

        return await AdminTransaction.RunAsync(db, ct => UpdateAsync(userId, request, ct), cancellationToken);
    }

    private async Task<Result<Guid>> UpdateAsync(Guid userId, UpdateUserProfileRequest request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<Guid>.NotFound();
        }

        if (user.ConcurrencyStamp != request.ConcurrencyStamp)
        {
            return Result<Guid>.Conflict(Current(user));
        }

        var before = new { displayName = user.DisplayName, jobTitle = user.JobTitle, email = user.Email };
        user.DisplayName = request.DisplayName!.Trim();
        user.JobTitle = string.IsNullOrWhiteSpace(request.JobTitle) ? null : request.JobTitle.Trim();
        user.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var after = new { displayName = user.DisplayName, jobTitle = user.JobTitle, email = user.Email };
        if (before.Equals(after))
        {
            return Result<Guid>.Ok(user.Id);
        }

        // The stamp the editor read is the one the UPDATE must still find, even if it changed since our SELECT.
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        var updated = await users.UpdateAsync(user);
        if (IdentityErrors.IsConcurrencyFailure(updated))
        {
            db.ChangeTracker.Clear();
            var fresh = await users.FindByIdAsync(userId.ToString());
            return fresh is null ? Result<Guid>.NotFound() : Result<Guid>.Conflict(Current(fresh));
        }

        if (!updated.Succeeded)
        {
            return Result<Guid>.Invalid(IdentityErrors.ToFields(updated));
        }

        db.Audit.Record(
            AuditEventType.UserUpdated,
            entityType: nameof(AppUser),
            entityId: user.Id,
            details: JsonSerializer.Serialize(new { userName = user.UserName, before, after }));
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(user.Id);
    }

    private static UserProfileConflict Current(AppUser user) =>
        new(user.ConcurrencyStamp ?? string.Empty, user.DisplayName, user.JobTitle, user.Email);
}
