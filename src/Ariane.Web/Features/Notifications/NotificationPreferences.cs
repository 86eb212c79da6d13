using System.ComponentModel.DataAnnotations;
using Ariane.Core.Notifications;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Notifications;

public sealed record NotificationPreferencesDto(NotificationDelivery Delivery, TimeOnly DigestAt, TimeOnly? QuietFrom, TimeOnly? QuietUntil, bool IsDefault);

public sealed class SaveNotificationPreferencesRequest
{
    [Required(ErrorMessage = "Choisissez quand être notifié.")]
    public NotificationDelivery? Delivery { get; set; }

    /// <summary>Paris time of the daily digest; 08:00 when left empty.</summary>
    public TimeOnly? DigestAt { get; set; }

    /// <summary>Quiet hours, Paris time: both or neither.</summary>
    public TimeOnly? QuietFrom { get; set; }

    public TimeOnly? QuietUntil { get; set; }
}

/// <summary>The signed-in user's notification choices: read (defaults when never saved) and save (audited, 2110/2111).</summary>
public sealed class NotificationPreferences(AppDbContext db, CurrentUser currentUser)
{
    public async Task<Result<NotificationPreferencesDto>> GetAsync(CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } me)
        {
            return Result<NotificationPreferencesDto>.NotFound();
        }

        var stored = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me, cancellationToken);
        return Result<NotificationPreferencesDto>.Ok(ToDto(stored ?? NotificationPreference.Defaults(me), stored is null));
    }

    public async Task<Result<NotificationPreferencesDto>> SaveAsync(SaveNotificationPreferencesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (currentUser.UserId is not { } me)
        {
            return Result<NotificationPreferencesDto>.NotFound();
        }

        var errors = Validation.Check(request);
        Validation.Defined(request.Delivery, "delivery", errors);
        if (request.QuietFrom.HasValue != request.QuietUntil.HasValue)
        {
            Validation.Add(errors, request.QuietFrom.HasValue ? "quietUntil" : "quietFrom", "Indiquez le début et la fin des heures calmes, ou aucun des deux.");
        }

        if (errors.Count > 0)
        {
            return Result<NotificationPreferencesDto>.Invalid(errors);
        }

        var stored = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == me, cancellationToken);
        if (stored is null)
        {
            stored = new NotificationPreference { UserId = me };
            db.NotificationPreferences.Add(stored);
        }

        stored.Delivery = request.Delivery!.Value;
        stored.DigestAt = request.DigestAt ?? new TimeOnly(8, 0);
        stored.QuietFrom = request.QuietFrom;
        stored.QuietUntil = request.QuietUntil;
        stored.UpdatedAt = db.Audit.Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Saved twice at the same instant (two tabs): the other one won; say what is stored.
            db.ChangeTracker.Clear();
            return await GetAsync(cancellationToken);
        }

        return Result<NotificationPreferencesDto>.Ok(ToDto(stored, false));
    }

    private static NotificationPreferencesDto ToDto(NotificationPreference p, bool isDefault) =>
        new(p.Delivery, p.DigestAt, p.HasQuietHours ? p.QuietFrom : null, p.HasQuietHours ? p.QuietUntil : null, isDefault);
}
