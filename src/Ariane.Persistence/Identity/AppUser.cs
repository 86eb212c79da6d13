using Microsoft.AspNetCore.Identity;

namespace Ariane.Persistence.Identity;

/// <summary>A personal account. Never shared: delegation replaces password sharing.</summary>
[Core.Common.NotAuditedData("sign-ins and account changes are explicit events (1xx, 2xx), never raw column diffs: a password hash has no place in the audit")]
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }
    public string? JobTitle { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Created by the demo seeder: refused at login unless the app runs in demo mode.</summary>
    public bool IsDemoAccount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>Set when an administrator gave a temporary password: the person must choose their own first.</summary>
    public bool MustChangePassword { get; set; }
}
