using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>One account: profile (with conflict detection), memberships, state and security actions.</summary>
[NoChildData]
public sealed class DetailsModel(GetUser getUser, GetMembershipOptions options, UpdateUserProfile update, AddMembership add, ReactivateUser reactivate)
    : PageModel
{
    public UserDetails? Account { get; private set; }

    public MembershipOptions? Options { get; private set; }

    public UpdateUserProfileRequest Profile { get; private set; } = new();

    public AddMembershipRequest NewMembership { get; private set; } = new();

    /// <summary>Set when someone else saved the profile first: what is stored now.</summary>
    public UserProfileConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, fillProfile: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostProfileAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await TryUpdateModelAsync(Profile, nameof(Profile)))
        {
            return await LoadAsync(id, fillProfile: false, cancellationToken) ?? Page();
        }

        var result = await update.HandleAsync(id, Profile, cancellationToken);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        if (result.Status == ResultStatus.Conflict)
        {
            Conflict = (UserProfileConflict)result.Current!;
            // The next save goes over what is stored now: the administrator has seen it.
            ModelState.Remove($"{nameof(Profile)}.{nameof(Profile.ConcurrencyStamp)}");
            Profile.ConcurrencyStamp = Conflict.ConcurrencyStamp;
        }
        else if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors, nameof(Profile));
        }
        else
        {
            TempData["Message"] = "Les informations du compte ont été enregistrées.";
            return RedirectToPage(new { id });
        }

        return await LoadAsync(id, fillProfile: false, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAddMembershipAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await TryUpdateModelAsync(NewMembership, nameof(NewMembership)))
        {
            return await LoadAsync(id, fillProfile: true, cancellationToken) ?? Page();
        }

        var result = await add.HandleAsync(id, NewMembership, cancellationToken);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors, nameof(NewMembership));
            return await LoadAsync(id, fillProfile: true, cancellationToken) ?? Page();
        }

        TempData["Message"] = "L'habilitation a été ajoutée.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await reactivate.HandleAsync(id, cancellationToken);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        TempData["Message"] = "Le compte a été réactivé. La personne peut de nouveau se connecter.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool fillProfile, CancellationToken cancellationToken)
    {
        var account = await getUser.HandleAsync(id, cancellationToken);
        if (this.Refusal(account) is { } refusal)
        {
            return refusal;
        }

        var choices = await options.HandleAsync(cancellationToken);
        Account = account.Value!;
        Options = choices.Value;
        if (fillProfile)
        {
            Profile = new UpdateUserProfileRequest
            {
                DisplayName = Account.DisplayName,
                JobTitle = Account.JobTitle,
                Email = Account.Email,
                ConcurrencyStamp = Account.ConcurrencyStamp,
            };
        }

        return this.Refusal(choices);
    }
}
