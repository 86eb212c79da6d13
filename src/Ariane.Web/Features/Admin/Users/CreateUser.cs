using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Ariane.Web.Features.Admin.Users;

public sealed class CreateUserRequest
{
    [Required(ErrorMessage = "L'identifiant est obligatoire.")]
    [StringLength(64, MinimumLength = 3, ErrorMessage = "L'identifiant doit contenir entre 3 et 64 caractères.")]
    [RegularExpression(@"^[A-Za-z0-9._@+\-]+$", ErrorMessage = "L'identifiant ne peut contenir que des lettres sans accent, des chiffres et . _ - @ +.")]
    [Display(Name = "Identifiant de connexion")]
    public string? UserName { get; set; }

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

    [Display(Name = "Service")]
    public Guid? ServiceId { get; set; }

    [StringLength(50, ErrorMessage = "Rôle inconnu.")]
    [Display(Name = "Rôle")]
    public string? RoleCode { get; set; }
}

/// <summary>The new account and its temporary password, to show once: it is stored only hashed.</summary>
public sealed record CreatedUser(Guid Id, string UserName, string DisplayName, string TemporaryPassword);

/// <summary>Creates a personal account with a generated temporary password and its first membership (optional for the platform administrator only).</summary>
public sealed class CreateUser(AppDbContext db, UserManager<AppUser> users, AdminScope scope, TimeProvider time)
{
    public async Task<Result<CreatedUser>> HandleAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reach = await scope.ForAsync(Permission.ManageUsers, cancellationToken);
        if (reach is null)
        {
            return Result<CreatedUser>.Forbidden();
        }

        var errors = Validation.Check(request);
        if (request.ServiceId is not null && string.IsNullOrEmpty(request.RoleCode))
        {
            Validation.Add(errors, "roleCode", "Choisissez le rôle dans ce service, ou aucun service.");
        }
        else if (request.ServiceId is null && !string.IsNullOrEmpty(request.RoleCode))
        {
            Validation.Add(errors, "serviceId", "Choisissez le service où ce rôle s'exerce, ou aucun rôle.");
        }
        else if (request.ServiceId is null && !reach.Platform)
        {
            // An account with no membership is the platform's to manage (AdminReach): a département's
            // administrator would lose it at once.
            Validation.Add(errors, "serviceId", "Choisissez le service et le rôle du nouveau compte.");
        }
        else if (errors.Count == 0 && request.ServiceId is { } serviceId)
        {
            await AddMembership.CheckAsync(db, reach, serviceId, request.RoleCode!, errors, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return Result<CreatedUser>.Invalid(errors);
        }

        return await AdminTransaction.RunAsync(db, ct => CreateAsync(request, ct), cancellationToken);
    }

    private async Task<Result<CreatedUser>> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            UserName = request.UserName!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            JobTitle = string.IsNullOrWhiteSpace(request.JobTitle) ? null : request.JobTitle.Trim(),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            IsActive = true,
            CreatedAt = now,
            MustChangePassword = true,
        };
        var password = TemporaryPassword.Generate(users.Options.Password.RequiredLength, users.Options.Password.RequiredUniqueChars);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result<CreatedUser>.Invalid(IdentityErrors.ToFields(created));
        }

        db.Audit.Record(
            AuditEventType.UserCreated,
            entityType: nameof(AppUser),
            entityId: user.Id,
            details: JsonSerializer.Serialize(new { userName = user.UserName, displayName = user.DisplayName, jobTitle = user.JobTitle, email = user.Email, temporaryPassword = true }));
        if (request.ServiceId is { } serviceId)
        {
            var membership = new Membership { UserId = user.Id, ServiceId = serviceId, RoleCode = request.RoleCode!, CreatedAt = now };
            db.Memberships.Add(membership);
            AddMembership.Record(db, membership, user.UserName);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<CreatedUser>.Ok(new CreatedUser(user.Id, user.UserName, user.DisplayName, password));
    }
}
