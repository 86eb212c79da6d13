using Microsoft.AspNetCore.Identity;

namespace Ariane.Web.Features.Admin.Users;

/// <summary>Identity's (French) errors, put against the field they are about.</summary>
internal static class IdentityErrors
{
    public static Dictionary<string, string[]> ToFields(IdentityResult result) =>
        result.Errors
            .GroupBy(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => "userName",
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) => "email",
                _ => string.Empty,
            })
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    public static bool IsConcurrencyFailure(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
}
