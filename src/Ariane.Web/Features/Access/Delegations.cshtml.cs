using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Common;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Access;

/// <summary>The form of a delegation as typed: the dossier number as text and the end in Paris time.</summary>
public sealed class DelegationForm
{
    [Display(Name = "Collègue qui vous remplace")]
    [Required(ErrorMessage = "Choisissez le collègue qui vous remplace.")]
    public Guid? ToUserId { get; set; }

    [Display(Name = "Dossier")]
    [StringLength(40, ErrorMessage = "Numéro de dossier illisible.")]
    public string? ChildId { get; set; }

    /// <summary>Day the delegation ends, typed JJ/MM/AAAA like every date of the forms.</summary>
    [Display(Name = "Fin de la délégation")]
    [Required(ErrorMessage = "La date de fin est obligatoire.")]
    public DateOnly? EndsOn { get; set; }

    /// <summary>Hour it ends that day, Paris time, typed HH:MM (a text field: type="time" follows the browser's language, 6:00 PM in English).</summary>
    [Display(Name = "Heure de fin")]
    [Required(ErrorMessage = "L'heure de fin est obligatoire.")]
    [StringLength(5, ErrorMessage = FrenchDates.InvalidTimeMessage)]
    public string? EndsAtTime { get; set; }

    [Display(Name = "Motif")]
    [Required(ErrorMessage = "Le motif est obligatoire.")]
    [StringLength(1000, ErrorMessage = "Le motif ne peut dépasser 1000 caractères.")]
    [MultiLine]
    public string? Reason { get; set; }
}

/// <summary>
/// Temporary cover during an absence, instead of sharing a password: delegations I gave and received,
/// a form to give one, and links to withdraw mine (through a confirmation page).
/// Shows dossier numbers only, never a child's data.
/// </summary>
[NoChildData]
public sealed class DelegationsModel(Delegations delegations, ListAssignableTargets targets, FindChildByNumber numbers, CurrentUser currentUser, TimeProvider time, IOptions<AccessOptions> options) : PageModel
{
    [BindProperty]
    public DelegationForm Form { get; set; } = new();

    public IReadOnlyList<DelegationDto> Given { get; private set; } = [];

    public IReadOnlyList<DelegationDto> Received { get; private set; } = [];

    public IReadOnlyList<AssignableUser> Colleagues { get; private set; } = [];

    public bool CanDelegate { get; private set; }

    public DateTime Now { get; private set; }

    public AccessOptions Limits => options.Value;

    public async Task OnGetAsync(Guid? childId, CancellationToken cancellationToken)
    {
        // « Déléguer ce dossier » from the record: the form shows the number the record shows.
        Form.ChildId = childId is { } id ? await numbers.NumberOfAsync(id, cancellationToken) ?? id.ToString() : null;
        // Default end: in a week, at 18:00 Paris time.
        var paris = Format.ToParis(time.GetUtcNow().UtcDateTime);
        Form.EndsOn = DateOnly.FromDateTime(paris.Date.AddDays(7));
        Form.EndsAtTime = "18:00";
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Guid? childId = null;
        if (!string.IsNullOrWhiteSpace(Form.ChildId))
        {
            // Only the user's own records can be delegated: the number is looked up among those they may read.
            var reference = await numbers.AmongReadableAsync(Form.ChildId, cancellationToken);
            if (!reference.Readable)
            {
                ModelState.AddModelError("Form.ChildId", "Numéro de dossier illisible : il s'écrit comme en haut du dossier (99-2026-000123), ou laissez vide.");
            }
            else if (reference.ChildId is null)
            {
                ModelState.AddModelError("Form.ChildId", "Aucun de vos dossiers ne porte ce numéro.");
            }
            else
            {
                childId = reference.ChildId;
            }
        }

        TimeOnly endTime = default;
        if (!string.IsNullOrWhiteSpace(Form.EndsAtTime) && !FrenchDates.TryParseTime(Form.EndsAtTime, out endTime))
        {
            ModelState.AddModelError("Form.EndsAtTime", FrenchDates.InvalidTimeMessage);
        }

        if (ModelState.IsValid)
        {
            var request = new DelegationRequest
            {
                ToUserId = Form.ToUserId,
                ChildId = childId,
                EndsAt = Form.EndsOn is { } day ? Format.FromParis(day.ToDateTime(endTime)) : null,
                Reason = Form.Reason,
            };
            var result = await delegations.GrantAsync(request, cancellationToken);
            switch (result.Status)
            {
                case ResultStatus.Ok:
                    TempData["Message"] = $"Délégation accordée jusqu'au {Format.DateAtTime(request.EndsAt!.Value)}.";
                    return RedirectToPage();
                case ResultStatus.Forbidden:
                    return Forbid();
                case ResultStatus.Invalid:
                    // The handler speaks of the instant (endsAt); the form shows it as a day and an hour.
                    ModelState.AddErrors(result.Errors?.ToDictionary(e => e.Key == "endsAt" ? "endsOn" : e.Key, e => e.Value), nameof(Form));
                    break;
                default:
                    return NotFound();
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public string Status(DelegationDto d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.RevokedAt is not null ? "retirée"
            : d.EndsAt <= Now ? "terminée"
            : d.StartsAt > Now ? "à venir"
            : "active";
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        var subject = await currentUser.SubjectAsync(cancellationToken);
        CanDelegate = subject.Has(Permission.Delegate);
        var mine = await delegations.MineAsync(cancellationToken);
        Given = mine.Where(d => d.FromUserId == subject.UserId).ToList();
        Received = mine.Where(d => d.ToUserId == subject.UserId && d.FromUserId != subject.UserId).ToList();
        if (CanDelegate)
        {
            Colleagues = (await targets.HandleAsync(cancellationToken)).Users.Where(u => u.Id != subject.UserId).ToList();
        }
    }
}
