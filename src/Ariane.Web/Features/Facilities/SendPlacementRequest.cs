using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Core.Facilities;
using Ariane.Core.Notifications;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Features.Notifications;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

public sealed class SendPlacementRequestInput
{
    public Guid ChildId { get; set; }
    /// <summary>The facilities asked (one request each), at most 20.</summary>
    public List<Guid> FacilityIds { get; set; } = [];
    public CareType CareType { get; set; } = CareType.Permanent;
    public DateOnly? WantedFrom { get; set; }
    [Required(ErrorMessage = "Décrivez les besoins de l'enfant, sans nom ni détail inutile.")]
    [StringLength(PlacementRequest.NeedsMaxLength, ErrorMessage = "Les besoins tiennent en 2 000 caractères au plus.")]
    [MultiLine]
    public string? Needs { get; set; }
    [Range(0, 12, ErrorMessage = "Le nombre de frères et sœurs va de 0 à 12.")]
    public int SiblingsTogether { get; set; }
    [StringLength(30, ErrorMessage = "Le téléphone fait au plus 30 caractères.")]
    public string? ContactPhone { get; set; }
}

/// <summary>
/// Sends a request for a place to one or several facilities (FindPlaces, and social write on the child).
/// Only age, sex, type of care, date, siblings and needs are copied: never the name (docs/domain.md, Places).
/// The facilities' chefs de service are notified.
/// </summary>
public sealed class SendPlacementRequest(AppDbContext db, CurrentUser currentUser, ChildAccess access, NotificationSender sender, TimeProvider time, GetPlacementRequest get)
{
    public async Task<Result<PlacementRequestView>> HandleAsync(SendPlacementRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!subject.Has(Permission.FindPlaces))
        {
            return Result<PlacementRequestView>.Forbidden();
        }

        var opening = await access.OpenAsync(input.ChildId, AccessOperation.Write, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<PlacementRequestView>.NotFound();
        }

        var errors = Validation.Check(input);
        Validation.Defined<Ariane.Core.Placements.CareType>(input.CareType, nameof(input.CareType), errors);
        var today = Shared.Format.Today(time);
        if (input.WantedFrom is not { } from || from < today.AddDays(-1) || from > today.AddYears(1))
        {
            Validation.Add(errors, nameof(input.WantedFrom), "Indiquez à partir de quand (d'aujourd'hui à dans un an).");
        }

        var ids = (input.FacilityIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 20)
        {
            Validation.Add(errors, nameof(input.FacilityIds), "Choisissez de 1 à 20 lieux d'accueil.");
        }

        var facilities = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id) && f.IsActive)
            .Select(f => new { f.Id, f.Name, f.ServiceId }).ToListAsync(cancellationToken);
        if (ids.Count > 0 && facilities.Count != ids.Count)
        {
            Validation.Add(errors, nameof(input.FacilityIds), "Un des lieux d'accueil choisis n'existe pas ou n'accueille plus.");
        }

        if (errors.Count > 0)
        {
            return Result<PlacementRequestView>.Invalid(errors);
        }

        var child = await db.Children.AsNoTracking().Where(c => c.Id == input.ChildId)
            .Select(c => new { c.Sex, c.BirthDate, c.ResponsibleDepartementCode }).SingleAsync(cancellationToken);
        var serviceId = subject.Grants.Where(g => g.Role.Has(Permission.FindPlaces))
            .OrderByDescending(g => opening.Facts?.AssignedServiceIds.Contains(g.ServiceId) == true).Select(g => g.ServiceId).First();
        var now = time.GetUtcNow().UtcDateTime;
        var name = await currentUser.DisplayNameAsync(cancellationToken);
        var request = new PlacementRequest
        {
            ChildId = input.ChildId,
            DepartementCode = child.ResponsibleDepartementCode,
            RequestedByServiceId = serviceId,
            RequestedByUserId = subject.UserId,
            RequestedByName = name,
            ContactPhone = string.IsNullOrWhiteSpace(input.ContactPhone) ? null : input.ContactPhone.Trim(),
            CareType = input.CareType,
            WantedFrom = input.WantedFrom!.Value,
            ChildAgeYears = FacilityRules.AgeYears(child.BirthDate.Year, child.BirthDate.Month, child.BirthDate.Day, today),
            ChildSex = child.Sex,
            SiblingsTogether = input.SiblingsTogether,
            Needs = input.Needs!.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var f in facilities)
        {
            request.Targets.Add(new PlacementRequestTarget { ChildId = input.ChildId, FacilityId = f.Id, UpdatedAt = now, UpdatedByName = name });
        }

        db.PlacementRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);

        // The facility's chefs de service: the text says what is asked, never who.
        var serviceIds = facilities.Where(f => f.ServiceId != null).Select(f => f.ServiceId!.Value).ToList();
        var recipients = await FacilityChefs.OfServicesAsync(db, serviceIds, cancellationToken);
        var drafts = recipients.Select(r =>
        {
            var f = facilities.First(x => x.ServiceId == r.ServiceId);
            return new NotificationDraft(r.UserId, NotificationKind.PlacementRequestReceived, "Nouvelle demande de place",
                $"Demande de place pour {f.Name} : {PlaceKinds.CareTypeLabel(request.CareType)}, {FacilityLabels.Years(request.ChildAgeYears)}, à partir du {Shared.Format.Date(request.WantedFrom)}.",
                $"/Facilities/Inbox/{f.Id}", request.Id, $"placement-request:{request.Id:N}:{f.Id:N}");
        }).ToList();
        if (drafts.Count > 0)
        {
            await sender.SendAsync(drafts, cancellationToken);
        }

        return await get.HandleAsync(request.Id, cancellationToken);
    }
}
