using Ariane.Core.Audit;
using Ariane.Persistence;
using Ariane.Persistence.Identity;

namespace Ariane.Web.Features.Account;

/// <summary>Records authentication events (login, failures, lockouts, 2FA...) in the audit trail, at once.</summary>
public sealed class AuthAudit(AppDbContext db)
{
    public async Task RecordAsync(AuditEventType type, AppUser? user, string? attemptedName = null, AuditOutcome outcome = AuditOutcome.Success, string? details = null)
    {
        var name = user?.UserName ?? Truncate(attemptedName);
        // For an unknown login the attempted name is kept, never the password.
        db.Audit.Record(type, outcome: outcome, userId: user?.Id, userName: name, details: details);

        await db.SaveChangesAsync();
    }

    private static string? Truncate(string? value) => value is null ? null : value.Length <= 256 ? value : value[..256];
}
