using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Admin.Users;

[NoChildData]
public sealed class RemoveMembershipModel(GetUser getUser, RemoveMembership remove) : ConfirmAccountPage(getUser)
{
    public MembershipRow? Membership { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid membershipId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Membership = Account!.Memberships.FirstOrDefault(m => m.Id == membershipId);
        return Membership is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid membershipId, CancellationToken cancellationToken)
    {
        var result = await remove.HandleAsync(id, membershipId, cancellationToken);
        var answer = await AfterAsync(id, result, "L'habilitation a été retirée.", cancellationToken);
        Membership = Account?.Memberships.FirstOrDefault(m => m.Id == membershipId);
        return answer is PageResult && Membership is null ? NotFound() : answer;
    }
}
